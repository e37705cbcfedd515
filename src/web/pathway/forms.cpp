// The forms of a pathway's page: record an event (or a correction that supersedes one), change the
// told-once summary, crisis contact and care plan, change the key worker (the history is kept), record a
// preference, add and complete next actions. Each write is one app service call (one transaction with
// its audit entry); each refused form is shown again with an error summary naming the fields.
#include "app/pathway_service.hpp"
#include "core/text.hpp"
#include "pathway/events_csv.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web::pathway_pages {
namespace {

using Fields = std::vector<FieldProblem>;

// ---- Events

void RenderEventForm(RequestContext& ctx, const OpenPathway& open, nlohmann::json form, const DateInput& date,
                     const DateInput& until, const Fields& problems, int status) {
    form["types"] = Options(pathway::kEventTypeNames, form.value("type", ""));
    form["routes"] = Options(pathway::kRouteNames, form.value("route", ""));
    form["modalities"] = Options(pathway::kModalityNames, form.value("modality", ""));
    form["outcomes"] = Options(pathway::kOutcomeNames, form.value("outcome", ""));
    const std::string admitted = form.value("admitted", "");
    form["admitted_options"] =
        nlohmann::json::array({{{"value", "yes"}, {"label", "Yes, admitted"}, {"selected", admitted == "yes"}},
                               {{"value", "no"}, {"label", "No, not admitted"}, {"selected", admitted == "no"}}});
    form["date_field"] = DateFieldData(date, "Date of the event", "For example, 10 3 2026", problems);
    form["until_field"] = DateFieldData(until, "Until (appointment missed, offer declined)",
                                        "Leave empty unless the event uses it", problems);
    form["action"] = PathwayPath(open.record.id) + "/events";
    form["ref"] = open.record.ref;
    form["contacts"] = CareContactsJson(open.record);
    form["breadcrumbs"] = Breadcrumbs(open.patient, &open.record);
    AddErrors(form, problems, [](const std::string& f) { return f == "date" || f == "until" ? DateFieldId(f) : f; });
    ctx.Page("Record an event", "pathway_event_new", form, status);
}

void NewEvent(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "patient.view");
    if (!open) return;
    nlohmann::json form = {{"provider", open->record.prime_provider},
                           {"supersedes", ctx.Param("supersedes").substr(0, 64)}};
    RenderEventForm(ctx, *open, form, DateInputOf("date", std::nullopt), DateInputOf("until", std::nullopt), {}, 200);
}

void AddEvent(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.event.add");
    if (!open) return;
    Fields problems;
    const DateInput date = ReadDateInput(ctx, "date"), until = ReadDateInput(ctx, "until");
    auto day = ParseDateInput(date, "The date of the event", true, problems);
    auto until_day = ParseDateInput(until, "The until date", false, problems);
    nlohmann::json form;
    std::vector<std::string> fields(12);
    fields[0] = open->record.ref;
    fields[1] = "pending";  // the service gives the event its id
    fields[2] = day ? day->ToString() : "";
    fields[9] = until_day ? until_day->ToString() : "";
    const char* names[] = {"type", "provider", "route", "modality", "admitted", "outcome"};
    for (std::size_t i = 0; i < 6; ++i) {
        fields[3 + i] = ReadText(ctx, names[i], names[i], 64, false, problems);
        form[names[i]] = fields[3 + i];
    }
    fields[10] = ReadText(ctx, "to_provider", "The provider transferred to", 16, false, problems);
    fields[11] = ReadText(ctx, "supersedes", "The event corrected", 64, false, problems);
    form["to_provider"] = fields[10];
    form["supersedes"] = fields[11];
    if (problems.empty()) {
        std::vector<std::string_view> views(fields.begin(), fields.end());
        auto event = pathway::EventFromFields(views);
        if (event.ok()) {
            event->event_id.clear();
            auto added = app::AddPathwayEvent(ctx.db(), ctx.app.clock(), open->record.id, *event, ctx.ActorForAudit());
            if (added.ok())
                return ctx.Redirect(PathwayPath(open->record.id) + "#events", "The event has been recorded.");
            if (!AddDomainProblems(added.status(), {}, "type", problems)) {
                return ctx.Error(503, Status::Unavailable("the event cannot be saved now"));
            }
        } else {
            AddDomainProblems(event.status(), {}, "type", problems);
        }
    }
    RenderEventForm(ctx, *open, form, date, until, problems, 400);
}

// ---- Summary, crisis contact, care plan

constexpr const char* kRecordFields[] = {"crisis_name", "crisis_phone",        "about_me", "what_matters",
                                         "goals",       "communication_needs", "care_plan"};

// One of a pathway's forms: where it posts (`path` under the pathway), its reference and breadcrumbs, and
// the error summary.
void RenderPathwayForm(RequestContext& ctx, const OpenPathway& open, const char* path, const char* title,
                       const char* templ, nlohmann::json form, const Fields& problems, int status) {
    form["action"] = PathwayPath(open.record.id) + path;
    form["ref"] = open.record.ref;
    form["breadcrumbs"] = Breadcrumbs(open.patient, &open.record);
    AddErrors(form, problems);
    ctx.Page(title, templ, form, status);
}

void RenderEdit(RequestContext& ctx, const OpenPathway& open, nlohmann::json form, const Fields& problems, int status) {
    RenderPathwayForm(ctx, open, "/edit", "Change the summary and care plan", "pathway_edit", std::move(form), problems,
                      status);
}

void EditRecord(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "patient.view");
    if (!open) return;
    const auto& r = open->record;
    RenderEdit(ctx, *open,
               {{"crisis_name", r.crisis_contact.name},
                {"crisis_phone", r.crisis_contact.phone},
                {"about_me", r.summary.about_me},
                {"what_matters", r.summary.what_matters},
                {"goals", r.summary.goals},
                {"communication_needs", r.summary.communication_needs},
                {"care_plan", r.care_plan}},
               {}, 200);
}

void SaveRecord(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.update");
    if (!open) return;
    Fields problems;
    pathway::PathwayRecord r = open->record;
    nlohmann::json form;
    for (const char* f : kRecordFields) {
        const bool short_field = std::string_view(f).rfind("crisis_", 0) == 0;
        form[f] = ReadText(ctx, f, short_field ? "The crisis contact" : "The text",
                           short_field ? kShortText : kLongText, false, problems);
    }
    r.crisis_contact = {form["crisis_name"], form["crisis_phone"]};
    r.summary = {form["about_me"], form["what_matters"], form["goals"], form["communication_needs"]};
    r.care_plan = form["care_plan"];
    if (problems.empty()) {
        Status s = app::UpdatePathwayRecord(ctx.db(), ctx.app.clock(), r, ctx.ActorForAudit());
        if (s.ok()) return ctx.Redirect(PathwayPath(r.id), "The pathway has been updated.");
        if (!AddDomainProblems(s, {}, "about_me", problems)) {
            return ctx.Error(503, Status::Unavailable("the pathway cannot be saved now"));
        }
    }
    RenderEdit(ctx, *open, form, problems, 400);
}

// ---- Key worker

void RenderKeyWorker(RequestContext& ctx, const OpenPathway& open, nlohmann::json form, const Fields& problems,
                     int status) {
    RenderPathwayForm(ctx, open, "/key-worker", "Change the key worker", "pathway_key_worker", std::move(form),
                      problems, status);
}

void EditKeyWorker(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "patient.view");
    if (!open) return;
    RenderKeyWorker(ctx, *open, nlohmann::json::object(), {}, 200);
}

void SaveKeyWorker(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.key_worker");
    if (!open) return;
    Fields problems;
    pathway::KeyWorker w;
    w.name = ReadText(ctx, "key_worker_name", "The key worker's name", kShortText, true, problems);
    w.role = ReadText(ctx, "key_worker_role", "The key worker's role", kShortText, false, problems);
    w.phone = ReadText(ctx, "key_worker_phone", "The key worker's phone", kShortText, false, problems);
    if (problems.empty()) {
        Status s = app::ChangeKeyWorker(ctx.db(), ctx.app.clock(), open->record.id, w, ctx.ActorForAudit());
        if (s.ok()) return ctx.Redirect(PathwayPath(open->record.id), "The key worker has been changed.");
        if (!AddDomainProblems(s, {}, "key_worker_name", problems)) {
            return ctx.Error(503, Status::Unavailable("the key worker cannot be saved now"));
        }
    }
    RenderKeyWorker(ctx, *open,
                    {{"key_worker_name", w.name}, {"key_worker_role", w.role}, {"key_worker_phone", w.phone}}, problems,
                    400);
}

// ---- Next actions

void AddAction(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.action.add");
    if (!open) return;
    Fields problems;
    store::PathwayAction a;
    a.pathway_id = open->record.id;
    a.description = ReadText(ctx, "description", "What needs doing", kShortText, true, problems);
    a.owner = ReadText(ctx, "owner", "Who will do it", kShortText, true, problems);
    if (auto d = ParseDateInput(ReadDateInput(ctx, "due_on"), "The due date", true, problems)) a.due_on = *d;
    if (!problems.empty()) {
        nlohmann::json data = {{"back", PathwayPath(a.pathway_id)}};
        AddErrors(data, problems);
        return ctx.Page("The action was not added", "pathway_form_problem", data, 400);
    }
    auto added = app::AddPathwayAction(ctx.db(), ctx.app.clock(), a, ctx.ActorForAudit());
    if (!added.ok()) return ctx.Error(HttpStatusFor(added.status()), added.status());
    ctx.Redirect(PathwayPath(a.pathway_id) + "#actions", "The action has been added.");
}

void CompleteAction(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.action.complete");
    if (!open) return;
    auto id = text::ParseInt(ctx.params["action_id"]);
    if (!id.ok()) return ctx.Error(404, Status::NotFound("there is no such action"));
    Status s = app::CompletePathwayAction(ctx.db(), ctx.app.clock(), open->record.id, *id, ctx.ActorForAudit());
    if (!s.ok()) return ctx.Error(HttpStatusFor(s), s);
    ctx.Redirect(PathwayPath(open->record.id) + "#actions", "The action is done.");
}

// ---- Preferences

void RecordPreference(RequestContext& ctx) {
    auto open = BeginPathwayRequest(ctx, "pathway.preference");
    if (!open) return;
    Fields problems;
    pathway::Preference p;
    if (auto k = ParseName(pathway::kPreferenceKinds, ctx.Param("kind")))
        p.kind = *k;
    else
        problems.push_back({"kind", "Choose which preference this is"});
    p.state =
        ctx.Param("state") == "decided" ? pathway::PreferenceState::kDecided : pathway::PreferenceState::kNotYetDecided;
    p.value = ReadText(ctx, "value", "The choice", 32, false, problems);
    p.detail = ReadText(ctx, "detail", "The detail", kLongText, false, problems);
    p.review_on = ParseDateInput(ReadDateInput(ctx, "review_on"), "The review date", false, problems);
    if (problems.empty()) {
        Status s = app::RecordPathwayPreference(ctx.db(), ctx.app.clock(), open->record.id, p, ctx.ActorForAudit());
        if (s.ok()) return ctx.Redirect(PathwayPath(open->record.id) + "#preferences", "The preference is recorded.");
        if (!AddDomainProblems(s, {{"value", "The choice"}, {"review_on", "The review date"}}, "value", problems)) {
            return ctx.Error(503, Status::Unavailable("the preference cannot be saved now"));
        }
    }
    nlohmann::json data = {{"back", PathwayPath(open->record.id)}};
    AddErrors(data, problems);
    ctx.Page("The preference was not recorded", "pathway_form_problem", data, 400);
}

}  // namespace

void RegisterPathwayFormRoutes(Router& router) {
    router.Add("GET", "/pathways/:id/events/new", PatientAccess(), RouteKind::kPage, NewEvent);
    router.Add("POST", "/pathways/:id/events", PatientAccess(), RouteKind::kPage, AddEvent);
    router.Add("GET", "/pathways/:id/edit", PatientAccess(), RouteKind::kPage, EditRecord);
    router.Add("POST", "/pathways/:id/edit", PatientAccess(), RouteKind::kPage, SaveRecord);
    router.Add("GET", "/pathways/:id/key-worker", PatientAccess(), RouteKind::kPage, EditKeyWorker);
    router.Add("POST", "/pathways/:id/key-worker", PatientAccess(), RouteKind::kPage, SaveKeyWorker);
    router.Add("POST", "/pathways/:id/actions", PatientAccess(), RouteKind::kPage, AddAction);
    router.Add("POST", "/pathways/:id/actions/:action_id/done", PatientAccess(), RouteKind::kPage, CompleteAction);
    router.Add("POST", "/pathways/:id/preferences", PatientAccess(), RouteKind::kPage, RecordPreference);
}

}  // namespace carevoice::web::pathway_pages
