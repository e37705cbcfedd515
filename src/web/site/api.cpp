// The JSON API under /api/v1. It mirrors what pages show; signed-in calls that change anything
// carry the X-CSRF-Token header from GET /api/v1/me. Errors have one shape (see docs/api.md).
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/sign_in_audit.hpp"
#include "core/text.hpp"
#include "store/accounts_repository.hpp"
#include "store/audit_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/json_body.hpp"

namespace carevoice::web {
namespace {

const Access kAdminOnly = Access::Roles({Role::kAdmin});

nlohmann::json UserJson(const store::User& u) {
    return {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"role", std::string(RoleName(u.role))},
            {"disabled", u.disabled},
            {"created_at", FormatTimestamp(u.created_at)}};
}

void Index(RequestContext& ctx) {
    nlohmann::json routes = nlohmann::json::array();
    for (const auto& r : ctx.app.router().routes()) {
        if (r.kind != RouteKind::kApi || r.pattern.rfind("/api/v1", 0) != 0) continue;
        nlohmann::json who = nlohmann::json::array();
        if (r.access.is_public()) who.push_back("public");
        for (Role role : r.access.roles()) who.push_back(std::string(RoleName(role)));
        routes.push_back({{"method", r.method}, {"path", r.pattern}, {"who", who}});
    }
    ctx.Json(200, {{"name", "carevoice API"}, {"version", "v1"}, {"documentation", "docs/api.md"}, {"routes", routes}});
}

void Me(RequestContext& ctx) {
    ctx.Json(200, {{"id", ctx.user->id},
                   {"username", ctx.user->username},
                   {"display_name", ctx.user->display_name},
                   {"role", std::string(RoleName(ctx.user->role))},
                   {"csrf_token", ctx.csrf_token}});
}

void ListUsers(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    if (!users.ok()) return ctx.Error(503, users.status());
    ctx.Audit("user.list", "user", "", "success");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& u : *users) list.push_back(UserJson(u));
    ctx.Json(200, {{"users", list}});
}

void CreateUser(RequestContext& ctx) {
    auto body = ReadJsonBody(ctx, {{"username", {JsonType::kString, true}},
                                   {"display_name", {JsonType::kString, true}},
                                   {"role", {JsonType::kString, true}},
                                   {"password", {JsonType::kString, true}}});
    if (!body) return;
    app::NewAccount a{(*body)["username"], (*body)["display_name"], (*body)["role"], (*body)["password"]};
    auto user = app::AddUser(ctx.db(), ctx.app.clock(), ctx.app.config().password_cost, a, ctx.ActorForAudit());
    if (!user.ok()) return ctx.Error(HttpStatusFor(user.status()), user.status());
    ctx.res.set_header("Location", "/api/v1/users/" + std::to_string(user->id));
    ctx.Json(201, UserJson(*user));
}

void UpdateUser(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) return ctx.Error(404, "not_found", "There is no user with that id.");
    auto body = ReadJsonBody(ctx, {{"role", {JsonType::kString, false}}, {"disabled", {JsonType::kBoolean, false}}});
    if (!body) return;
    std::optional<Role> role;
    if (body->contains("role")) {
        role = ParseRole((*body)["role"].get<std::string>());
        if (!role) {
            return ctx.Error(422, "invalid_fields", "Some fields are not right; nothing was changed.",
                             {{"role", "must be one of admin, analyst, facilitator, member, coordinator"}});
        }
    }
    auto existing = store::AccountsRepository(ctx.db()).FindUserById(*id);
    if (!existing.ok()) return ctx.Error(404, "not_found", "There is no user with that id.");
    Status s;
    if (role) s = app::ChangeRole(ctx.db(), ctx.app.clock(), *id, *role, ctx.ActorForAudit());
    if (s.ok() && body->contains("disabled")) {
        s = app::SetDisabled(ctx.db(), ctx.app.clock(), *id, (*body)["disabled"].get<bool>(), ctx.ActorForAudit());
    }
    if (!s.ok()) return ctx.Error(HttpStatusFor(s), s);
    ctx.Json(200, UserJson(*store::AccountsRepository(ctx.db()).FindUserById(*id)));
}

void ListAudit(RequestContext& ctx) {
    store::AuditFilter f;
    if (auto v = ctx.Param("username"); !v.empty()) f.username = v;
    if (auto v = ctx.Param("action"); !v.empty()) f.action = v;
    if (auto v = ctx.Param("outcome"); !v.empty()) f.outcome = v;
    if (auto v = ctx.Param("limit"); !v.empty()) {
        auto n = text::ParseInt(v);
        if (!n.ok() || *n < 1 || *n > 10000) {
            return ctx.Error(422, "invalid_fields", "The query is not right.", {{"limit", "must be from 1 to 10000"}});
        }
        f.limit = static_cast<int>(*n);
    }
    (void)app::SummariseSignInCounts(ctx.db(), ctx.app.clock(), ctx.request_id);  // as the audit page does
    auto entries = store::AuditRepository(ctx.db()).Find(f);
    if (!entries.ok()) return ctx.Error(503, entries.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *entries) {
        list.push_back({{"at", FormatTimestamp(e.at)},
                        {"username", e.username},
                        {"role", e.role},
                        {"action", e.action},
                        {"record_type", e.record_type},
                        {"record_id", e.record_id},
                        {"outcome", e.outcome},
                        {"client_address", e.client_address},
                        {"request_id", e.request_id}});
    }
    ctx.Json(200, {{"entries", list}});
}

}  // namespace

void RegisterApiRoutes(Router& router) {
    router.Add("GET", "/api/v1", Access::Public(), RouteKind::kApi, Index);
    router.Add("GET", "/api/v1/me", Access::SignedIn(), RouteKind::kApi, Me);
    router.Add("GET", "/api/v1/users", kAdminOnly, RouteKind::kApi, ListUsers);
    router.Add("POST", "/api/v1/users", kAdminOnly, RouteKind::kApi, CreateUser);
    router.Add("PATCH", "/api/v1/users/:id", kAdminOnly, RouteKind::kApi, UpdateUser);
    router.Add("GET", "/api/v1/audit", kAdminOnly, RouteKind::kApi, ListAudit);
}

}  // namespace carevoice::web
