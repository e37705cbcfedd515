// The tracking list (/pathway/tracking): the coordinators' working list of open pathways with their clocks,
// red/amber/green, next action and "lost in the system" alerts, filtered and sorted by codes in the query
// (never patient data), downloadable as CSV; each row's alerts link to the page that explains and
// acknowledges them (tracking_alerts.cpp). Coordinators see the pathways involving their organisation;
// admins see all. Every view and download is audited.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "web/http/app.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web {
namespace {

using namespace pathway_tracking;

nlohmann::json Options(const std::vector<Option>& options, const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& o : options)
        out.push_back({{"value", o.value}, {"label", o.label}, {"selected", o.value == selected}});
    return out;
}

nlohmann::json Fixed(std::initializer_list<std::pair<const char*, const char*>> options, const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, label] : options) {
        out.push_back({{"value", value}, {"label", label}, {"selected", selected == value}});
    }
    return out;
}

nlohmann::json ClockCell(const std::optional<pathway::Clock>& c) {
    if (!c) return nullptr;
    const auto to_breach = c->days_to_breach.value_or(0);
    const auto days = [](std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); };
    // A breached clock says so, rather than "-330 to breach".
    std::string breach_text = to_breach > 0    ? days(to_breach) + " to breach"
                              : to_breach == 0 ? "breaches today"
                                               : "breached " + days(-to_breach) + " ago";
    return {{"wait", c->wait_days.value_or(0)},
            {"wait_text", days(c->wait_days.value_or(0)) + " waiting"},
            {"breach", to_breach},
            {"breach_text", breach_text},
            {"rag", RagFor(*c)}};
}

// The names of a row's alerts, "No key worker; No contact", for the list's Alerts column.
std::string AlertLabels(const std::vector<pathway::Alert>& alerts) {
    std::string out;
    for (const auto& a : alerts) {
        if (!out.empty()) out += "; ";
        out += LabelOf(pathway::kAlertRules, a.rule);
    }
    return out;
}

std::string RagLabel(const std::string& rag) {
    return rag == "red" ? "Red" : rag == "amber" ? "Amber" : rag == "green" ? "Green" : "No open clock";
}

// The rows table and paging of one page of the list, rendered (nothing in it depends on who asks).
std::string RenderRows(RequestContext& ctx, const TrackingList& list, const TrackingFilter& filter) {
    const std::size_t first = (static_cast<std::size_t>(filter.page) - 1) * kPageSize;
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = first; i < list.rows.size() && i < first + kPageSize; ++i) {
        const TrackingRow& r = *list.rows[i];
        nlohmann::json row = {{"id", r.record.id},
                              {"ref", r.record.ref},
                              {"patient_name", r.patient_name},
                              {"provider", r.record.prime_provider},
                              {"tumour", r.record.tumour_group},
                              {"area", r.area},
                              {"key_worker", r.record.key_worker ? r.record.key_worker->name : ""},
                              {"fds", ClockCell(r.fds)},
                              {"c62", ClockCell(r.c62)},
                              {"c31", ClockCell(r.c31)},
                              {"rag", r.rag.empty() ? "none" : r.rag},
                              {"rag_label", RagLabel(r.rag)},
                              {"alert_count", r.alerts.size()},
                              {"has_alerts", !r.alerts.empty()},
                              {"alert_labels", AlertLabels(r.alerts)},
                              {"acknowledged", r.acknowledged}};
        if (r.next_action) {
            row["next_action"] = {{"description", r.next_action->description},
                                  {"owner", r.next_action->owner},
                                  {"due_on", r.next_action->due_on.ToLongString()}};
        }
        rows.push_back(row);
    }
    const std::size_t pages = (list.rows.size() + kPageSize - 1) / kPageSize;
    TrackingFilter prev = filter, next = filter;
    prev.page = filter.page - 1;
    next.page = filter.page + 1;
    return ctx.app.templates().Render(
        "pathway_tracking_rows",
        {{"rows", rows},
         {"has_rows", !rows.empty()},
         {"page", filter.page},
         {"pages", pages},
         {"prev_href", filter.page > 1 ? "/pathway/tracking?" + FilterQuery(prev, true) : ""},
         {"next_href",
          static_cast<std::size_t>(filter.page) < pages ? "/pathway/tracking?" + FilterQuery(next, true) : ""}});
}

// The page's body: filters, the count and one page of rows. Nothing in it depends on who asks (no CSRF
// token: the filters are a GET form), so it is kept and shown to everyone with the same list and filter.
std::string RenderBody(RequestContext& ctx, const TrackingList& list, const TrackingFilter& filter) {
    const std::string query = FilterQuery(filter, false);
    return ctx.app.templates().Render(
        "pathway_tracking",
        {{"rows_html", RenderRows(ctx, list, filter)},
         {"total", list.rows.size()},
         {"as_of", list.as_of.ToLongString()},
         {"rag_rule", kRagRule},
         {"csv_href", "/pathway/tracking.csv" + (query.empty() ? "" : "?" + query)},
         {"providers", Options(list.providers, filter.provider)},
         {"tumours", Options(list.tumours, filter.tumour)},
         {"areas", Options(list.areas, filter.area)},
         {"key_workers", Options(list.key_workers, filter.key_worker)},
         {"clocks", Fixed({{"fds", "28-day Faster Diagnosis"}, {"62", "62-day"}, {"31", "31-day"}}, filter.clock)},
         {"rags", Fixed({{"red", "Red"}, {"amber", "Amber"}, {"green", "Green"}}, filter.rag)},
         {"sorts", Fixed({{"breach", "Days to breach (soonest first)"},
                          {"waiting", "Days waiting (longest first)"},
                          {"alerts", "Alerts (most first)"},
                          {"ref", "Pathway reference"},
                          {"provider", "Prime provider"}},
                         filter.sort)},
         {"key_worker_none", filter.key_worker == "none"},
         {"key_worker_named", filter.key_worker == "named"}});
}

void ShowList(RequestContext& ctx, TrackingCache& cache, const TrackingFilter& filter) {
    auto scope = ScopeFor(ctx);
    if (!scope.ok()) return InternalError(ctx, scope.status());
    auto list = ScopeTrackingList(ctx, cache, *scope);
    if (!list.ok()) return InternalError(ctx, list.status());
    ctx.Audit("pathway.tracking.view", "pathway_tracking", FilterQuery(filter, true), "success");
    // A coordinator's list is read again and again between changes: each page is filtered, sorted and
    // rendered once per data version and day, and each request renders only the layout around it
    // (BENCHMARKS.md, the tracking list at 32 connections).
    const std::string page_key = list->key + "?" + FilterQuery(filter, true);
    auto body = cache.FindPage(*list->snapshot, page_key);
    if (!body) {
        FilterTrackingList(*list, filter);
        body = std::make_shared<const std::string>(RenderBody(ctx, *list, filter));
        cache.KeepPage(*list->snapshot, page_key, body);
    }
    ctx.KeptPage("Tracking list", std::move(body));
}

void GetList(RequestContext& ctx, TrackingCache& cache) {
    auto filter = ReadFilter(ctx);
    if (!filter.ok()) return ctx.Error(400, filter.status());
    ShowList(ctx, cache, *filter);
}

std::string CsvCell(const std::optional<pathway::Clock>& c, bool breach) {
    if (!c) return "";
    const auto& v = breach ? c->days_to_breach : c->wait_days;
    return v ? std::to_string(*v) : "";
}

void GetCsv(RequestContext& ctx, TrackingCache& cache) {
    auto filter = ReadFilter(ctx);
    if (!filter.ok()) return ctx.Error(400, filter.status());
    auto scope = ScopeFor(ctx);
    if (!scope.ok()) return InternalError(ctx, scope.status());
    auto list = BuildTrackingList(ctx, cache, *scope, *filter);
    if (!list.ok()) return InternalError(ctx, list.status());
    ctx.Audit("pathway.tracking.export", "pathway_tracking", FilterQuery(*filter, false), "success");
    std::string body =
        csv::Row({"pathway_ref", "patient_name", "prime_provider", "tumour_group", "area", "key_worker",
                  "fds_wait_days", "fds_days_to_breach", "62_wait_days", "62_days_to_breach", "31_wait_days",
                  "31_days_to_breach", "rag", "next_action", "next_action_owner", "next_action_due", "alerts"});
    for (const TrackingRow* row : list->rows) {
        const TrackingRow& r = *row;
        body +=
            csv::Row({r.record.ref, r.patient_name, r.record.prime_provider, r.record.tumour_group, r.area,
                      r.record.key_worker ? r.record.key_worker->name : "", CsvCell(r.fds, false), CsvCell(r.fds, true),
                      CsvCell(r.c62, false), CsvCell(r.c62, true), CsvCell(r.c31, false), CsvCell(r.c31, true), r.rag,
                      r.next_action ? r.next_action->description : "", r.next_action ? r.next_action->owner : "",
                      r.next_action ? r.next_action->due_on.ToString() : "", std::to_string(r.alerts.size())});
    }
    ctx.Csv("tracking-" + list->as_of.ToString() + ".csv", body);
}

}  // namespace

void RegisterTrackingSettingsRoutes(Router& router);                                            // tracking_settings.cpp
void RegisterTrackingAlertRoutes(Router& router, const std::shared_ptr<TrackingCache>& cache);  // tracking_alerts.cpp

void RegisterTrackingRoutes(Router& router, std::shared_ptr<TrackingCache> cache) {
    const Access who = Access::Roles({Role::kCoordinator, Role::kAdmin});
    router.Add("GET", "/pathway/tracking", who, RouteKind::kPage,
               [cache](RequestContext& ctx) { GetList(ctx, *cache); });
    router.Add("GET", "/pathway/tracking.csv", who, RouteKind::kPage,
               [cache](RequestContext& ctx) { GetCsv(ctx, *cache); });
    RegisterTrackingAlertRoutes(router, cache);
    RegisterTrackingSettingsRoutes(router);
}

}  // namespace carevoice::web
