// Account management shared by the web pages, the JSON API and the command line: validation,
// creation, role changes, disabling and password changes. Each change is one transaction that
// also writes its audit entry, so a change is never made without being recorded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/crypto.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "store/accounts_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

// Who is acting, for the audit log.
struct Actor {
    std::optional<std::int64_t> user_id;
    std::string username;  // "(command line)" for the CLI
    std::string role;      // a role name, or "public"
    std::string client_address;
    std::string request_id;
};

inline constexpr std::size_t kMinPasswordLength = 10;  // NCSC: length beats complexity rules
inline constexpr std::size_t kMaxPasswordLength = 256;
inline constexpr std::size_t kMaxUsernameLength = 64;

struct NewAccount {
    std::string username;
    std::string display_name;
    std::string role;
    std::string password;
};

// Problems with each field, named by field; empty when valid.
std::vector<FieldProblem> ValidateNewAccount(const NewAccount& account);
std::optional<std::string> PasswordProblem(const std::string& password);

// Appends one row to the audit log: in the transaction open on `conn` if there is one (the row then stands
// or falls with the change it records), else through `batcher` if given (written together with other
// threads' rows, committed before this returns), else on its own.
Status AppendAudit(store::Connection& conn, const Clock& clock, const Actor& actor, const std::string& action,
                   const std::string& record_type, const std::string& record_id, const std::string& outcome,
                   store::AuditBatcher* batcher = nullptr);

Result<store::User> AddUser(store::Connection& conn, const Clock& clock, PasswordCost cost, const NewAccount& account,
                            const Actor& actor);
// Role changes and disabling end the person's sessions; neither may leave carevoice without an
// active administrator.
Status ChangeRole(store::Connection& conn, const Clock& clock, std::int64_t user_id, Role role, const Actor& actor);
Status SetDisabled(store::Connection& conn, const Clock& clock, std::int64_t user_id, bool disabled,
                   const Actor& actor);
// An administrator resets a person's password: a temporary one, returned once to be given to the person by
// phone or in person, which must be changed at the next sign-in; every session of the person ends. Audited
// ("user.password_reset") without the password.
Result<std::string> ResetPassword(store::Connection& conn, const Clock& clock, PasswordCost cost, std::int64_t user_id,
                                  const Actor& actor);

// A password change ends every other session of the person (a forgotten shared computer, a stolen
// cookie) and keeps the one whose token hashes to `current_session_hash`.
Status ChangePassword(store::Connection& conn, const Clock& clock, PasswordCost cost, std::int64_t user_id,
                      const std::string& current_password, const std::string& new_password, const Actor& actor,
                      const std::string& current_session_hash);

}  // namespace carevoice::app
