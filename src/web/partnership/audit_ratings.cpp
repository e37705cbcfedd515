// Rating an environmental audit's checklist area by area (issue 10, item 2): one page per area of the
// template, with where the audit stands (each area's items rated so far), "save and continue" to the next
// area, and nothing typed lost — saving one area keeps every other area's ratings, and when the session
// has expired mid-area the typed ratings are kept while the person signs in again and come back filled in
// (web/http/kept_form.hpp). A fail needs its reason. One transaction with its audit entry per save.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "store/environmental_audit_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/kept_form.hpp"
#include "web/partnership/audits.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::ChecklistArea;
using partnership::EnvironmentalAudit;
using partnership::ItemRating;

// The rating form as typed: item code -> (rating name, "" for not rated yet; reason).
using RatingForm = std::map<std::string, std::pair<std::string, std::string>>;

RatingForm FormOf(const EnvironmentalAudit& audit) {
    RatingForm form;
    for (const auto& r : audit.ratings) {
        form[r.item_code] = {std::string(NameOf(partnership::kItemRatings, r.rating)), r.comment};
    }
    return form;
}

// The area of the request (?area=N, or the form's `area`), 1-based; the first when absent or not one of the
// template's, which `problems` then says.
std::size_t AreaOf(const RequestContext& ctx, const partnership::ChecklistTemplate& checklist,
                   std::vector<FieldProblem>& problems) {
    const std::string asked = ctx.Param("area");
    if (asked.empty()) return 1;
    auto n = text::ParseInt(asked);
    if (n.ok() && *n >= 1 && static_cast<std::size_t>(*n) <= checklist.areas.size()) {
        return static_cast<std::size_t>(*n);
    }
    problems.push_back({"", "The address's area was not used: the checklist has areas 1 to " +
                                std::to_string(checklist.areas.size()) + ". The first area is shown instead."});
    return 1;
}

std::string AreaPath(const LoadedAudit& loaded, std::size_t area) {
    return AuditBase(loaded.standing.group, loaded.audit.id) + "/ratings?area=" + std::to_string(area);
}

// Reads the ratings of one area's items from the request (or a kept form) into `form`.
void ReadArea(const RequestContext& ctx, const ChecklistArea& area, RatingForm& form) {
    for (const auto& item : area.items) {
        form[item.code] = {ctx.Param("rating-" + item.code), std::string(text::Trim(ctx.Param("reason-" + item.code)))};
    }
}

std::size_t RatedIn(const ChecklistArea& area, const RatingForm& form) {
    std::size_t rated = 0;
    for (const auto& item : area.items) {
        auto it = form.find(item.code);
        rated += it != form.end() && !it->second.first.empty() ? 1 : 0;
    }
    return rated;
}

// One area (1-based), or with area_number 0 the whole checklist (a form sent without an area shows again so).
void ShowArea(RequestContext& ctx, const LoadedAudit& loaded, std::size_t area_number, const RatingForm& form,
              const std::vector<FieldProblem>& problems, int status, bool kept = false) {
    const auto& g = loaded.standing.group;
    const auto& areas = loaded.checklist->areas;
    std::vector<const ChecklistArea*> shown;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (area_number == 0 || i + 1 == area_number) shown.push_back(&areas[i]);
    }
    std::map<std::string, std::string> errors_by_field;
    for (const auto& p : problems) errors_by_field.emplace(p.field, p.problem);
    auto error_of = [&](const std::string& field) -> nlohmann::json {
        auto it = errors_by_field.find(field);
        return it == errors_by_field.end() ? nlohmann::json(nullptr) : nlohmann::json(it->second);
    };
    nlohmann::json items = nlohmann::json::array();
    for (const ChecklistArea* area : shown) {
        for (const auto& item : area->items) {
            auto it = form.find(item.code);
            const std::string chosen = it == form.end() ? "" : it->second.first;
            nlohmann::json choices = nlohmann::json::array();
            for (const auto& r : partnership::kItemRatings) {
                choices.push_back({{"value", std::string(r.name)},
                                   {"slug", std::string(r.name)},
                                   {"label", std::string(r.label)},
                                   {"checked", chosen == r.name}});
            }
            choices.push_back(
                {{"value", ""}, {"slug", "unrated"}, {"label", "Not rated yet"}, {"checked", chosen.empty()}});
            items.push_back({{"code", item.code},
                             {"text", item.text},
                             {"heading", area_number == 0 && &item == &area->items.front() ? nlohmann::json(area->name)
                                                                                           : nlohmann::json(nullptr)},
                             {"choices", choices},
                             {"reason", it == form.end() ? "" : it->second.second},
                             {"rating_error", error_of("rating-" + item.code)},
                             {"reason_error", error_of("reason-" + item.code)}});
        }
    }
    nlohmann::json progress = nlohmann::json::array();
    std::size_t rated_total = 0, items_total = 0;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const std::size_t rated = RatedIn(areas[i], form);
        rated_total += rated;
        items_total += areas[i].items.size();
        progress.push_back(
            {{"number", i + 1},
             {"name", areas[i].name},
             {"href", AreaPath(loaded, i + 1)},
             {"current", i + 1 == area_number},
             {"status", std::to_string(rated) + " of " + std::to_string(areas[i].items.size()) + " rated"},
             {"done", rated == areas[i].items.size()}});
    }
    const bool last = area_number == 0 || area_number == areas.size();
    const std::string area_name = area_number == 0 ? "The whole checklist" : areas[area_number - 1].name;
    nlohmann::json data = {
        {"id", g.id},
        {"group_name", g.name},
        {"site", loaded.audit.site},
        {"audited_on", loaded.audit.audited_on.ToLongString()},
        {"checklist", loaded.checklist->name},
        {"action", AuditBase(g, loaded.audit.id) + "/ratings"},
        {"return_to", area_number == 0 ? AuditBase(g, loaded.audit.id) + "/ratings" : AreaPath(loaded, area_number)},
        {"audit_href", AuditBase(g, loaded.audit.id)},
        {"area_number", area_number == 0 ? nlohmann::json(nullptr) : nlohmann::json(area_number)},
        {"area_count", areas.size()},
        {"area_name", area_name},
        {"items", items},
        {"progress", progress},
        {"rated_total", rated_total},
        {"items_total", items_total},
        {"last", last},
        {"next_name", last ? "" : areas[area_number].name},
        {"kept", kept}};
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        // The summary links to the first radio of a rating, or to the reason box.
        nlohmann::json field_id = p.field.rfind("rating-", 0) == 0 ? p.field + "-pass" : p.field;
        if (p.field.empty() || p.field == "ratings") field_id = nullptr;
        errors.push_back({{"field_id", field_id}, {"message", p.problem}});
    }
    data["errors"] = errors;
    nlohmann::json crumbs = AuditsBreadcrumbs(g);
    crumbs.push_back({{"href", AuditBase(g, loaded.audit.id)}, {"label", loaded.audit.site}});
    data["breadcrumbs"] = crumbs;
    ctx.Page("Rate the checklist: " + area_name, "partnership_audit_ratings", data, status);
}

void EditRatings(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRecord, kWhoRecords);
    if (!loaded) return;
    std::vector<FieldProblem> problems;
    const std::size_t area = AreaOf(ctx, *loaded->checklist, problems);
    RatingForm form = FormOf(loaded->audit);
    // Back from signing in again: what was typed before the session expired, over what is stored.
    const bool kept = TakeKeptForm(ctx);
    if (kept) ReadArea(ctx, loaded->checklist->areas[area - 1], form);
    ShowArea(ctx, *loaded, area, form, problems, 200, kept);
}

// Saves one area (the form's `area`), keeping every other area's ratings; a form without an area (the whole
// checklist at once, as the API-like callers and older pages send it) saves every item it names.
void SaveRatings(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRecord, kWhoRecords);
    if (!loaded) return;
    const bool one_area = !ctx.Param("area").empty();
    std::vector<FieldProblem> problems;
    const std::size_t area_number = AreaOf(ctx, *loaded->checklist, problems);
    if (!problems.empty()) return ctx.Error(422, "invalid_argument", problems.front().problem);
    RatingForm form = FormOf(loaded->audit);
    EnvironmentalAudit audit = loaded->audit;
    audit.ratings.clear();
    for (std::size_t a = 0; a < loaded->checklist->areas.size(); ++a) {
        const ChecklistArea& area = loaded->checklist->areas[a];
        const bool posted = !one_area || a + 1 == area_number;
        if (posted) ReadArea(ctx, area, form);
        for (const auto& item : area.items) {
            const auto& [value, reason] = form[item.code];
            if (value.empty()) continue;  // not rated yet: an audit may be entered in stages
            auto rating = ParseName(partnership::kItemRatings, value);
            if (!rating) {
                problems.push_back({"rating-" + item.code, item.code + " (" + item.text + "): choose a rating"});
                continue;
            }
            if (posted && *rating == ItemRating::kFail && reason.empty()) {
                problems.push_back({"reason-" + item.code, item.code + " (" + item.text +
                                                               "): give the reason for the fail, so that it can be "
                                                               "put right"});
            }
            audit.ratings.push_back({item.code, *rating, reason});
        }
    }
    if (problems.empty()) {
        Status valid = partnership::ValidateEnvironmentalAudit(audit, *loaded->checklist);
        if (!valid.ok()) problems.push_back({"ratings", valid.message()});
    }
    if (!problems.empty()) return ShowArea(ctx, *loaded, one_area ? area_number : 0, form, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status updated = store::EnvironmentalAuditRepository(ctx.db()).Update(audit, ctx.app.clock().NowSeconds());
    if (!updated.ok()) return ctx.Error(HttpStatusFor(updated), updated);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "environmental_audit.rate",
                                      "environmental_audit", std::to_string(audit.id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    const auto& areas = loaded->checklist->areas;
    const std::size_t rated = audit.ratings.size();
    std::size_t items_total = 0;
    for (const auto& a : areas) items_total += a.items.size();
    const std::string saved =
        "Saved. " + std::to_string(rated) + " of " + std::to_string(items_total) + " items are rated.";
    if (one_area && ctx.Param("then") == "next" && area_number < areas.size()) {
        return ctx.Redirect(AreaPath(*loaded, area_number + 1),
                            "Saved " + areas[area_number - 1].name + ". " + saved.substr(7));
    }
    ctx.Redirect(AuditBase(loaded->standing.group, audit.id), saved);
}

}  // namespace

void RegisterAuditRatingRoutes(Router& router) {
    router.Add("GET", "/groups/:id/audits/:audit_id/ratings", Access::SignedIn(), RouteKind::kPage, EditRatings);
    router.Add("POST", "/groups/:id/audits/:audit_id/ratings", Access::SignedIn(), RouteKind::kPage, SaveRatings,
               RouteOptions::KeepsTypedForm());
}

}  // namespace carevoice::web::partnership_pages
