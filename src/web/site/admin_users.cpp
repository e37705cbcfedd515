// The administrator's actions on one person's account that need a second look (issue 10, item 7): disabling
// asks first, naming the person and what will happen; resetting a password asks first, then shows a temporary
// password once — to give to the person by phone or in person — which they must change when they next sign in.
// Every message names the person. Each action is one transaction with its audit entry (app/accounts).
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "store/accounts_repository.hpp"
#include "web/http/app.hpp"
#include "web/site/admin.hpp"

namespace carevoice::web {
namespace {

// The person of the path, or the request answered (404).
std::optional<store::User> PersonOf(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    auto user = id.ok() ? store::AccountsRepository(ctx.db()).FindUserById(*id)
                        : Result<store::User>(Status::NotFound("no such user"));
    if (!user.ok()) {
        ctx.Error(HttpStatusFor(user.status()), Status::NotFound("There is no such user. Go back to the users list."));
        return std::nullopt;
    }
    return std::move(*user);
}

std::string NameOf(const store::User& u) { return u.display_name + " (" + u.username + ")"; }

void Confirm(RequestContext& ctx, const store::User& u, const std::string& title, const std::vector<std::string>& what,
             const std::string& action, const std::string& button, bool warning) {
    nlohmann::json points = nlohmann::json::array();
    for (const auto& w : what) points.push_back(w);
    ctx.Page(title, "admin_confirm",
             {{"title", title},
              {"person", NameOf(u)},
              {"points", points},
              {"action", action},
              {"button", button},
              {"warning", warning},
              {"breadcrumbs",
               {{{"href", "/admin"}, {"label", "Administration"}}, {{"href", "/admin/users"}, {"label", "Users"}}}}});
}

void ConfirmDisable(RequestContext& ctx) {
    auto u = PersonOf(ctx);
    if (!u) return;
    if (u->disabled) return ctx.Redirect("/admin/users", NameOf(*u) + " is already disabled.");
    Confirm(ctx, *u, "Disable " + u->display_name + "'s account?",
            {"They are signed out everywhere at once.",
             "They cannot sign in until an administrator enables the account.", "Nothing they recorded is deleted."},
            "/admin/users/" + std::to_string(u->id) + "/disable", "Disable the account", true);
}

void ConfirmReset(RequestContext& ctx) {
    auto u = PersonOf(ctx);
    if (!u) return;
    Confirm(ctx, *u, "Reset " + u->display_name + "'s password?",
            {"Their current password stops working and they are signed out everywhere.",
             "You will see a temporary password once: give it to them by phone or in person, never by e-mail.",
             "When they sign in with it, they must choose a new password before doing anything else."},
            "/admin/users/" + std::to_string(u->id) + "/reset-password", "Reset the password", false);
}

void ResetPassword(RequestContext& ctx) {
    auto u = PersonOf(ctx);
    if (!u) return;
    auto password =
        app::ResetPassword(ctx.db(), ctx.app.clock(), ctx.app.config().password_cost, u->id, ctx.ActorForAudit());
    if (!password.ok()) return ctx.Error(HttpStatusFor(password.status()), password.status());
    // Shown once: never cached, never in an address or a log.
    ctx.res.set_header("Cache-Control", "no-store");
    ctx.Page("Temporary password for " + u->display_name, "admin_temporary_password",
             {{"person", NameOf(*u)},
              {"display_name", u->display_name},
              {"password", *password},
              {"breadcrumbs",
               {{{"href", "/admin"}, {"label", "Administration"}}, {{"href", "/admin/users"}, {"label", "Users"}}}}});
}

}  // namespace

void RegisterAdminUserActionRoutes(Router& router) {
    const Access admin_only = Access::Roles({Role::kAdmin});
    router.Add("GET", "/admin/users/:id/disable", admin_only, RouteKind::kPage, ConfirmDisable);
    router.Add("GET", "/admin/users/:id/reset-password", admin_only, RouteKind::kPage, ConfirmReset);
    router.Add("POST", "/admin/users/:id/reset-password", admin_only, RouteKind::kPage, ResetPassword);
}

}  // namespace carevoice::web
