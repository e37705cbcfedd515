// The pathway repository's patients and pathway records (store/pathway_repository.hpp): creating,
// finding, listing and updating them with their details. What is done on a pathway — key workers,
// preferences, actions, alert acknowledgements and break-glass access — is in pathway_repository_care.cpp.
#include "store/pathway_repository.hpp"

#include <map>

#include "store/pathway_tracking_repository.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using pathway::PathwayRecord;
using pathway::Patient;

constexpr const char* kPatientColumns =
    "id, nhs_number, given_name, family_name, date_of_birth, sex, postcode, area_code, deprivation_quintile, "
    "ethnic_group, preferred_language, interpreter_needed, accessibility_needs, communication_needs, gp_practice, "
    "consent_to_share";

constexpr const char* kPathwayColumns =
    "id, ref, patient_id, kind, route, referral_received_on, tumour_group, prime_provider, status, crisis_name, "
    "crisis_phone, about_me, what_matters, goals, communication_needs, care_plan, died_on, place_of_death";

Result<Patient> PatientFrom(const Row& row) {
    RowReader r(row, "patients");
    Patient p;
    p.id = r.Int(0);
    p.nhs_number = r.Text(1);
    p.given_name = r.Text(2);
    p.family_name = r.Text(3);
    p.date_of_birth = r.Date(4);
    p.sex = r.Enum(5, pathway::kSexes);
    p.postcode = r.Text(6);
    p.area_code = r.Text(7);
    p.deprivation_quintile = r.OptSmallInt(8);
    p.ethnic_group = r.Enum(9, pathway::kEthnicGroups);
    p.preferred_language = r.Text(10);
    p.interpreter_needed = r.Flag(11);
    p.accessibility_needs = r.Text(12);
    p.communication_needs = r.Text(13);
    p.gp_practice = r.Text(14);
    p.consent_to_share = r.Flag(15);
    CV_RETURN_IF_ERROR(r.status());
    return p;
}

std::vector<Value> PatientParams(const Patient& p) {
    return {p.nhs_number,
            p.given_name,
            p.family_name,
            p.date_of_birth.ToString(),
            std::string(NameOf(pathway::kSexes, p.sex)),
            p.postcode,
            p.area_code,
            p.deprivation_quintile ? Value(static_cast<std::int64_t>(*p.deprivation_quintile)) : Null(),
            std::string(NameOf(pathway::kEthnicGroups, p.ethnic_group)),
            p.preferred_language,
            static_cast<std::int64_t>(p.interpreter_needed),
            p.accessibility_needs,
            p.communication_needs,
            p.gp_practice,
            static_cast<std::int64_t>(p.consent_to_share)};
}

Result<PathwayRecord> PathwayFrom(const Row& row) {
    RowReader r(row, "pathways");
    PathwayRecord p;
    p.id = r.Int(0);
    p.ref = r.Text(1);
    p.patient_id = r.Int(2);
    p.kind = r.Enum(3, pathway::kPathwayKinds);
    p.route = r.OptEnum(4, pathway::kRouteNames);
    p.referral_received_on = r.OptDate(5);
    p.tumour_group = r.Text(6);
    p.prime_provider = r.Text(7);
    p.status = r.Enum(8, pathway::kPathwayStatuses);
    p.crisis_contact = {r.Text(9), r.Text(10)};
    p.summary = {r.Text(11), r.Text(12), r.Text(13), r.Text(14)};
    p.care_plan = r.Text(15);
    p.died_on = r.OptDate(16);
    p.place_of_death = r.OptEnum(17, pathway::kPlaces);
    CV_RETURN_IF_ERROR(r.status());
    return p;
}

pathway::KeyWorker KeyWorkerFrom(const Row& row) {
    return {row.Text(0), row.Text(1), row.Text(2), row.OptInt(3), row.Int(4), row.Text(5)};
}

}  // namespace

Result<Patient> PathwayRepository::CreatePatient(const Patient& patient, std::int64_t now, CivilDate today) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_RETURN_IF_ERROR(pathway::ValidatePatient(patient, today));
    CV_ASSIGN_OR_RETURN(auto existing, FindPatientByNhsNumber(patient.nhs_number));
    if (existing) {
        return Status::AlreadyExists("a patient with this NHS number is already recorded",
                                     {{"nhs_number", "is already recorded for another patient record"}});
    }
    std::vector<Value> params = PatientParams(patient);
    params.push_back(now);
    params.push_back(now);
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("INSERT INTO patients (nhs_number, given_name, family_name, date_of_birth, sex, "
                                       "postcode, area_code, deprivation_quintile, ethnic_group, preferred_language, "
                                       "interpreter_needed, accessibility_needs, communication_needs, gp_practice, "
                                       "consent_to_share, created_at, updated_at) VALUES "
                                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                       params));
    Patient created = patient;
    created.id = row.Int(0);
    for (auto& who : created.people_who_matter) {
        CV_ASSIGN_OR_RETURN(
            auto w, conn_.QueryOne("INSERT INTO people_who_matter (patient_id, name, relationship, "
                                   "how_to_reach, may_be_told) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                   {created.id, who.name, who.relationship, who.how_to_reach, who.may_be_told}));
        who.id = w.Int(0);
    }
    return created;
}

Result<Patient> PathwayRepository::FindPatient(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kPatientColumns + " FROM patients WHERE id = ?", {id});
    if (!row.ok()) {
        return row.status().code() == StatusCode::kNotFound ? Status::NotFound("there is no such patient")
                                                            : row.status();
    }
    CV_ASSIGN_OR_RETURN(auto patient, PatientFrom(*row));
    CV_ASSIGN_OR_RETURN(auto who, conn_.Query("SELECT id, name, relationship, how_to_reach, may_be_told FROM "
                                              "people_who_matter WHERE patient_id = ? ORDER BY id",
                                              {id}));
    for (const auto& w : who)
        patient.people_who_matter.push_back({w.Int(0), w.Text(1), w.Text(2), w.Text(3), w.Text(4)});
    return patient;
}

Result<std::optional<Patient>> PathwayRepository::FindPatientByNhsNumber(const std::string& nhs_number) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id FROM patients WHERE nhs_number = ?", {nhs_number}));
    if (rows.empty()) return std::optional<Patient>();
    CV_ASSIGN_OR_RETURN(auto patient, FindPatient(rows[0].Int(0)));
    return std::optional<Patient>(std::move(patient));
}

Status PathwayRepository::UpdatePatient(const Patient& patient, std::int64_t now, CivilDate today) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_RETURN_IF_ERROR(pathway::ValidatePatient(patient, today));
    std::vector<Value> params = PatientParams(patient);
    params.erase(params.begin());  // the NHS number does not change
    params.push_back(now);
    params.push_back(patient.id);
    CV_ASSIGN_OR_RETURN(auto n, conn_.Execute("UPDATE patients SET given_name = ?, family_name = ?, date_of_birth = ?, "
                                              "sex = ?, postcode = ?, area_code = ?, deprivation_quintile = ?, "
                                              "ethnic_group = ?, preferred_language = ?, interpreter_needed = ?, "
                                              "accessibility_needs = ?, communication_needs = ?, gp_practice = ?, "
                                              "consent_to_share = ?, updated_at = ? WHERE id = ?",
                                              params));
    if (n == 0) return Status::NotFound("there is no such patient");
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM people_who_matter WHERE patient_id = ?", {patient.id}).status());
    for (const auto& who : patient.people_who_matter) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO people_who_matter (patient_id, name, relationship, how_to_reach, "
                                        "may_be_told) VALUES (?, ?, ?, ?, ?)",
                                        {patient.id, who.name, who.relationship, who.how_to_reach, who.may_be_told})
                               .status());
    }
    return Status::Ok();
}

Result<PathwayRecord> PathwayRepository::CreatePathway(const PathwayRecord& record, std::int64_t now) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_RETURN_IF_ERROR(pathway::ValidatePathwayRecord(record));
    CV_ASSIGN_OR_RETURN(auto existing, FindPathwayByRef(record.ref));
    if (existing) return Status::AlreadyExists("a pathway with this reference exists", {{"ref", "is already used"}});
    CV_ASSIGN_OR_RETURN(
        auto row,
        conn_.QueryOne(
            "INSERT INTO pathways (ref, patient_id, kind, route, referral_received_on, tumour_group, prime_provider, "
            "status, crisis_name, crisis_phone, about_me, what_matters, goals, communication_needs, care_plan, "
            "died_on, place_of_death, created_at, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {record.ref, record.patient_id, std::string(NameOf(pathway::kPathwayKinds, record.kind)),
             record.route ? Value(std::string(NameOf(pathway::kRouteNames, *record.route))) : Null(),
             OptDateValue(record.referral_received_on), record.tumour_group, record.prime_provider,
             std::string(NameOf(pathway::kPathwayStatuses, record.status)), record.crisis_contact.name,
             record.crisis_contact.phone, record.summary.about_me, record.summary.what_matters, record.summary.goals,
             record.summary.communication_needs, record.care_plan, OptDateValue(record.died_on),
             record.place_of_death ? Value(std::string(NameOf(pathway::kPlaces, *record.place_of_death))) : Null(), now,
             now}));
    PathwayRecord created = record;
    created.id = row.Int(0);
    if (record.key_worker) CV_RETURN_IF_ERROR(AssignKeyWorker(created.id, *record.key_worker));
    return created;
}

Status PathwayRepository::FillDetails(PathwayRecord& record) {
    CV_ASSIGN_OR_RETURN(auto workers, conn_.Query("SELECT name, role, phone, user_id, assigned_at, assigned_by FROM "
                                                  "key_worker_assignments WHERE pathway_id = ? ORDER BY id DESC",
                                                  {record.id}));
    record.key_worker_history.clear();
    for (const auto& w : workers) record.key_worker_history.push_back(KeyWorkerFrom(w));
    record.key_worker.reset();
    if (!record.key_worker_history.empty()) record.key_worker = record.key_worker_history.front();
    CV_ASSIGN_OR_RETURN(auto prefs, conn_.Query("SELECT kind, state, value, detail, review_on, recorded_by, "
                                                "recorded_at FROM pathway_preferences WHERE pathway_id = ? ORDER BY id",
                                                {record.id}));
    record.preferences.clear();
    for (const auto& row : prefs) {
        RowReader r(row, "pathway_preferences");
        pathway::Preference p;
        p.kind = r.Enum(0, pathway::kPreferenceKinds);
        p.state =
            r.Text(1) == "decided" ? pathway::PreferenceState::kDecided : pathway::PreferenceState::kNotYetDecided;
        p.value = r.Text(2);
        p.detail = r.Text(3);
        p.review_on = r.OptDate(4);
        p.recorded_by = r.Text(5);
        p.recorded_at = r.Int(6);
        CV_RETURN_IF_ERROR(r.status());
        record.preferences.push_back(std::move(p));
    }
    return Status::Ok();
}

Result<PathwayRecord> PathwayRepository::FindPathway(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kPathwayColumns + " FROM pathways WHERE id = ?", {id});
    if (!row.ok()) {
        return row.status().code() == StatusCode::kNotFound ? Status::NotFound("there is no such pathway")
                                                            : row.status();
    }
    CV_ASSIGN_OR_RETURN(auto record, PathwayFrom(*row));
    CV_RETURN_IF_ERROR(FillDetails(record));
    return record;
}

Result<std::optional<PathwayRecord>> PathwayRepository::FindPathwayByRef(const std::string& ref) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id FROM pathways WHERE ref = ?", {ref}));
    if (rows.empty()) return std::optional<PathwayRecord>();
    CV_ASSIGN_OR_RETURN(auto record, FindPathway(rows[0].Int(0)));
    return std::optional<PathwayRecord>(std::move(record));
}

Result<std::vector<PathwayRecord>> PathwayRepository::ListPathwaysOfPatient(std::int64_t patient_id) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("SELECT id FROM pathways WHERE patient_id = ? ORDER BY id", {patient_id}));
    std::vector<PathwayRecord> out;
    for (const auto& row : rows) {
        CV_ASSIGN_OR_RETURN(auto record, FindPathway(row.Int(0)));
        out.push_back(std::move(record));
    }
    return out;
}

namespace {
// "WHERE …" of the pathways an organisation may be involved in ('' for every active pathway).
constexpr const char* kActiveInvolving =
    " WHERE status = 'active' AND (? = '' OR prime_provider = ? OR ref IN (SELECT pathway_ref FROM pathway_events"
    " WHERE provider = ? OR to_provider = ?))";
}  // namespace

Result<std::vector<PathwayRecord>> PathwayRepository::ListPathways() { return ListLight("", {}); }

Result<std::vector<std::string>> PathwayRepository::ListAreaCodes() {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT DISTINCT area_code FROM patients WHERE area_code <> '' "
                                               "ORDER BY area_code"));
    std::vector<std::string> out;
    for (const Row& row : rows) out.push_back(row.Text(0));
    return out;
}

Result<std::vector<PathwayRecord>> PathwayRepository::ListActivePathwaysInvolving(const std::string& organisation) {
    return ListLight(kActiveInvolving, {organisation, organisation, organisation, organisation});
}

Result<std::vector<PathwayRecord>> PathwayRepository::ListLight(const char* where, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query(std::string("SELECT ") + kPathwayColumns + " FROM pathways" + where + " ORDER BY id", params));
    CV_ASSIGN_OR_RETURN(auto workers,
                        conn_.Query("SELECT k.name, k.role, k.phone, k.user_id, k.assigned_at, k.assigned_by, "
                                    "k.pathway_id FROM key_worker_assignments k WHERE k.id = (SELECT MAX(id) FROM "
                                    "key_worker_assignments l WHERE l.pathway_id = k.pathway_id)"));
    std::map<std::int64_t, pathway::KeyWorker> current;
    for (const auto& w : workers) current.emplace(w.Int(6), KeyWorkerFrom(w));
    std::vector<PathwayRecord> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        CV_ASSIGN_OR_RETURN(auto record, PathwayFrom(row));
        if (auto it = current.find(record.id); it != current.end()) record.key_worker = it->second;
        out.push_back(std::move(record));
    }
    return out;
}

Status PathwayRepository::UpdatePathway(const PathwayRecord& r, std::int64_t now) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_RETURN_IF_ERROR(pathway::ValidatePathwayRecord(r));
    CV_ASSIGN_OR_RETURN(
        auto n,
        conn_.Execute(
            "UPDATE pathways SET tumour_group = ?, status = ?, crisis_name = ?, crisis_phone = ?, about_me = ?, "
            "what_matters = ?, goals = ?, communication_needs = ?, care_plan = ?, died_on = ?, "
            "place_of_death = ?, updated_at = ? WHERE id = ?",
            {r.tumour_group, std::string(NameOf(pathway::kPathwayStatuses, r.status)), r.crisis_contact.name,
             r.crisis_contact.phone, r.summary.about_me, r.summary.what_matters, r.summary.goals,
             r.summary.communication_needs, r.care_plan, OptDateValue(r.died_on),
             r.place_of_death ? Value(std::string(NameOf(pathway::kPlaces, *r.place_of_death))) : Null(), now, r.id}));
    if (n == 0) return Status::NotFound("there is no such pathway");
    return Status::Ok();
}

}  // namespace carevoice::store
