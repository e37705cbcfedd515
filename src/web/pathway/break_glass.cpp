// Break glass: a coordinator of an organisation not involved in a pathway opens it by giving a reason
// (at least pathway::kMinBreakGlassReason characters), for pathway::kBreakGlassSeconds; the access is
// audited and listed for admins, who mark each one reviewed.
#include "app/pathway_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web::pathway_pages {
namespace {

// Only a path of this site ("/pathways/3", "/patients/7"), never another site.
std::string SafeNext(const std::string& next, std::int64_t pathway_id) {
    const bool local =
        next.size() < 200 && (text::StartsWith(next, "/pathways/") || text::StartsWith(next, "/patients/"));
    return local && next.find("//") == std::string::npos ? next : PathwayPath(pathway_id);
}

void BreakGlass(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) return ctx.Error(404, Status::NotFound("there is no such pathway"));
    auto record = store::PathwayRepository(ctx.db()).FindPathway(*id);
    if (!record.ok()) {
        return ctx.Error(record.status().code() == StatusCode::kNotFound ? 404 : 503,
                         Status::NotFound("there is no such pathway"));
    }
    if (ctx.user->role != Role::kCoordinator) {
        return ctx.Error(403, "forbidden", "Only coordinators break glass; administrators see every pathway.");
    }
    const std::string next = SafeNext(ctx.Param("next"), *id);
    const std::string reason = ctx.Param("reason").substr(0, pathway::kMaxBreakGlassReason + 1);
    auto opened = app::BreakGlass(ctx.db(), ctx.app.clock(), *id, reason, ctx.ActorForAudit());
    if (opened.ok()) return ctx.Redirect(next, "You have access to this record for 4 hours. Administrators are told.");
    if (opened.status().code() == StatusCode::kInvalidArgument && !opened.status().details().empty()) {
        return RenderBreakGlass(ctx, *id, next, reason, opened.status().details()[0].problem);
    }
    ctx.Error(HttpStatusFor(opened.status()), opened.status());
}

void ListBreakGlass(RequestContext& ctx) {
    auto list = store::PathwayRepository(ctx.db()).ListUnreviewedBreakGlass();
    if (!list.ok()) return ctx.Error(503, Status::Unavailable("break-glass accesses cannot be read now"));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& b : *list) {
        rows.push_back({{"id", b.id},
                        {"username", b.username},
                        {"pathway_href", PathwayPath(b.pathway_id)},
                        {"pathway_ref", b.pathway_ref},
                        {"reason", b.reason},
                        {"opened", FormatTimestamp(b.opened_at)},
                        {"expires", FormatTimestamp(b.expires_at)}});
    }
    ctx.Audit("pathway.break_glass.list", "break_glass", "", "success");
    ctx.Page("Break-glass accesses to review", "admin_break_glass",
             {{"accesses", rows}, {"has_accesses", !rows.empty()}});
}

void Review(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) return ctx.Error(404, Status::NotFound("there is no such break-glass access"));
    Status s = app::ReviewBreakGlass(ctx.db(), ctx.app.clock(), *id, ctx.ActorForAudit());
    if (!s.ok()) return ctx.Error(HttpStatusFor(s), s);
    ctx.Redirect("/admin/break-glass", "Marked as reviewed.");
}

}  // namespace

void RegisterBreakGlassRoutes(Router& router) {
    router.Add("POST", "/pathways/:id/break-glass", PatientAccess(), RouteKind::kPage, BreakGlass);
    router.Add("GET", "/admin/break-glass", Access::Roles({Role::kAdmin}), RouteKind::kPage, ListBreakGlass);
    router.Add("POST", "/admin/break-glass/:id/reviewed", Access::Roles({Role::kAdmin}), RouteKind::kPage, Review);
}

}  // namespace carevoice::web::pathway_pages

namespace carevoice::web {

void RegisterPathwayRoutes(Router& router) {
    pathway_pages::RegisterHomeRoutes(router);
    pathway_pages::RegisterPatientRoutes(router);
    pathway_pages::RegisterPathwayViewRoutes(router);
    pathway_pages::RegisterPathwayFormRoutes(router);
    pathway_pages::RegisterBreakGlassRoutes(router);
}

}  // namespace carevoice::web
