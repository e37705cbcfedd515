#include "web/pathway/fhir.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "store/pathway_events_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web {
namespace {

using nlohmann::json;
using pathway::EventType;

constexpr const char* kNhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
constexpr const char* kOdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
constexpr const char* kRefSystem = "https://carevoice.nhs.uk/Id/pathway-ref";

// A resource's reference within the bundle ("EpisodeOfCare/episode-12"), the same every time.
// (Appended piece by piece: GCC 12 at -O2 misreads the operator+ chain as an overflow, bug 105329.)
std::string Key(const char* type, const std::string& id) { return std::string(type).append("/").append(id); }
std::string Key(const char* type, const char* prefix, std::int64_t id, int n = 0) {
    std::string local(prefix);
    local.append("-").append(std::to_string(id));
    if (n) local.append("-").append(std::to_string(n));
    return Key(type, local);
}

json Ref(const std::string& key) { return {{"reference", key}}; }
json Ods(const std::string& code) { return {{"identifier", {{"system", kOdsSystem}, {"value", code}}}}; }

// The bundle's entries; each fullUrl is the base and the key, so relative references resolve against it.
struct Entries {
    std::string base;
    json list = json::array();
    void Add(const std::string& key, json resource) {
        resource["id"] = key.substr(key.find('/') + 1);
        list.push_back({{"fullUrl", base + "/" + key}, {"resource", std::move(resource)}});
    }
};

std::string Gender(pathway::Sex sex) {
    switch (sex) {
        case pathway::Sex::kFemale:
            return "female";
        case pathway::Sex::kMale:
            return "male";
        case pathway::Sex::kOther:
            return "other";
        case pathway::Sex::kNotKnown:
            break;
    }
    return "unknown";
}

json PatientResource(const pathway::Patient& p) {
    json r = {{"resourceType", "Patient"},
              {"identifier", json::array({{{"system", kNhsNumberSystem}, {"value", p.nhs_number}}})},
              {"name", json::array({{{"use", "official"}, {"family", p.family_name}, {"given", {p.given_name}}}})},
              {"gender", Gender(p.sex)},
              {"birthDate", p.date_of_birth.ToString()},
              {"communication", json::array({{{"language", {{"text", p.preferred_language}}}, {"preferred", true}}})}};
    if (!p.postcode.empty()) r["address"] = json::array({{{"postalCode", p.postcode}}});
    if (!p.gp_practice.empty()) r["generalPractitioner"] = json::array({{{"display", p.gp_practice}}});
    json contacts = json::array();
    for (const auto& who : p.people_who_matter) {
        json c = {{"name", {{"text", who.name}}}};
        if (!who.relationship.empty()) c["relationship"] = json::array({{{"text", who.relationship}}});
        contacts.push_back(c);
    }
    if (!contacts.empty()) r["contact"] = contacts;
    return r;
}

// The events that are a meeting with the patient, and how FHIR classes them.
struct EncounterKind {
    const char* text;
    const char* act_code;  // v3 ActCode: AMB ambulatory, EMER emergency, IMP inpatient
};
std::optional<EncounterKind> EncounterOf(const pathway::Event& e) {
    switch (e.type) {
        case EventType::kFirstSeen:
            return EncounterKind{"First seen", "AMB"};
        case EventType::kTreatmentStarted:
            return EncounterKind{"Treatment started", e.admitted.value_or(false) ? "IMP" : "AMB"};
        case EventType::kEmergencyAdmission:
            return EncounterKind{"Emergency admission", "EMER"};
        case EventType::kKeyWorkerContact:
            return EncounterKind{"Key worker contact", "AMB"};
        default:
            return std::nullopt;
    }
}

void AddPathway(Entries& entries, const std::string& patient_urn, const FhirPathway& p) {
    const auto& r = p.record;
    const bool active = r.status == pathway::PathwayStatus::kActive;
    const std::string episode = Key("EpisodeOfCare", "episode", r.id), team = Key("CareTeam", "team", r.id),
                      plan = Key("CarePlan", "plan", r.id);
    json episode_res = {{"resourceType", "EpisodeOfCare"},
                        {"identifier", json::array({{{"system", kRefSystem}, {"value", r.ref}}})},
                        {"status", active ? "active" : "finished"},
                        {"type", json::array({{{"text", std::string(LabelOf(pathway::kPathwayKinds, r.kind))}}})},
                        {"patient", Ref(patient_urn)},
                        {"managingOrganization", Ods(r.prime_provider)},
                        {"team", json::array({Ref(team)})}};
    if (r.referral_received_on) episode_res["period"] = {{"start", r.referral_received_on->ToString()}};
    if (r.died_on && r.referral_received_on) episode_res["period"]["end"] = r.died_on->ToString();
    entries.Add(episode, episode_res);

    json participants = json::array();
    if (r.key_worker) {
        participants.push_back({{"role", json::array({{{"text", "Key worker: " + r.key_worker->role}}})},
                                {"member", {{"display", r.key_worker->name + " (" + r.key_worker->phone + ")"}}}});
    }
    if (!r.crisis_contact.name.empty()) {
        participants.push_back(
            {{"role", json::array({{{"text", "24/7 crisis contact"}}})},
             {"member", {{"display", r.crisis_contact.name + " (" + r.crisis_contact.phone + ")"}}}});
    }
    json team_res = {{"resourceType", "CareTeam"},
                     {"status", active ? "active" : "inactive"},
                     {"name", "Care team for pathway " + r.ref},
                     {"subject", Ref(patient_urn)}};
    if (!participants.empty()) team_res["participant"] = participants;
    if (!r.crisis_contact.phone.empty()) {
        team_res["telecom"] = json::array({{{"system", "phone"}, {"value", r.crisis_contact.phone}}});
    }
    entries.Add(team, team_res);

    const auto& s = r.summary;
    std::string told_once = "About me: " + s.about_me + "\nWhat matters to me: " + s.what_matters +
                            "\nMy goals: " + s.goals + "\nHow to communicate with me: " + s.communication_needs;
    json plan_res = {{"resourceType", "CarePlan"},
                     {"status", active ? "active" : "completed"},
                     {"intent", "plan"},
                     {"title", "Care plan"},
                     {"subject", Ref(patient_urn)},
                     {"careTeam", json::array({Ref(team)})},
                     {"note", json::array({{{"text", "Told-once summary, in the patient's words.\n" + told_once}}})}};
    if (!r.care_plan.empty()) plan_res["description"] = r.care_plan;
    entries.Add(plan, plan_res);

    if (!r.tumour_group.empty()) {
        entries.Add(Key("Condition", "condition", r.id),
                    {{"resourceType", "Condition"},
                     {"code",
                      {{"text", (r.kind == pathway::PathwayKind::kCancer ? "Cancer pathway: " : "End of life: ") +
                                    r.tumour_group}}},
                     {"subject", Ref(patient_urn)}});
    }
    if (r.referral_received_on) {
        const bool urgent = r.route && pathway::IsUrgentRoute(*r.route);
        json request = {
            {"resourceType", "ServiceRequest"},
            {"status", active ? "active" : "completed"},
            {"intent", "order"},
            {"priority", urgent ? "urgent" : "routine"},
            {"code",
             {{"text", r.route ? std::string(LabelOf(pathway::kRouteNames, *r.route)) : std::string("Referral")}}},
            {"subject", Ref(patient_urn)},
            {"authoredOn", r.referral_received_on->ToString()}};
        entries.Add(Key("ServiceRequest", "referral", r.id), request);
    }
    int n = 0;
    for (const auto& e : pathway::EffectiveEvents(p.events)) {
        auto kind = EncounterOf(e);
        if (!kind || n >= 500) continue;  // bounded: a record this long is summarised by its first 500
        json encounter = {
            {"resourceType", "Encounter"},
            {"status", "finished"},
            {"class", {{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", kind->act_code}}},
            {"type", json::array({{{"text", kind->text}}})},
            {"subject", Ref(patient_urn)},
            {"episodeOfCare", json::array({Ref(episode)})},
            {"period", {{"start", e.date.ToString()}, {"end", e.date.ToString()}}}};
        if (!e.provider.empty()) encounter["serviceProvider"] = Ods(e.provider);
        entries.Add(Key("Encounter", "encounter", r.id, ++n), encounter);
    }
    for (const auto& a : p.actions) {
        entries.Add(Key("Task", "action", a.id), {{"resourceType", "Task"},
                                                  {"status", a.done_at ? "completed" : "requested"},
                                                  {"intent", "order"},
                                                  {"description", a.description},
                                                  {"for", Ref(patient_urn)},
                                                  {"focus", Ref(episode)},
                                                  {"owner", {{"display", a.owner}}},
                                                  {"restriction", {{"period", {{"end", a.due_on.ToString()}}}}}});
    }
}

void PatientFhir(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) {
        ctx.Error(404, "not_found", "There is no such patient.", {{"id", "must be a patient's number"}});
        return;
    }
    store::PathwayRepository repo(ctx.db());
    auto patient = repo.FindPatient(*id);
    if (!patient.ok()) {
        if (patient.status().code() == StatusCode::kNotFound) {
            ctx.Error(404, "not_found", "There is no such patient.", {{"id", "no patient has this number"}});
        } else {
            ctx.Error(503, patient.status());
        }
        return;
    }
    auto records = repo.ListPathwaysOfPatient(*id);
    if (!records.ok()) return ctx.Error(503, records.status());
    std::vector<FhirPathway> pathways;
    store::PathwayEventsRepository events(ctx.db());
    bool break_glass = false;
    for (auto& record : *records) {
        // The pages' rule, pathway by pathway: a coordinator exports only the pathways of their own
        // organisation, or those they broke glass for; the rest of the record stays out of the bundle.
        auto decision = pathway_pages::DecideForPathway(ctx, record.id);
        if (!decision.ok()) return ctx.Error(503, decision.status());
        if (!pathway::IsAllowed(*decision)) continue;
        break_glass = break_glass || *decision == pathway::AccessDecision::kAllowedBreakGlass;
        auto own = events.ListByPathway(record.ref);
        auto actions = repo.ListActions(record.id);
        if (!own.ok()) return ctx.Error(503, own.status());
        if (!actions.ok()) return ctx.Error(503, actions.status());
        pathways.push_back({std::move(record), std::move(*own), std::move(*actions)});
    }
    if (pathways.empty()) {
        // Not a pathway the user may see: the same answer as for no patient, so nobody learns who is on file.
        ctx.Audit("patient.export.fhir", "patient", std::to_string(*id), "denied");
        ctx.Error(404, "not_found", "There is no such patient on your list.",
                  {{"id", "no patient on your list has this number"}});
        return;
    }
    ctx.Audit("patient.export.fhir", "patient", std::to_string(*id), break_glass ? "success: break glass" : "success");
    ctx.res.status = 200;
    const std::int64_t now = ctx.app.clock().NowSeconds();
    char instant[32];
    std::snprintf(instant, sizeof instant, "%sT%02lld:%02lld:%02lldZ", ctx.app.clock().Today().ToString().c_str(),
                  static_cast<long long>(now % 86400 / 3600), static_cast<long long>(now % 3600 / 60),
                  static_cast<long long>(now % 60));
    const std::string& public_url = ctx.app.config().public_url;
    const std::string base = (public_url.empty() ? std::string("https://carevoice.invalid") : public_url) + "/fhir";
    ctx.res.set_content(FhirBundle(*patient, pathways, instant, base).dump(), "application/fhir+json");
}

}  // namespace

json FhirBundle(const pathway::Patient& patient, const std::vector<FhirPathway>& pathways, const std::string& timestamp,
                const std::string& base) {
    Entries entries{base};
    const std::string patient_urn = Key("Patient", "patient", patient.id);
    entries.Add(patient_urn, PatientResource(patient));
    for (const auto& p : pathways) AddPathway(entries, patient_urn, p);
    return {{"resourceType", "Bundle"}, {"type", "collection"}, {"timestamp", timestamp}, {"entry", entries.list}};
}

void RegisterFhirRoutes(Router& router) {
    // Coordinators and admins; a coordinator's bundle holds only the pathways the pages would show them.
    router.Add("GET", "/api/v1/pathway/patients/:id/fhir", pathway_pages::PatientAccess(), RouteKind::kApi,
               PatientFhir);
}

}  // namespace carevoice::web
