// Patients: the form that records a new patient (NHS number with its check digit, name, date of birth,
// sex, where they live, ethnic group, language and needs, GP practice, consent to share, and the first
// person who matters to them) and a patient's page with their pathways. Coordinators and admins only;
// a patient's page opens when the user may see one of their pathways (or they have none yet).
#include "app/pathway_service.hpp"
#include "core/text.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web::pathway_pages {
namespace {

const std::map<std::string, std::string> kPatientLabels = {
    {"nhs_number", "NHS number"},       {"given_name", "Given name"}, {"family_name", "Family name"},
    {"date_of_birth", "Date of birth"}, {"postcode", "Postcode"},     {"sex", "Sex"},
    {"ethnic_group", "Ethnic group"}};

void RenderForm(RequestContext& ctx, nlohmann::json form, const DateInput& dob,
                const std::vector<FieldProblem>& problems, int status) {
    form["dob_field"] = DateFieldData(dob, "Date of birth", "For example, 31 3 1950", problems);
    form["sexes"] = Options(pathway::kSexes, form.value("sex", ""));
    form["ethnic_groups"] = Options(pathway::kEthnicGroups, form.value("ethnic_group", "not_stated"));
    AddErrors(form, problems, [](const std::string& f) { return f == "date_of_birth" ? DateFieldId(f) : f; });
    ctx.Page("Add a patient", "pathway_patient_new", form, status);
}

void NewPatient(RequestContext& ctx) {
    RenderForm(ctx, {{"preferred_language", "English"}}, DateInputOf("date_of_birth", std::nullopt), {}, 200);
}

void CreatePatient(RequestContext& ctx) {
    std::vector<FieldProblem> problems;
    nlohmann::json form;
    pathway::Patient p;
    const std::string nhs = ReadText(ctx, "nhs_number", "The NHS number", 20, true, problems);
    form["nhs_number"] = nhs;
    if (!nhs.empty()) {
        auto digits = pathway::ParseNhsNumber(nhs);
        if (digits.ok())
            p.nhs_number = *digits;
        else
            AddDomainProblems(digits.status(), kPatientLabels, "nhs_number", problems);
    }
    p.given_name = ReadText(ctx, "given_name", "The given name", kShortText, true, problems);
    p.family_name = ReadText(ctx, "family_name", "The family name", kShortText, true, problems);
    const DateInput dob = ReadDateInput(ctx, "date_of_birth");
    if (auto d = ParseDateInput(dob, "The date of birth", true, problems)) p.date_of_birth = *d;
    const std::string sex = ctx.Param("sex");
    if (auto s = ParseName(pathway::kSexes, sex))
        p.sex = *s;
    else
        problems.push_back({"sex", "Choose the patient's sex"});
    p.postcode = ReadText(ctx, "postcode", "The postcode", 10, false, problems);
    p.area_code = ReadText(ctx, "area_code", "The area", 16, false, problems);
    const std::string ethnic = ctx.Param("ethnic_group");
    if (auto g = ParseName(pathway::kEthnicGroups, ethnic))
        p.ethnic_group = *g;
    else
        problems.push_back({"ethnic_group", "Choose an ethnic group from the list, or \"Not stated\""});
    p.preferred_language = ReadText(ctx, "preferred_language", "The preferred language", 60, true, problems);
    p.interpreter_needed = ctx.Param("interpreter_needed") == "yes";
    p.accessibility_needs = ReadText(ctx, "accessibility_needs", "Accessibility needs", kLongText, false, problems);
    p.communication_needs = ReadText(ctx, "communication_needs", "Communication needs", kLongText, false, problems);
    p.gp_practice = ReadText(ctx, "gp_practice", "The GP practice", kShortText, false, problems);
    p.consent_to_share = ctx.Param("consent_to_share") == "yes";
    pathway::PersonWhoMatters who;
    who.name = ReadText(ctx, "pwm_name", "The name of the person who matters", kShortText, false, problems);
    who.relationship = ReadText(ctx, "pwm_relationship", "The relationship", kShortText, false, problems);
    who.how_to_reach = ReadText(ctx, "pwm_how_to_reach", "How to reach them", kShortText, false, problems);
    who.may_be_told = ReadText(ctx, "pwm_may_be_told", "What they may be told", kShortText, false, problems);
    if (!who.name.empty()) p.people_who_matter.push_back(who);
    for (const char* f : {"given_name", "family_name", "postcode", "area_code", "preferred_language",
                          "accessibility_needs", "communication_needs", "gp_practice", "pwm_name", "pwm_relationship",
                          "pwm_how_to_reach", "pwm_may_be_told"}) {
        form[f] = ctx.Param(f).substr(0, kLongText);
    }
    form["sex"] = sex;
    form["ethnic_group"] = ethnic;
    form["interpreter_needed"] = p.interpreter_needed;
    form["consent_to_share"] = p.consent_to_share;
    if (problems.empty()) {
        auto created = app::CreatePatient(ctx.db(), ctx.app.clock(), p, ctx.ActorForAudit());
        if (created.ok()) return ctx.Redirect(PatientPath(created->id), "The patient has been added.");
        if (!AddDomainProblems(created.status(), kPatientLabels, "nhs_number", problems)) {
            return ctx.Error(503, Status::Unavailable("the patient cannot be saved now"));
        }
    }
    RenderForm(ctx, form, dob, problems, 400);
}

void ShowPatient(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    store::PathwayRepository repo(ctx.db());
    auto patient = id.ok() ? repo.FindPatient(*id) : Result<pathway::Patient>(Status::NotFound(""));
    if (!patient.ok() && patient.status().code() == StatusCode::kNotFound) {
        return ctx.Error(404, Status::NotFound("there is no such patient"));
    }
    auto pathways = patient.ok() ? repo.ListPathwaysOfPatient(patient->id)
                                 : Result<std::vector<pathway::PathwayRecord>>(patient.status());
    if (!pathways.ok()) return ctx.Error(503, Status::Unavailable("the patient cannot be read now"));
    auto access = DecideForPatient(ctx, *pathways);
    if (!access.ok()) return ctx.Error(503, Status::Unavailable("the patient cannot be read now"));
    nlohmann::json list = nlohmann::json::array();
    const pathway::PathwayRecord* shown = nullptr;
    for (std::size_t i = 0; i < pathways->size(); ++i) {
        const auto& r = (*pathways)[i];
        if (access->pathway_allowed[i] && !shown) shown = &r;
        list.push_back({{"href", PathwayPath(r.id)},
                        {"ref", r.ref},
                        {"kind", std::string(LabelOf(pathway::kPathwayKinds, r.kind))},
                        {"tumour_group", r.tumour_group},
                        {"prime_provider", r.prime_provider},
                        {"status", std::string(LabelOf(pathway::kPathwayStatuses, r.status))}});
    }
    const std::string record_id = std::to_string(patient->id);
    if (!access->allowed) {
        ctx.Audit("patient.view", "patient", record_id, "denied: needs break glass");
        return RenderBreakGlass(ctx, pathways->front().id, ctx.req.path);
    }
    ctx.Audit("patient.view", "patient", record_id, "success");
    const pathway::Patient& p = *patient;
    nlohmann::json people = nlohmann::json::array();
    for (const auto& w : p.people_who_matter) {
        people.push_back({{"name", w.name},
                          {"relationship", w.relationship},
                          {"how_to_reach", w.how_to_reach},
                          {"may_be_told", w.may_be_told}});
    }
    nlohmann::json data = {{"name", p.FullName()},
                           {"nhs_number", pathway::FormatNhsNumber(p.nhs_number)},
                           {"date_of_birth", p.date_of_birth.ToLongString()},
                           {"age", pathway::AgeOn(p.date_of_birth, ctx.app.clock().Today())},
                           {"sex", std::string(LabelOf(pathway::kSexes, p.sex))},
                           {"ethnic_group", std::string(LabelOf(pathway::kEthnicGroups, p.ethnic_group))},
                           {"preferred_language", p.preferred_language},
                           {"interpreter_needed", p.interpreter_needed},
                           {"consent_to_share", p.consent_to_share},
                           {"people", people},
                           {"has_people", !people.empty()},
                           {"pathways", list},
                           {"has_pathways", !list.empty()},
                           {"new_pathway_href", "/pathways/new?patient=" + record_id},
                           {"breadcrumbs", Breadcrumbs(p, nullptr)}};
    for (const auto& [k, v] : {std::pair<const char*, const std::string&>{"postcode", p.postcode},
                               {"area_code", p.area_code},
                               {"gp_practice", p.gp_practice},
                               {"accessibility_needs", p.accessibility_needs},
                               {"communication_needs", p.communication_needs}}) {
        SetText(data, k, v);
    }
    if (shown) data["contacts"] = CareContactsJson(*shown);
    ctx.Page(p.FullName(), "pathway_patient", data);
}

}  // namespace

void RegisterPatientRoutes(Router& router) {
    router.Add("GET", "/patients/new", PatientAccess(), RouteKind::kPage, NewPatient);
    router.Add("POST", "/patients", PatientAccess(), RouteKind::kPage, CreatePatient);
    router.Add("GET", "/patients/:id", PatientAccess(), RouteKind::kPage, ShowPatient);
}

}  // namespace carevoice::web::pathway_pages
