// A pathway: the form that starts one for a patient, and its page — the named key worker and the 24/7
// crisis contact at the top, the told-once summary in the patient's words, the care plan, preferences
// with who recorded them, the events (superseded ones struck through beside their correction), the
// waiting-time clocks as of today, and the next actions.
#include <algorithm>
#include <cctype>
#include <set>

#include "app/pathway_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "pathway/clocks.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web::pathway_pages {
namespace {

const std::map<std::string, std::string> kPathwayLabels = {
    {"route", "The referral route"}, {"prime_provider", "The prime provider"}, {"ref", "The reference"}};

void RenderNewPathway(RequestContext& ctx, const pathway::Patient& p, nlohmann::json form, const DateInput& received,
                      const std::vector<FieldProblem>& problems, int status) {
    form["patient_id"] = p.id;
    form["patient_name"] = p.FullName();
    form["kinds"] = Options(pathway::kPathwayKinds, form.value("kind", "cancer"));
    form["routes"] = Options(pathway::kRouteNames, form.value("route", ""));
    form["received_field"] =
        DateFieldData(received, "Date the referral was received", "For example, 3 2 2026", problems);
    form["breadcrumbs"] = Breadcrumbs(p, nullptr);
    AddErrors(form, problems, [](const std::string& f) { return f == "received_on" ? DateFieldId(f) : f; });
    ctx.Page("Start a pathway", "pathway_new", form, status);
}

std::optional<pathway::Patient> PatientOfParam(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.Param("patient"));
    auto p =
        id.ok() ? store::PathwayRepository(ctx.db()).FindPatient(*id) : Result<pathway::Patient>(Status::NotFound(""));
    if (!p.ok()) {
        ctx.Error(p.status().code() == StatusCode::kNotFound ? 404 : 503,
                  Status::NotFound("there is no such patient: start from the patient's page"));
        return std::nullopt;
    }
    return std::move(*p);
}

void NewPathway(RequestContext& ctx) {
    auto p = PatientOfParam(ctx);
    if (!p) return;
    RenderNewPathway(ctx, *p, nlohmann::json::object(), DateInputOf("received_on", std::nullopt), {}, 200);
}

void CreatePathway(RequestContext& ctx) {
    auto p = PatientOfParam(ctx);
    if (!p) return;
    std::vector<FieldProblem> problems;
    pathway::PathwayRecord r;
    r.patient_id = p->id;
    const std::string kind = ctx.Param("kind"), route = ctx.Param("route");
    if (auto k = ParseName(pathway::kPathwayKinds, kind))
        r.kind = *k;
    else
        problems.push_back({"kind", "Choose a cancer pathway or end-of-life care"});
    const DateInput received = ReadDateInput(ctx, "received_on");
    if (r.kind == pathway::PathwayKind::kCancer) {
        if (auto rt = ParseName(pathway::kRouteNames, route))
            r.route = *rt;
        else
            problems.push_back({"route", "Choose the referral route"});
        r.referral_received_on = ParseDateInput(received, "The date the referral was received", true, problems);
    }
    r.tumour_group = ReadText(ctx, "tumour_group", "The tumour group or condition", 60, false, problems);
    r.prime_provider = ReadText(ctx, "prime_provider", "The prime provider's ODS code", 16, true, problems);
    r.prime_provider = text::ToUpper(r.prime_provider);
    nlohmann::json form = {
        {"kind", kind}, {"route", route}, {"tumour_group", r.tumour_group}, {"prime_provider", r.prime_provider}};
    if (problems.empty()) {
        auto created = app::CreatePathway(ctx.db(), ctx.app.clock(), r, ctx.ActorForAudit());
        if (created.ok()) return ctx.Redirect(PathwayPath(created->id), "The pathway has been started.");
        if (!AddDomainProblems(created.status(), kPathwayLabels, "kind", problems)) {
            return ctx.Error(503, Status::Unavailable("the pathway cannot be saved now"));
        }
    }
    RenderNewPathway(ctx, *p, form, received, problems, 400);
}

nlohmann::json EventsJson(const std::vector<pathway::Event>& stored) {
    std::map<std::string, std::string> corrected_by;
    for (const auto& e : stored) {
        if (!e.supersedes.empty()) corrected_by[e.supersedes] = e.event_id;
    }
    std::vector<const pathway::Event*> order;
    for (const auto& e : stored) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return a->date < b->date || (a->date == b->date && a->type < b->type);
    });
    nlohmann::json list = nlohmann::json::array();
    for (const auto* e : order) {
        nlohmann::json j = {{"event_id", e->event_id},
                            {"date", e->date.ToLongString()},
                            {"type", std::string(LabelOf(pathway::kEventTypeNames, e->type))},
                            {"provider", e->provider}};
        SetText(j, "to_provider", e->to_provider);
        SetText(j, "supersedes", e->supersedes);
        if (auto c = corrected_by.find(e->event_id); c != corrected_by.end()) j["corrected_by"] = c->second;
        list.push_back(j);
    }
    return list;
}

// The day a record was made, as pages show dates (UTC day; seconds since 1970).
std::string DayOf(std::int64_t seconds) {
    return CivilDate::FromDays(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400).ToLongString();
}

std::string ClockLabel(pathway::ClockKind kind) {
    switch (kind) {
        case pathway::ClockKind::kFds:
            return "28-day Faster Diagnosis Standard";
        case pathway::ClockKind::k62:
            return "62 days, referral to first treatment";
        case pathway::ClockKind::k31:
            return "31 days, decision to treatment";
    }
    return std::string(pathway::ClockName(kind));
}

nlohmann::json ClocksJson(const pathway::PathwayClocks& clocks) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : clocks.clocks) {
        nlohmann::json j = {
            {"name", ClockLabel(c.kind)},
            {"treatment", c.kind == pathway::ClockKind::k31 ? nlohmann::json(c.treatment) : nlohmann::json(nullptr)},
            {"start", c.start.ToLongString()},
            {"stop", c.stop ? c.stop->ToLongString() : "open"},
            {"target", c.TargetDate().ToLongString()},
            {"target_days", c.target_days},
            {"status", std::string(pathway::StatusName(c.status))},
            {"breached", c.status == pathway::ClockStatus::kBreached}};
        if (c.wait_days) j["wait_days"] = *c.wait_days;
        if (c.days_to_breach) j["days_to_breach"] = *c.days_to_breach;
        if (c.allocation) j["allocation"] = pathway::FormatAllocation(*c.allocation);
        list.push_back(j);
    }
    return list;
}

// A recorded choice as the form offered it ("Hospice", "Do not attempt CPR").
std::string ChoiceLabel(pathway::PreferenceKind kind, const std::string& value) {
    switch (kind) {
        case pathway::PreferenceKind::kPlaceOfCare:
        case pathway::PreferenceKind::kPlaceOfDeath:
            if (auto place = ParseName(pathway::kPlaces, value)) return std::string(LabelOf(pathway::kPlaces, *place));
            break;
        case pathway::PreferenceKind::kCpr:
            if (value == "attempt") return "Attempt CPR";
            if (value == "do_not_attempt") return "Do not attempt CPR";
            break;
        case pathway::PreferenceKind::kLastingPowerOfAttorney:
            if (value == "yes") return "Has a lasting power of attorney";
            if (value == "no") return "Has no lasting power of attorney";
            break;
    }
    return value;
}

nlohmann::json PreferencesJson(const pathway::PathwayRecord& r) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& k : pathway::kPreferenceKinds) {
        nlohmann::json j = {{"label", std::string(k.label)}};
        if (const pathway::Preference* p = pathway::LatestPreference(r, k.value)) {
            j["asked"] = true;
            j["decided"] = p->state == pathway::PreferenceState::kDecided;
            j["value"] = ChoiceLabel(k.value, p->value);
            SetText(j, "detail", p->detail);
            if (p->review_on) j["review_on"] = p->review_on->ToLongString();
            j["recorded"] = p->recorded_by + ", on " + DayOf(p->recorded_at);
        }
        list.push_back(j);
    }
    return list;
}

void ShowPathway(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "patient.view");
    if (!open) return;
    const auto& r = open->record;
    auto events = store::PathwayEventsRepository(ctx.db()).ListByPathway(r.ref);
    auto actions = store::PathwayRepository(ctx.db()).ListActions(r.id);
    if (!events.ok() || !actions.ok()) return ctx.Error(503, Status::Unavailable("the pathway cannot be read now"));
    const CivilDate today = ctx.app.clock().Today();
    const auto clocks = pathway::ComputeClocks(*events, today);
    nlohmann::json history = nlohmann::json::array();
    for (const auto& w : r.key_worker_history) {
        history.push_back(
            {{"name", w.name}, {"role", w.role}, {"assigned", w.assigned_by + ", on " + DayOf(w.assigned_at)}});
    }
    nlohmann::json action_list = nlohmann::json::array();
    for (const auto& a : *actions) {
        action_list.push_back({{"id", a.id},
                               {"description", a.description},
                               {"owner", a.owner},
                               {"due_on", a.due_on.ToLongString()},
                               {"overdue", !a.done_at && a.due_on < today},
                               {"done", a.done_at.has_value()}});
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : clocks.problems) problems.push_back({{"event_id", p.event_id}, {"problem", p.problem}});
    const std::string base = PathwayPath(r.id);
    nlohmann::json data = {
        {"ref", r.ref},
        {"patient_name", open->patient.FullName()},
        {"nhs_number", pathway::FormatNhsNumber(open->patient.nhs_number)},
        {"kind", std::string(LabelOf(pathway::kPathwayKinds, r.kind))},
        {"status", std::string(LabelOf(pathway::kPathwayStatuses, r.status))},
        {"prime_provider", r.prime_provider},
        {"break_glass", open->decision == pathway::AccessDecision::kAllowedBreakGlass},
        {"contacts", CareContactsJson(r)},
        {"key_worker_history", history},
        {"preferences", PreferencesJson(r)},
        {"events", EventsJson(*events)},
        {"has_events", !events->empty()},
        {"clocks", ClocksJson(clocks)},
        {"has_clocks", !clocks.clocks.empty()},
        {"clock_problems", problems},
        {"today", today.ToLongString()},
        {"actions", action_list},
        {"has_actions", !action_list.empty()},
        {"base", base},
        {"action_due", DateFieldData(DateInputOf("due_on", std::nullopt), "Due by", "For example, 20 3 2026", {})},
        {"review_field", DateFieldData(DateInputOf("review_on", std::nullopt), "Review by (CPR decisions)",
                                       "For example, 1 6 2026", {})},
        {"breadcrumbs", Breadcrumbs(open->patient, &r)}};
    SetText(data, "tumour_group", r.tumour_group);
    SetText(data, "about_me", r.summary.about_me);
    SetText(data, "what_matters", r.summary.what_matters);
    SetText(data, "goals", r.summary.goals);
    SetText(data, "communication_needs", r.summary.communication_needs);
    SetText(data, "care_plan", r.care_plan);
    if (r.route) data["route"] = std::string(LabelOf(pathway::kRouteNames, *r.route));
    if (r.referral_received_on) data["received_on"] = r.referral_received_on->ToLongString();
    ctx.Page(open->patient.FullName() + ": " + r.ref, "pathway_view", data);
}

}  // namespace

void RegisterPathwayViewRoutes(Router& router) {
    router.Add("GET", "/pathways/new", PatientAccess(), RouteKind::kPage, NewPathway);
    router.Add("POST", "/pathways", PatientAccess(), RouteKind::kPage, CreatePathway);
    router.Add("GET", "/pathways/:id", PatientAccess(), RouteKind::kPage, ShowPathway);
}

}  // namespace carevoice::web::pathway_pages
