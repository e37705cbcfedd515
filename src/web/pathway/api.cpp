// The pathway JSON API under /api/v1/pathway, mirroring the pages: a patient, a pathway with its clocks,
// its events (list, add one, import a CSV through app::ImportEvents), the tracking list with the same
// filters, and the alerts with acknowledgement. Coordinators and admins only; a coordinator reaches only
// the pathways involving their organisation (tracking_model.hpp's rule) and gets 404 for any other. Every
// read of patient data and every change is audited. Errors in the API's one shape (context.cpp).
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "app/events_import.hpp"
#include "core/text.hpp"
#include "pathway/events_csv.hpp"
#include "store/pathway_events_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/json_body.hpp"
#include "web/pathway/pages.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web {
namespace {

using namespace pathway_tracking;
using Cache = std::shared_ptr<TrackingCache>;

constexpr std::size_t kMaxImportBytes = 20 << 20;

std::optional<std::int64_t> IdParam(RequestContext& ctx) {
    const std::string& text = ctx.params["id"];
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        ctx.Error(400, "invalid_argument", "The id in the address must be a positive whole number.",
                  {{"id", "must be a positive whole number"}});
        return std::nullopt;
    }
    return id;
}

void NotOnList(RequestContext& ctx, const std::string& what) {
    ctx.Error(404, "not_found", "There is no " + what + " with that id on your list.");
}

// The pathway of the address, if the user may see it (otherwise the error has been sent): the same decision
// as its pages (pathway_pages::DecideForPathway), so a coordinator who broke glass on the page may read it
// here too, and one who has not is told how. A refusal is audited as `action`.
std::optional<pathway::PathwayRecord> PathwayOfRequest(RequestContext& ctx, const std::string& action) {
    auto id = IdParam(ctx);
    if (!id) return std::nullopt;
    auto record = store::PathwayRepository(ctx.db()).FindPathway(*id);
    if (record.status().code() == StatusCode::kNotFound) {
        NotOnList(ctx, "pathway");
        return std::nullopt;
    }
    if (!record.ok()) {
        InternalError(ctx, record.status());
        return std::nullopt;
    }
    auto decision = pathway_pages::DecideForPathway(ctx, record->id);
    if (!decision.ok()) {
        InternalError(ctx, decision.status());
        return std::nullopt;
    }
    const std::string record_id = std::to_string(record->id);
    if (*decision == pathway::AccessDecision::kNeedsBreakGlass) {
        ctx.Audit(action, "pathway", record_id, "denied: needs break glass");
        ctx.Error(403, "break_glass_needed",
                  "This pathway does not involve your organisation. To see it, break glass on its page, " +
                      pathway_pages::PathwayPath(record->id) +
                      ", giving your reason; the API then answers for the same time as the page.");
        return std::nullopt;
    }
    if (!pathway::IsAllowed(*decision)) {
        ctx.Audit(action, "pathway", record_id, "denied");
        NotOnList(ctx, "pathway");
        return std::nullopt;
    }
    return *record;
}

nlohmann::json ClockJson(const pathway::Clock& c) {
    nlohmann::json j = {
        {"clock", std::string(pathway::ClockName(c.kind))},
        {"start", c.start.ToString()},
        {"stop", c.stop ? nlohmann::json(c.stop->ToString()) : nlohmann::json(nullptr)},
        {"adjustment_days", c.adjustment_days},
        {"wait_days", c.wait_days ? nlohmann::json(*c.wait_days) : nlohmann::json(nullptr)},
        {"target_days", c.target_days},
        {"status", std::string(pathway::StatusName(c.status))},
        {"days_to_breach", c.days_to_breach ? nlohmann::json(*c.days_to_breach) : nlohmann::json(nullptr)}};
    if (c.kind == pathway::ClockKind::k31) j["treatment"] = c.treatment;
    if (c.status == pathway::ClockStatus::kOpen) j["rag"] = RagFor(c);
    if (c.allocation) j["allocation"] = pathway::FormatAllocation(*c.allocation);
    return j;
}

nlohmann::json EventJson(const pathway::Event& e) {
    nlohmann::json j = nlohmann::json::object();
    const auto fields = pathway::EventCsvFields(e);
    for (std::size_t i = 0; i < fields.size(); ++i) j[pathway::kEventColumns[i]] = fields[i];
    return j;
}

nlohmann::json AlertJson(const TrackingRow& r, const pathway::Alert& a) {
    return {{"pathway_id", r.record.id},
            {"ref", r.record.ref},
            {"rule", std::string(NameOf(pathway::kAlertRules, a.rule))},
            {"why", a.Why()},
            {"what_to_do", a.WhatToDo()},
            {"cause_on", a.cause_on.ToString()}};
}

void GetPatient(RequestContext& ctx, TrackingCache&) {
    auto id = IdParam(ctx);
    if (!id) return;
    store::PathwayRepository repo(ctx.db());
    auto patient = repo.FindPatient(*id);
    if (patient.status().code() == StatusCode::kNotFound) return NotOnList(ctx, "patient");
    if (!patient.ok()) return InternalError(ctx, patient.status());
    auto pathways = repo.ListPathwaysOfPatient(*id);
    if (!pathways.ok()) return InternalError(ctx, pathways.status());
    auto access = pathway_pages::DecideForPatient(ctx, *pathways);
    if (!access.ok()) return InternalError(ctx, access.status());
    nlohmann::json refs = nlohmann::json::array();
    for (std::size_t i = 0; i < pathways->size(); ++i) {
        const auto& p = (*pathways)[i];
        if (access->pathway_allowed[i])
            refs.push_back(
                {{"id", p.id}, {"ref", p.ref}, {"status", std::string(NameOf(pathway::kPathwayStatuses, p.status))}});
    }
    if (!access->allowed) {
        ctx.Audit("patient.view", "patient", std::to_string(*id), "denied");
        return NotOnList(ctx, "patient");
    }
    ctx.Audit("patient.view", "patient", std::to_string(*id), "success");
    const auto& p = *patient;
    ctx.Json(200, {{"id", p.id},
                   {"nhs_number", p.nhs_number},
                   {"given_name", p.given_name},
                   {"family_name", p.family_name},
                   {"date_of_birth", p.date_of_birth.ToString()},
                   {"sex", std::string(NameOf(pathway::kSexes, p.sex))},
                   {"postcode", p.postcode},
                   {"area_code", p.area_code},
                   {"ethnic_group", std::string(NameOf(pathway::kEthnicGroups, p.ethnic_group))},
                   {"preferred_language", p.preferred_language},
                   {"interpreter_needed", p.interpreter_needed},
                   {"accessibility_needs", p.accessibility_needs},
                   {"communication_needs", p.communication_needs},
                   {"gp_practice", p.gp_practice},
                   {"consent_to_share", p.consent_to_share},
                   {"pathways", refs}});
}

void GetPathway(RequestContext& ctx, TrackingCache& cache) {
    auto record = PathwayOfRequest(ctx, "pathway.view");
    if (!record) return;
    auto snapshot = cache.Get(ctx.db(), ctx.app.clock().Today());
    if (!snapshot.ok()) return InternalError(ctx, snapshot.status());
    ctx.Audit("pathway.view", "pathway", std::to_string(record->id), "success");
    nlohmann::json clocks = nlohmann::json::array(), problems = nlohmann::json::array();
    if (const auto* e = (*snapshot)->Find(record->ref)) {
        for (const auto& c : e->clocks) clocks.push_back(ClockJson(c));
        for (const auto& p : e->problems) problems.push_back({{"event_id", p.event_id}, {"problem", p.problem}});
    }
    const auto& r = *record;
    nlohmann::json kw = nullptr;
    if (r.key_worker) kw = {{"name", r.key_worker->name}, {"role", r.key_worker->role}, {"phone", r.key_worker->phone}};
    ctx.Json(200,
             {{"id", r.id},
              {"ref", r.ref},
              {"patient_id", r.patient_id},
              {"kind", std::string(NameOf(pathway::kPathwayKinds, r.kind))},
              {"route", r.route ? nlohmann::json(std::string(pathway::RouteName(*r.route))) : nlohmann::json(nullptr)},
              {"referral_received_on",
               r.referral_received_on ? nlohmann::json(r.referral_received_on->ToString()) : nlohmann::json(nullptr)},
              {"tumour_group", r.tumour_group},
              {"prime_provider", r.prime_provider},
              {"status", std::string(NameOf(pathway::kPathwayStatuses, r.status))},
              {"key_worker", kw},
              {"crisis_contact", {{"name", r.crisis_contact.name}, {"phone", r.crisis_contact.phone}}},
              {"as_of", ctx.app.clock().Today().ToString()},
              {"clocks", clocks},
              {"data_quality_problems", problems}});
}

void GetEvents(RequestContext& ctx, TrackingCache&) {
    auto record = PathwayOfRequest(ctx, "pathway.events.view");
    if (!record) return;
    auto events = store::PathwayEventsRepository(ctx.db()).ListByPathway(record->ref);
    if (!events.ok()) return InternalError(ctx, events.status());
    ctx.Audit("pathway.events.view", "pathway", std::to_string(record->id), "success");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *events) out.push_back(EventJson(e));
    ctx.Json(200, {{"pathway_id", record->id}, {"ref", record->ref}, {"events", out}});
}

void PostEvent(RequestContext& ctx, TrackingCache&) {
    auto record = PathwayOfRequest(ctx, "pathway.event.add");
    if (!record) return;
    std::map<std::string, JsonField> schema;
    for (const char* column : pathway::kEventColumns) {
        if (std::string(column) == "pathway_id") continue;
        schema[column] = {JsonType::kString, std::string(column) == "event_id" || std::string(column) == "date" ||
                                                 std::string(column) == "type"};
    }
    auto body = ReadJsonBody(ctx, schema);
    if (!body) return;
    std::vector<std::string> values;
    for (const char* column : pathway::kEventColumns) {
        values.push_back(std::string(column) == "pathway_id" ? record->ref : body->value(column, std::string()));
    }
    std::vector<std::string_view> views(values.begin(), values.end());
    auto event = pathway::EventFromFields(views);
    if (!event.ok()) return ctx.Error(422, event.status());
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return InternalError(ctx, tx.status());
    Status added =
        store::PathwayEventsRepository(ctx.db()).Add(*event, ctx.app.clock().NowSeconds(), ctx.user->username);
    if (added.code() == StatusCode::kInvalidArgument || added.code() == StatusCode::kAlreadyExists) {
        return ctx.Error(HttpStatusFor(added), added);
    }
    if (!added.ok()) return InternalError(ctx, added);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "pathway.event.add", "pathway",
                                      std::to_string(record->id), "success");
    if (!audited.ok()) return InternalError(ctx, audited);
    if (Status s = tx->Commit(); !s.ok()) return InternalError(ctx, s);
    ctx.Json(201, EventJson(*event));
}

void PostImport(RequestContext& ctx, TrackingCache& cache) {
    const std::string type = ctx.req.get_header_value("Content-Type");
    if (type.rfind("text/csv", 0) != 0) {
        return ctx.Error(415, "unsupported_media_type", "Send the events as text/csv in the layout of the events file.",
                         {{"Content-Type", "must be text/csv"}});
    }
    if (ctx.req.body.size() > kMaxImportBytes) {
        return ctx.Error(413, "payload_too_large", "Send at most 20 MB of events at once.");
    }
    // A coordinator may import events only for pathways on their list: checked before anything is stored.
    if (ctx.user->role != Role::kAdmin) {
        pathway::EventsCsvLimits limits;
        limits.supersedes_within_file = false;
        auto events = pathway::ReadEventsCsv(ctx.req.body, limits);
        if (!events.ok()) return ctx.Error(422, events.status());
        store::PathwayRepository repo(ctx.db());
        std::set<std::string> checked;
        for (const auto& e : *events) {
            if (!checked.insert(e.pathway_id).second) continue;
            auto record = repo.FindPathwayByRef(e.pathway_id);
            if (!record.ok()) return InternalError(ctx, record.status());
            bool visible = false;
            if (*record) {
                auto in = PathwayInScope(ctx, cache, **record);
                if (!in.ok()) return InternalError(ctx, in.status());
                visible = *in;
            }
            if (!visible) {
                return ctx.Error(
                    403, "forbidden", "The file has events of a pathway that is not on your list.",
                    {{"line " + std::to_string(e.line) + ", pathway_id", "is not a pathway on your list"}});
            }
        }
    }
    auto report = app::ImportEvents(ctx.db(), ctx.app.clock(), ctx.req.body, ctx.ActorForAudit());
    if (report.status().code() == StatusCode::kInvalidArgument ||
        report.status().code() == StatusCode::kAlreadyExists) {
        return ctx.Error(HttpStatusFor(report.status()), report.status());
    }
    if (!report.ok()) return InternalError(ctx, report.status());
    ctx.Json(200, {{"read", report->read}, {"inserted", report->inserted}, {"unchanged", report->unchanged}});
}

void GetTracking(RequestContext& ctx, TrackingCache& cache, bool alerts_only) {
    auto filter = ReadFilter(ctx);
    if (!filter.ok()) return ctx.Error(400, filter.status());
    auto scope = ScopeFor(ctx);
    if (!scope.ok()) return InternalError(ctx, scope.status());
    auto list = BuildTrackingList(ctx, cache, *scope, *filter);
    if (!list.ok()) return InternalError(ctx, list.status());
    ctx.Audit("pathway.tracking.view", "pathway_tracking", "api " + FilterQuery(*filter, true), "success");
    const std::size_t first = (static_cast<std::size_t>(filter->page) - 1) * kPageSize;
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = first; i < list->rows.size() && i < first + kPageSize; ++i) {
        const TrackingRow& r = *list->rows[i];
        if (alerts_only) {
            for (const auto& a : r.alerts) items.push_back(AlertJson(r, a));
            continue;
        }
        nlohmann::json clocks = nlohmann::json::array(), alerts = nlohmann::json::array();
        for (const auto* c : {&r.fds, &r.c62, &r.c31}) {
            if (*c) clocks.push_back(ClockJson(**c));
        }
        for (const auto& a : r.alerts) alerts.push_back(AlertJson(r, a));
        nlohmann::json next = nullptr;
        if (r.next_action) {
            next = {{"description", r.next_action->description},
                    {"owner", r.next_action->owner},
                    {"due_on", r.next_action->due_on.ToString()}};
        }
        items.push_back(
            {{"id", r.record.id},
             {"ref", r.record.ref},
             {"patient_id", r.record.patient_id},
             {"patient_name", r.patient_name},
             {"prime_provider", r.record.prime_provider},
             {"tumour_group", r.record.tumour_group},
             {"area", r.area},
             {"key_worker", r.record.key_worker ? nlohmann::json(r.record.key_worker->name) : nlohmann::json(nullptr)},
             {"rag", r.rag.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.rag)},
             {"days_to_breach", r.days_to_breach ? nlohmann::json(*r.days_to_breach) : nlohmann::json(nullptr)},
             {"clocks", clocks},
             {"next_action", next},
             {"alerts", alerts},
             {"acknowledged_alerts", r.acknowledged}});
    }
    ctx.Json(200, {{"as_of", list->as_of.ToString()},
                   {"total", list->rows.size()},
                   {"page", filter->page},
                   {"page_size", kPageSize},
                   {alerts_only ? "alerts" : "pathways", items}});
}

void PostAcknowledge(RequestContext& ctx, TrackingCache& cache) {
    auto body = ReadJsonBody(
        ctx,
        {{"ref", {JsonType::kString, true}}, {"rule", {JsonType::kString, true}}, {"note", {JsonType::kString, true}}});
    if (!body) return;
    const std::string ref = (*body)["ref"], rule = (*body)["rule"], note = (*body)["note"];
    auto parsed = ParseName(pathway::kAlertRules, rule);
    if (!parsed) {
        return ctx.Error(422, "invalid_argument", "Check the acknowledgement.", {{"rule", "is not an alert rule"}});
    }
    if (ref.empty() || ref.size() > 64) {
        return ctx.Error(422, "invalid_argument", "Check the acknowledgement.",
                         {{"ref", "must be a pathway reference"}});
    }
    Status s = AcknowledgeAlert(ctx, cache, ref, *parsed, std::string(text::Trim(note)));
    if (s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound) {
        return ctx.Error(HttpStatusFor(s), s);
    }
    if (!s.ok()) return InternalError(ctx, s);
    ctx.Json(201, {{"ref", ref}, {"rule", rule}, {"note", std::string(text::Trim(note))}});
}

}  // namespace

void RegisterPathwayApiRoutes(Router& router, Cache cache) {
    const Access who = Access::Roles({Role::kCoordinator, Role::kAdmin});
    auto add = [&](const char* method, const char* pattern, void (*handler)(RequestContext&, TrackingCache&)) {
        router.Add(method, pattern, who, RouteKind::kApi,
                   [cache, handler](RequestContext& ctx) { handler(ctx, *cache); });
    };
    add("GET", "/api/v1/pathway/patients/:id", GetPatient);
    add("GET", "/api/v1/pathway/pathways/:id", GetPathway);
    add("GET", "/api/v1/pathway/pathways/:id/events", GetEvents);
    add("POST", "/api/v1/pathway/pathways/:id/events", PostEvent);
    add("POST", "/api/v1/pathway/events/import", PostImport);
    router.Add("GET", "/api/v1/pathway/tracking", who, RouteKind::kApi,
               [cache](RequestContext& ctx) { GetTracking(ctx, *cache, false); });
    router.Add("GET", "/api/v1/pathway/alerts", who, RouteKind::kApi,
               [cache](RequestContext& ctx) { GetTracking(ctx, *cache, true); });
    add("POST", "/api/v1/pathway/alerts/acknowledge", PostAcknowledge);
}

}  // namespace carevoice::web
