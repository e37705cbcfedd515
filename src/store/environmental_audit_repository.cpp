#include "store/environmental_audit_repository.hpp"

#include <map>

#include "partnership/checklist.hpp"
#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::EnvironmentalAudit;

constexpr const char* kColumns = "id, group_id, site, organisation_code, audited_on, template_key, notes";

Result<EnvironmentalAudit> AuditFrom(const Row& row) {
    RowReader r(row, "environmental_audits");
    EnvironmentalAudit a;
    a.id = r.Int(0);
    a.group_id = r.Int(1);
    a.site = r.Text(2);
    a.organisation_code = r.Text(3);
    a.audited_on = r.Date(4);
    a.template_key = r.Text(5);
    a.notes = r.Text(6);
    if (!r.status().ok()) return r.status();
    return a;
}

}  // namespace

Status EnvironmentalAuditRepository::Check(const EnvironmentalAudit& audit) {
    const partnership::ChecklistTemplate* checklist = partnership::FindChecklistTemplate(audit.template_key);
    if (!checklist) {
        const std::string problem = "'" + audit.template_key + "' is not a checklist carevoice knows";
        return Status::InvalidArgument("the environmental audit is not valid: template_key " + problem,
                                       {{"template_key", problem}});
    }
    CV_RETURN_IF_ERROR(partnership::ValidateEnvironmentalAudit(audit, *checklist));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, audit.group_id));
    return RequirePeopleOfGroup(conn_, audit.group_id, audit.team, "team");
}

Result<EnvironmentalAudit> EnvironmentalAuditRepository::Create(const EnvironmentalAudit& audit, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(audit));
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO environmental_audits (group_id, site, organisation_code, "
                                 "audited_on, template_key, notes, created_at, updated_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 {audit.group_id, audit.site, audit.organisation_code, DateValue(audit.audited_on),
                                  audit.template_key, audit.notes, now, now}));
    EnvironmentalAudit created = audit;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(WriteLists(created));
    return created;
}

Result<EnvironmentalAudit> EnvironmentalAuditRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto audits, Load("id = ?", id));
    if (audits.empty()) return Status::NotFound("no environmental audit has the id " + std::to_string(id));
    return std::move(audits.front());
}

Result<std::vector<EnvironmentalAudit>> EnvironmentalAuditRepository::ListByGroup(std::int64_t group_id) {
    return Load("group_id = ?", group_id);
}

Status EnvironmentalAuditRepository::Update(const EnvironmentalAudit& audit, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(audit));
    CV_RETURN_IF_ERROR(
        RequireChanged(conn_.Execute("UPDATE environmental_audits SET site = ?, organisation_code = ?, audited_on = ?, "
                                     "template_key = ?, notes = ?, updated_at = ? WHERE id = ? AND group_id = ?",
                                     {audit.site, audit.organisation_code, DateValue(audit.audited_on),
                                      audit.template_key, audit.notes, now, audit.id, audit.group_id}),
                       "environmental audit of this group", audit.id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM environmental_audit_team WHERE audit_id = ?", {audit.id}).status());
    CV_RETURN_IF_ERROR(
        conn_.Execute("DELETE FROM environmental_audit_ratings WHERE audit_id = ?", {audit.id}).status());
    return WriteLists(audit);
}

Status EnvironmentalAuditRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM environmental_audits WHERE id = ?", {id}), "environmental audit",
                          id);
}

Status EnvironmentalAuditRepository::WriteLists(const EnvironmentalAudit& audit) {
    for (std::int64_t person : audit.team) {
        CV_RETURN_IF_ERROR(
            conn_
                .Execute("INSERT INTO environmental_audit_team (audit_id, person_id) VALUES (?, ?)", {audit.id, person})
                .status());
    }
    for (const auto& rated : audit.ratings) {
        CV_RETURN_IF_ERROR(
            conn_
                .Execute("INSERT INTO environmental_audit_ratings (audit_id, item_code, rating, "
                         "comment) VALUES (?, ?, ?, ?)",
                         {audit.id, rated.item_code, EnumValue(partnership::kItemRatings, rated.rating), rated.comment})
                .status());
    }
    return Status::Ok();
}

Result<std::vector<EnvironmentalAudit>> EnvironmentalAuditRepository::Load(const std::string& where, std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string("SELECT ") + kColumns + " FROM environmental_audits WHERE " +
                                                   where + " ORDER BY audited_on, id",
                                               {id}));
    std::vector<EnvironmentalAudit> audits;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(EnvironmentalAudit audit, AuditFrom(row));
        index[audit.id] = audits.size();
        audits.push_back(std::move(audit));
    }
    if (audits.empty()) return audits;
    const std::string of_these = " WHERE audit_id IN (SELECT id FROM environmental_audits WHERE " + where + ")";
    CV_ASSIGN_OR_RETURN(auto team, conn_.Query("SELECT audit_id, person_id FROM environmental_audit_team" + of_these +
                                                   " ORDER BY audit_id, person_id",
                                               {id}));
    for (const Row& row : team) audits[index[row.Int(0)]].team.push_back(row.Int(1));
    CV_ASSIGN_OR_RETURN(auto ratings, conn_.Query("SELECT audit_id, item_code, rating, comment FROM "
                                                  "environmental_audit_ratings" +
                                                      of_these + " ORDER BY audit_id, item_code",
                                                  {id}));
    for (const Row& row : ratings) {
        RowReader r(row, "environmental_audit_ratings");
        partnership::RatedItem rated{r.Text(1), r.Enum(2, partnership::kItemRatings), r.Text(3)};
        if (!r.status().ok()) return r.status();
        audits[index[row.Int(0)]].ratings.push_back(std::move(rated));
    }
    return audits;
}

}  // namespace carevoice::store
