// Sign in, sign out and "your account": the pages every user meets first.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/crypto.hpp"
#include "app/sign_in_audit.hpp"
#include "store/accounts_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/local_path.hpp"

namespace carevoice::web {
namespace {

constexpr const char* kSessionCookie = "cv_session";

nlohmann::json ErrorList(const std::vector<FieldProblem>& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : problems) list.push_back({{"field_id", p.field}, {"message", p.problem}});
    return list;
}

void ShowSignIn(RequestContext& ctx, const std::string& username, const std::vector<FieldProblem>& problems,
                int status) {
    nlohmann::json data = {{"username", username},
                           {"next", ctx.Param("next")},
                           {"kept", ctx.Param("kept") == "1"},
                           {"errors", ErrorList(problems)}};
    for (const auto& p : problems) data[p.field + "_error"] = p.problem;
    ctx.Page("Sign in", "sign_in", data, status);
}

// A hash to verify against when the username is unknown, so that the time taken does not tell
// an attacker which usernames exist.
const std::string& DummyHash(app::PasswordCost cost) {
    static const std::string kInteractive =
        *app::HashPassword("carevoice-dummy-password", app::PasswordCost::kInteractive);
    static const std::string kMinimum = *app::HashPassword("carevoice-dummy-password", app::PasswordCost::kMinimum);
    return cost == app::PasswordCost::kInteractive ? kInteractive : kMinimum;
}

std::string Minutes(std::int64_t seconds) {
    std::int64_t m = (seconds + 59) / 60;
    return std::to_string(m) + (m == 1 ? " minute" : " minutes");
}

// Problems with the form itself, found before anything is written (no audit entry, no failure counted):
// an over-long username or password cannot be anyone's, and is not echoed back.
std::vector<FieldProblem> SignInFormProblems(const std::string& username, const std::string& password) {
    std::vector<FieldProblem> problems;
    if (username.empty()) {
        problems.push_back({"username", "Enter your username"});
    } else if (username.size() > app::kMaxUsernameLength) {
        problems.push_back(
            {"username", "Enter a username of at most " + std::to_string(app::kMaxUsernameLength) + " characters"});
    }
    if (password.empty()) {
        problems.push_back({"password", "Enter your password"});
    } else if (password.size() > app::kMaxPasswordLength) {
        problems.push_back(
            {"password", "Enter a password of at most " + std::to_string(app::kMaxPasswordLength) + " characters"});
    }
    return problems;
}

// The pause on signing in for this account or address, if one is in force.
Result<std::optional<app::SignInLock>> LockInForce(RequestContext& ctx, store::AccountsRepository& accounts,
                                                   const std::string& username, std::int64_t failures_user,
                                                   std::int64_t failures_addr) {
    const ServerConfig& cfg = ctx.app.config();
    if (failures_user < cfg.lockout_threshold && failures_addr < cfg.lockout_threshold) return {std::nullopt};
    const std::int64_t now = ctx.app.clock().NowSeconds();
    CV_ASSIGN_OR_RETURN(auto last,
                        accounts.LastLoginFailure(username, ctx.client_address, now - cfg.lockout_window_seconds));
    if (!last || now - *last >= cfg.lockout_seconds) return {std::nullopt};
    const bool of_address = failures_addr >= cfg.lockout_threshold;
    return {
        app::SignInLock{of_address, of_address ? ctx.client_address : username, *last, *last + cfg.lockout_seconds}};
}

void HandleSignIn(RequestContext& ctx) {
    const std::string username = ctx.Param("username");
    const std::string password = ctx.Param("password");
    if (auto problems = SignInFormProblems(username, password); !problems.empty()) {
        return ShowSignIn(ctx, username.size() > app::kMaxUsernameLength ? "" : username, problems, 422);
    }

    const ServerConfig& cfg = ctx.app.config();
    const std::int64_t now = ctx.app.clock().NowSeconds();
    const std::int64_t since = now - cfg.lockout_window_seconds;
    // Counts of windows that have ended become audit entries now; if that fails they stay counted for
    // the next sign-in, so nothing is lost and the sign-in goes on.
    (void)app::SummariseSignInCounts(ctx.db(), ctx.app.clock(), ctx.request_id);
    store::AccountsRepository accounts(ctx.db());
    app::Actor actor = ctx.ActorForAudit();
    actor.username = username;

    auto failures_user = accounts.CountLoginFailuresForUser(username, since);
    auto failures_addr = accounts.CountLoginFailuresFromAddress(ctx.client_address, since);
    if (!failures_user.ok() || !failures_addr.ok()) return ctx.Error(503, Status::Unavailable("database unavailable"));
    auto lock = LockInForce(ctx, accounts, username, *failures_user, *failures_addr);
    if (lock.ok() && *lock) {
        const std::int64_t wait = (*lock)->end - now;
        ctx.res.set_header("Retry-After", std::to_string(wait));
        (void)app::AuditRefusedSignIn(ctx.db(), ctx.app.clock(), actor, "", "locked", cfg.sign_in_audit_per_minute,
                                      *lock);
        return ShowSignIn(ctx, username,
                          {{"username",
                            "There have been too many failed attempts to sign in. For your security, "
                            "signing in is paused: try again in " +
                                Minutes(wait) + ", or ask your administrator to set a new password."}},
                          429);
    }

    auto user = accounts.FindUserByUsername(username);
    const std::string& hash = user.ok() ? user->password_hash : DummyHash(cfg.password_cost);
    const bool verified = app::VerifyPassword(password, hash) && user.ok();
    if (!verified) {
        (void)accounts.RecordLoginFailure(username, ctx.client_address, now);
        if (user.ok()) actor.user_id = user->id;
        (void)app::AuditRefusedSignIn(ctx.db(), ctx.app.clock(), actor, user.ok() ? std::to_string(user->id) : "",
                                      "failure", cfg.sign_in_audit_per_minute, std::nullopt);
        std::int64_t count = std::max(*failures_user, *failures_addr) + 1;
        std::string message = "The username or password is not right. Check them and try again.";
        if (count >= cfg.lockout_threshold) {
            message += " After " + std::to_string(cfg.lockout_threshold) +
                       " failed attempts, signing in is paused for " + Minutes(cfg.lockout_seconds) + ".";
        } else if (count >= cfg.lockout_threshold - 2) {
            message += " You have " + std::to_string(cfg.lockout_threshold - count) +
                       " more attempts before signing in is paused for " + Minutes(cfg.lockout_seconds) + ".";
        }
        return ShowSignIn(ctx, username, {{"password", message}}, 401);
    }
    actor.user_id = user->id;
    actor.role = std::string(RoleName(user->role));
    if (user->disabled) {
        (void)app::AppendAudit(ctx.db(), ctx.app.clock(), actor, "sign_in", "user", std::to_string(user->id),
                               "disabled");
        return ShowSignIn(ctx, username,
                          {{"username",
                            "This account has been disabled. Contact your carevoice administrator if you "
                            "need it again."}},
                          403);
    }
    // A fresh token at every sign-in: a token planted before sign-in is worthless after it.
    const std::string token = app::RandomToken(32);
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status s = accounts.CreateSession({app::Sha256Hex(token), user->id, now, now});
    if (s.ok()) s = accounts.ClearLoginFailures(username);
    if (s.ok())
        s = app::AppendAudit(ctx.db(), ctx.app.clock(), actor, "sign_in", "user", std::to_string(user->id), "success");
    if (s.ok()) s = tx->Commit();
    if (!s.ok()) return ctx.Error(503, s);
    ctx.SetCookie(kSessionCookie, token, 0);
    ctx.Redirect(SafeLocalPath(ctx.Param("next")), "You are signed in as " + user->display_name + ".");
}

void HandleSignOut(RequestContext& ctx) {
    store::AccountsRepository accounts(ctx.db());
    (void)accounts.DeleteSession(app::Sha256Hex(ctx.session_token));
    ctx.Audit("sign_out", "user", std::to_string(ctx.user->id), "success");
    ctx.ClearCookie(kSessionCookie);
    ctx.Redirect("/", "You have signed out.");
}

void ShowAccount(RequestContext& ctx, const std::vector<FieldProblem>& problems, int status) {
    nlohmann::json data = {{"display_name", ctx.user->display_name},
                           {"username", ctx.user->username},
                           {"role", std::string(RoleName(ctx.user->role))},
                           {"role_description", std::string(RoleDescription(ctx.user->role))},
                           {"min_length", app::kMinPasswordLength},
                           {"must_change", ctx.user->must_change_password},
                           {"errors", ErrorList(problems)}};
    for (const auto& p : problems) {
        data[p.field == "current_password" ? "current_error" : "new_error"] = p.problem;
    }
    ctx.Page("Your account", "account", data, status);
}

void HandleChangePassword(RequestContext& ctx) {
    Status s = app::ChangePassword(ctx.db(), ctx.app.clock(), ctx.app.config().password_cost, ctx.user->id,
                                   ctx.Param("current_password"), ctx.Param("new_password"), ctx.ActorForAudit(),
                                   app::Sha256Hex(ctx.session_token));
    if (!s.ok()) {
        if (s.code() == StatusCode::kInvalidArgument) return ShowAccount(ctx, s.details(), 422);
        return ctx.Error(HttpStatusFor(s), s);
    }
    ctx.Redirect("/account",
                 "Your password has been changed. Anywhere else you were signed in, you have been signed out.");
}

}  // namespace

void RegisterAccountRoutes(Router& router) {
    router.Add("GET", "/sign-in", Access::Public(), RouteKind::kPage, [](RequestContext& ctx) {
        if (ctx.user) return ctx.Redirect(SafeLocalPath(ctx.Param("next")));
        ShowSignIn(ctx, "", {}, 200);
    });
    router.Add("POST", "/sign-in", Access::Public(), RouteKind::kPage, HandleSignIn);
    router.Add("POST", "/sign-out", Access::SignedIn(), RouteKind::kPage, HandleSignOut);
    router.Add("GET", "/account", Access::SignedIn(), RouteKind::kPage,
               [](RequestContext& ctx) { ShowAccount(ctx, {}, 200); });
    router.Add("POST", "/account/password", Access::SignedIn(), RouteKind::kPage, HandleChangePassword);
}

}  // namespace carevoice::web
