// Administration: its home page (/admin), users and roles, and the audit log (view, filter, download).
#include "web/site/admin.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/sign_in_audit.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "store/accounts_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/pathway_repository.hpp"
#include "web/forms/fields.hpp"
#include "web/http/app.hpp"

namespace carevoice::web {
namespace {

const Access kAdminOnly = Access::Roles({Role::kAdmin});

nlohmann::json RoleOptions(const std::string& selected, bool with_description) {
    nlohmann::json roles = nlohmann::json::array();
    for (Role r : kAllRoles) {
        nlohmann::json o = {{"name", std::string(RoleName(r))}, {"selected", RoleName(r) == selected}};
        if (with_description) o["description"] = std::string(RoleDescription(r));
        roles.push_back(o);
    }
    return roles;
}

// The administrator's home: every administration tool, with what is waiting for them.
void ShowAdminHome(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    auto glass = store::PathwayRepository(ctx.db()).ListUnreviewedBreakGlass();
    if (!users.ok() || !glass.ok())
        return ctx.Error(503, Status::Unavailable("the administration page cannot be read now"));
    std::size_t disabled = 0;
    for (const auto& u : *users) disabled += u.disabled ? 1 : 0;
    const auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    nlohmann::json tools = nlohmann::json::array(
        {{{"title", "Users"},
          {"href", "/admin/users"},
          {"description", "Add people, change their role, disable or enable an account."},
          {"status", count(users->size(), "account", "accounts") +
                         (disabled ? ", " + count(disabled, "disabled", "disabled") : "")}},
         {{"title", "Audit log"},
          {"href", "/admin/audit"},
          {"description",
           "Who did what and when: sign-ins, changes, every view of a patient's record. Filter and download."}},
         {{"title", "Break-glass reviews"},
          {"href", "/admin/break-glass"},
          {"description", "Coordinators who opened a patient's record outside their organisation, with their reasons."},
          {"status",
           glass->empty() ? std::string("Nothing to review") : count(glass->size(), "to review", "to review")},
          {"waiting", !glass->empty()}},
         {{"title", "Lost-in-the-system alert settings"},
          {"href", "/pathway/alerts/settings"},
          {"description",
           "After how many days the tracking list warns about a missing key worker, contact or decision."}}});
    ctx.Page("Administration", "admin_home", {{"tools", tools}});
}

void ShowUsers(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    if (!users.ok()) return ctx.Error(503, users.status());
    ctx.Audit("user.list", "user", "", "success");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& u : *users) {
        list.push_back({{"id", u.id},
                        {"username", u.username},
                        {"display_name", u.display_name},
                        {"role", std::string(RoleName(u.role))},
                        {"disabled", u.disabled},
                        {"csrf_token", ctx.csrf_token},
                        {"roles", RoleOptions(std::string(RoleName(u.role)), false)}});
    }
    ctx.Page("Users", "admin_users", {{"users", list}});
}

void UsersCsv(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    if (!users.ok()) return ctx.Error(503, users.status());
    ctx.Audit("user.export", "user", "", "success");
    std::string out = csv::Row({"username", "display_name", "role", "status", "created_at"});
    for (const auto& u : *users) {
        out += csv::Row({u.username, u.display_name, std::string(RoleName(u.role)), u.disabled ? "disabled" : "active",
                         FormatTimestamp(u.created_at)});
    }
    ctx.Csv("carevoice-users.csv", out);
}

void ShowNewUser(RequestContext& ctx, const app::NewAccount& a, const std::vector<FieldProblem>& problems, int status) {
    nlohmann::json errors = nlohmann::json::array();
    nlohmann::json data = {{"username", a.username},
                           {"display_name", a.display_name},
                           {"roles", RoleOptions(a.role, true)},
                           {"min_length", app::kMinPasswordLength}};
    for (const auto& p : problems) {
        errors.push_back({{"field_id", p.field == "role" ? "role-admin" : p.field}, {"message", p.problem}});
        data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
    data["breadcrumbs"] = {{{"href", "/admin/users"}, {"label", "Users"}}};
    ctx.Page("Add a user", "admin_user_new", data, status);
}

void CreateUser(RequestContext& ctx) {
    app::NewAccount a{text::ToLower(text::Trim(ctx.Param("username"))),
                      std::string(text::Trim(ctx.Param("display_name"))), ctx.Param("role"), ctx.Param("password")};
    auto user = app::AddUser(ctx.db(), ctx.app.clock(), ctx.app.config().password_cost, a, ctx.ActorForAudit());
    if (!user.ok()) {
        if (!user.status().details().empty()) return ShowNewUser(ctx, a, user.status().details(), 422);
        return ctx.Error(HttpStatusFor(user.status()), user.status());
    }
    ctx.Redirect("/admin/users", "Added " + user->display_name + " (" + user->username + ") as " + a.role + ".");
}

Result<std::int64_t> UserIdParam(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) return Status::NotFound("no such user");
    return *id;
}

void ChangeUserRole(RequestContext& ctx) {
    auto id = UserIdParam(ctx);
    auto role = ParseRole(ctx.Param("role"));
    if (!id.ok()) return ctx.Error(404, id.status());
    if (!role)
        return ctx.Error(422, Status::InvalidArgument("choose one of the roles listed", {{"role", "unknown role"}}));
    Status s = app::ChangeRole(ctx.db(), ctx.app.clock(), *id, *role, ctx.ActorForAudit());
    if (!s.ok()) return ctx.Error(HttpStatusFor(s), s);
    auto user = store::AccountsRepository(ctx.db()).FindUserById(*id);
    const std::string who = user.ok() ? user->display_name + " (" + user->username + ")" : "The person";
    ctx.Redirect("/admin/users", who + " is now " + std::string(RoleName(*role)) +
                                     ". They have been signed out and will see the new role when they sign in.");
}

void SetUserDisabled(RequestContext& ctx, bool disabled) {
    auto id = UserIdParam(ctx);
    if (!id.ok()) return ctx.Error(404, id.status());
    Status s = app::SetDisabled(ctx.db(), ctx.app.clock(), *id, disabled, ctx.ActorForAudit());
    if (!s.ok()) return ctx.Error(HttpStatusFor(s), s);
    auto user = store::AccountsRepository(ctx.db()).FindUserById(*id);
    const std::string who = user.ok() ? user->display_name + " (" + user->username + ")" : "The person";
    ctx.Redirect("/admin/users", disabled ? who + "'s account has been disabled; they are signed out everywhere."
                                          : who + "'s account has been enabled.");
}

// The filter of the address. A value that cannot be used (a date that is not a date, a person with no account)
// is set aside with a problem saying so, and the rest of the filter still applies. `names`: username -> the
// person's name, to find the person acted on.
store::AuditFilter FilterFromQuery(RequestContext& ctx, const std::vector<store::User>& users,
                                   std::vector<FieldProblem>& problems) {
    store::AuditFilter f;
    if (auto v = ctx.Param("username"); !v.empty()) f.username = v;
    if (auto v = ctx.Param("action"); !v.empty()) f.action = v;
    if (auto v = ctx.Param("outcome"); !v.empty()) f.outcome = v;
    if (auto v = ctx.Param("from"); !v.empty()) {
        if (auto d = CivilDate::Parse(v); d.ok()) {
            f.from = d->days_since_epoch() * 86400;
        } else {
            problems.push_back({"f-from", "The from date must be a date such as 2026-03-14: it was not used"});
        }
    }
    if (auto v = ctx.Param("person"); !v.empty()) {
        const std::string wanted = text::ToLower(text::Trim(v));
        auto it = std::find_if(users.begin(), users.end(), [&](const store::User& u) { return u.username == wanted; });
        if (it == users.end()) {
            problems.push_back({"f-person", "No one has the username " + v + ": the person acted on was not used"});
        } else {
            f.record_type = "user";
            f.record_id = std::to_string(it->id);
        }
    }
    return f;
}

// "Fran Facilitator (facilitator)"; the username alone for an account no longer there, "" for none.
std::string PersonName(const std::map<std::string, const store::User*>& by_username, const std::string& username) {
    if (username.empty()) return "";
    auto it = by_username.find(username);
    return it == by_username.end() ? username : it->second->display_name + " (" + username + ")";
}

// What was acted on, in words: a person's account by their name, anything else by its type and id.
std::string RecordLabel(const store::AuditEntry& e, const std::map<std::int64_t, const store::User*>& by_id) {
    if (e.record_type.empty()) return "";
    if (e.record_type == "user") {
        if (auto id = text::ParseInt(e.record_id); id.ok()) {
            if (auto it = by_id.find(*id); it != by_id.end()) {
                return "Account of " + it->second->display_name + " (" + it->second->username + ")";
            }
        }
    }
    return e.record_type + (e.record_id.empty() ? "" : " " + e.record_id);
}

// Sign-in attempts counted in windows that have ended are summarised before the log is read, so what an
// administrator sees is complete up to the last minute (a failure leaves them counted for next time).
void SummariseCountedSignIns(RequestContext& ctx) {
    (void)app::SummariseSignInCounts(ctx.db(), ctx.app.clock(), ctx.request_id);
}

void ShowAudit(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    if (!users.ok()) return ctx.Error(503, Status::Unavailable("the audit log cannot be read now"));
    std::vector<FieldProblem> problems;
    const store::AuditFilter filter = FilterFromQuery(ctx, *users, problems);
    SummariseCountedSignIns(ctx);
    store::AuditRepository audit(ctx.db());
    auto total = audit.Count(filter);
    auto entries = audit.Find(filter);
    if (!total.ok() || !entries.ok()) return ctx.Error(503, Status::Unavailable("the audit log cannot be read now"));
    std::map<std::string, const store::User*> by_username;
    std::map<std::int64_t, const store::User*> by_id;
    for (const auto& u : *users) {
        by_username[u.username] = &u;
        by_id[u.id] = &u;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *entries) {
        list.push_back({{"at", FormatTimestamp(e.at)},
                        {"who", PersonName(by_username, e.username)},
                        {"role", e.role},
                        {"action", e.action},
                        {"record", RecordLabel(e, by_id)},
                        {"outcome", e.outcome},
                        {"client_address", e.client_address},
                        {"request_id", e.request_id}});
    }
    nlohmann::json outcomes = nlohmann::json::array();
    for (const char* o : {"", "success", "failure", "denied", "locked", "disabled", "counted"}) {
        outcomes.push_back({{"value", o}, {"label", *o ? o : "Any"}, {"selected", ctx.Param("outcome") == o}});
    }
    std::string query;
    for (const char* k : {"username", "person", "action", "outcome", "from"}) {
        if (!ctx.Param(k).empty())
            query +=
                std::string(query.empty() ? "" : "&") + k + "=" + httplib::detail::encode_query_param(ctx.Param(k));
    }
    nlohmann::json data = {{"entries", list},
                           {"has_entries", !list.empty()},
                           {"total", *total},
                           {"shown", list.size()},
                           {"filtered", !query.empty()},
                           {"f_username", ctx.Param("username")},
                           {"f_person", ctx.Param("person")},
                           {"f_action", ctx.Param("action")},
                           {"f_from", ctx.Param("from")},
                           {"outcomes", outcomes},
                           {"query", query}};
    forms::AddErrors(data, problems);
    ctx.Page("Audit log", "admin_audit", data);
}

void AuditCsv(RequestContext& ctx) {
    auto users = store::AccountsRepository(ctx.db()).ListUsers();
    if (!users.ok()) return ctx.Error(503, users.status());
    std::vector<FieldProblem> problems;
    auto filter = FilterFromQuery(ctx, *users, problems);
    // A download is refused rather than given with part of its filter dropped.
    if (!problems.empty()) return ctx.Error(422, "invalid_argument", problems.front().problem);
    filter.limit = 1'000'000;
    SummariseCountedSignIns(ctx);
    auto entries = store::AuditRepository(ctx.db()).Find(filter);
    if (!entries.ok()) return ctx.Error(503, entries.status());
    std::string out = csv::Row(
        {"at", "username", "role", "action", "record_type", "record_id", "outcome", "client_address", "request_id"});
    for (const auto& e : *entries) {
        out += csv::Row({FormatTimestamp(e.at), e.username, e.role, e.action, e.record_type, e.record_id, e.outcome,
                         e.client_address, e.request_id});
    }
    ctx.Audit("audit.export", "audit_log", "", "success");
    ctx.Csv("carevoice-audit-log.csv", out);
}

}  // namespace

void RegisterAdminRoutes(Router& router) {
    router.Add("GET", "/admin", kAdminOnly, RouteKind::kPage, ShowAdminHome);
    router.Add("GET", "/admin/users", kAdminOnly, RouteKind::kPage, ShowUsers);
    router.Add("GET", "/admin/users.csv", kAdminOnly, RouteKind::kPage, UsersCsv);
    router.Add("GET", "/admin/users/new", kAdminOnly, RouteKind::kPage,
               [](RequestContext& ctx) { ShowNewUser(ctx, {}, {}, 200); });
    router.Add("POST", "/admin/users", kAdminOnly, RouteKind::kPage, CreateUser);
    router.Add("POST", "/admin/users/:id/role", kAdminOnly, RouteKind::kPage, ChangeUserRole);
    router.Add("POST", "/admin/users/:id/disable", kAdminOnly, RouteKind::kPage,
               [](RequestContext& ctx) { SetUserDisabled(ctx, true); });
    router.Add("POST", "/admin/users/:id/enable", kAdminOnly, RouteKind::kPage,
               [](RequestContext& ctx) { SetUserDisabled(ctx, false); });
    RegisterAdminUserActionRoutes(router);
    router.Add("GET", "/admin/audit", kAdminOnly, RouteKind::kPage, ShowAudit);
    router.Add("GET", "/admin/audit.csv", kAdminOnly, RouteKind::kPage, AuditCsv);
}

}  // namespace carevoice::web
