#include "app/accounts.hpp"

#include <cctype>

#include "app/crypto.hpp"
#include "store/audit_repository.hpp"

namespace carevoice::app {
namespace {

bool ValidUsername(const std::string& u) {
    if (u.size() < 3 || u.size() > kMaxUsernameLength) return false;
    for (char c : u) {
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.' ||
              c == '-' || c == '_')) {
            return false;
        }
    }
    return true;
}

Result<std::int64_t> CountActiveAdmins(store::Connection& conn) {
    CV_ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0"));
    return row.Int(0);
}

}  // namespace

std::optional<std::string> PasswordProblem(const std::string& password) {
    if (password.size() < kMinPasswordLength) {
        return "Enter a password of at least " + std::to_string(kMinPasswordLength) + " characters";
    }
    if (password.size() > kMaxPasswordLength) {
        return "Enter a password of at most " + std::to_string(kMaxPasswordLength) + " characters";
    }
    return std::nullopt;
}

std::vector<FieldProblem> ValidateNewAccount(const NewAccount& a) {
    std::vector<FieldProblem> problems;
    if (a.username.empty()) {
        problems.push_back({"username", "Enter a username"});
    } else if (!ValidUsername(a.username)) {
        problems.push_back(
            {"username", "Use 3 to 64 lower-case letters, digits, dots, hyphens or underscores for the username"});
    }
    if (a.display_name.empty()) problems.push_back({"display_name", "Enter the person's full name"});
    if (a.display_name.size() > 200) problems.push_back({"display_name", "Enter a name of at most 200 characters"});
    if (a.role.empty()) {
        problems.push_back({"role", "Choose a role"});
    } else if (!ParseRole(a.role)) {
        problems.push_back({"role", "Choose one of: admin, analyst, facilitator, member, coordinator"});
    }
    if (auto p = PasswordProblem(a.password)) problems.push_back({"password", *p});
    return problems;
}

Status AppendAudit(store::Connection& conn, const Clock& clock, const Actor& actor, const std::string& action,
                   const std::string& record_type, const std::string& record_id, const std::string& outcome,
                   store::AuditBatcher* batcher) {
    store::AuditEntry e;
    e.at = clock.NowSeconds();
    e.user_id = actor.user_id;
    e.username = actor.username;
    e.role = actor.role;
    e.action = action;
    e.record_type = record_type;
    e.record_id = record_id;
    e.outcome = outcome;
    e.client_address = actor.client_address;
    e.request_id = actor.request_id;
    if (batcher && !conn.InTransaction()) return batcher->Append(conn, std::move(e));
    return store::AuditRepository(conn).Append(e);
}

Result<store::User> AddUser(store::Connection& conn, const Clock& clock, PasswordCost cost, const NewAccount& account,
                            const Actor& actor) {
    auto problems = ValidateNewAccount(account);
    if (!problems.empty()) return Status::InvalidArgument("the new user's details need correcting", problems);
    CV_ASSIGN_OR_RETURN(std::string hash, HashPassword(account.password, cost));
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    store::AccountsRepository accounts(conn);
    auto user = accounts.CreateUser(
        {account.username, account.display_name, *ParseRole(account.role), std::nullopt, hash}, clock.NowSeconds());
    if (!user.ok()) {
        if (user.status().code() == StatusCode::kAlreadyExists) {
            return Status::AlreadyExists("the username '" + account.username + "' is already taken",
                                         {{"username", "This username is already taken: choose another"}});
        }
        return user.status();
    }
    CV_RETURN_IF_ERROR(AppendAudit(conn, clock, actor, "user.create", "user", std::to_string(user->id), "success"));
    CV_RETURN_IF_ERROR(tx.Commit());
    return user;
}

Status ChangeRole(store::Connection& conn, const Clock& clock, std::int64_t user_id, Role role, const Actor& actor) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto user, accounts.FindUserById(user_id));
    if (user.role == role) return Status::Ok();
    if (user.role == Role::kAdmin && !user.disabled) {
        CV_ASSIGN_OR_RETURN(auto admins, CountActiveAdmins(conn));
        if (admins <= 1) {
            return Status::FailedPrecondition(
                "carevoice needs at least one active administrator: make someone else "
                "an administrator first");
        }
    }
    CV_RETURN_IF_ERROR(accounts.SetRole(user_id, role));
    CV_RETURN_IF_ERROR(accounts.DeleteSessionsOfUser(user_id));
    CV_RETURN_IF_ERROR(AppendAudit(conn, clock, actor, "user.set_role:" + std::string(RoleName(role)), "user",
                                   std::to_string(user_id), "success"));
    return tx.Commit();
}

Status SetDisabled(store::Connection& conn, const Clock& clock, std::int64_t user_id, bool disabled,
                   const Actor& actor) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto user, accounts.FindUserById(user_id));
    if (user.disabled == disabled) return Status::Ok();
    if (disabled && user.role == Role::kAdmin) {
        CV_ASSIGN_OR_RETURN(auto admins, CountActiveAdmins(conn));
        if (admins <= 1) {
            return Status::FailedPrecondition(
                "this is the only active administrator: make someone else an "
                "administrator before disabling this account");
        }
    }
    CV_RETURN_IF_ERROR(accounts.SetDisabled(user_id, disabled));
    if (disabled) CV_RETURN_IF_ERROR(accounts.DeleteSessionsOfUser(user_id));
    CV_RETURN_IF_ERROR(AppendAudit(conn, clock, actor, disabled ? "user.disable" : "user.enable", "user",
                                   std::to_string(user_id), "success"));
    return tx.Commit();
}

Result<std::string> ResetPassword(store::Connection& conn, const Clock& clock, PasswordCost cost, std::int64_t user_id,
                                  const Actor& actor) {
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto user, accounts.FindUserById(user_id));
    const std::string password = TemporaryPassword();
    CV_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, cost));
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    CV_RETURN_IF_ERROR(accounts.SetPasswordHash(user.id, hash, clock.NowSeconds(), /*temporary=*/true));
    CV_RETURN_IF_ERROR(accounts.DeleteSessionsOfUser(user.id));
    CV_RETURN_IF_ERROR(
        AppendAudit(conn, clock, actor, "user.password_reset", "user", std::to_string(user.id), "success"));
    CV_RETURN_IF_ERROR(tx.Commit());
    return password;
}

Status ChangePassword(store::Connection& conn, const Clock& clock, PasswordCost cost, std::int64_t user_id,
                      const std::string& current_password, const std::string& new_password, const Actor& actor,
                      const std::string& current_session_hash) {
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto user, accounts.FindUserById(user_id));
    std::vector<FieldProblem> problems;
    if (!VerifyPassword(current_password, user.password_hash)) {
        problems.push_back({"current_password", "Your current password is not right"});
    }
    if (auto p = PasswordProblem(new_password)) problems.push_back({"new_password", *p});
    if (problems.empty() && new_password == current_password) {
        problems.push_back({"new_password", "Choose a password different from your current one"});
    }
    if (!problems.empty()) {
        CV_RETURN_IF_ERROR(
            AppendAudit(conn, clock, actor, "user.change_password", "user", std::to_string(user_id), "failure"));
        return Status::InvalidArgument("the password was not changed", problems);
    }
    CV_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, cost));
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    CV_RETURN_IF_ERROR(accounts.SetPasswordHash(user_id, hash, clock.NowSeconds()));
    CV_RETURN_IF_ERROR(accounts.DeleteOtherSessionsOfUser(user_id, current_session_hash));
    CV_RETURN_IF_ERROR(
        AppendAudit(conn, clock, actor, "user.change_password", "user", std::to_string(user_id), "success"));
    return tx.Commit();
}

}  // namespace carevoice::app
