// Accounts: users, their sessions and failed sign-ins, in domain terms. Implemented once over
// the SQL seam, so both engines behave alike (the contract tests prove it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::kMember;
    std::optional<std::int64_t> organisation_id;
    std::string password_hash;
    bool disabled = false;
    std::int64_t created_at = 0;
    std::int64_t password_changed_at = 0;
    bool must_change_password = false;  // a temporary password an administrator set
};

struct NewUser {
    std::string username;
    std::string display_name;
    Role role = Role::kMember;
    std::optional<std::int64_t> organisation_id;
    std::string password_hash;
};

struct Session {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
};

class AccountsRepository {
  public:
    explicit AccountsRepository(Connection& conn) : conn_(conn) {}

    // AlreadyExists if the username is taken.
    Result<User> CreateUser(const NewUser& user, std::int64_t now);
    Result<User> FindUserById(std::int64_t id);
    Result<User> FindUserByUsername(const std::string& username);
    Result<std::vector<User>> ListUsers();
    Result<std::int64_t> CountUsers();
    Status SetRole(std::int64_t user_id, Role role);
    Status SetDisabled(std::int64_t user_id, bool disabled);
    // The organisation the person works for (a coordinator sees that organisation's pathways).
    Status SetOrganisation(std::int64_t user_id, std::optional<std::int64_t> organisation_id);
    // Sets the password (clearing must_change_password), or with `temporary` a password to change at the next
    // sign-in.
    Status SetPasswordHash(std::int64_t user_id, const std::string& hash, std::int64_t now, bool temporary = false);

    Status CreateSession(const Session& session);
    Result<Session> FindSession(const std::string& token_hash);
    Status TouchSession(const std::string& token_hash, std::int64_t now);
    Status DeleteSession(const std::string& token_hash);
    // Ends every session of a user (on disabling, role change or password change).
    Status DeleteSessionsOfUser(std::int64_t user_id);
    // Ends every session of a user but the one whose token hashes to `keep_token_hash` (password change).
    Status DeleteOtherSessionsOfUser(std::int64_t user_id, const std::string& keep_token_hash);
    // Removes sessions idle since before `idle_before` or created before `created_before`.
    Result<std::int64_t> DeleteExpiredSessions(std::int64_t idle_before, std::int64_t created_before);

    Status RecordLoginFailure(const std::string& username, const std::string& client_address, std::int64_t at);
    Result<std::int64_t> CountLoginFailuresForUser(const std::string& username, std::int64_t since);
    Result<std::int64_t> CountLoginFailuresFromAddress(const std::string& client_address, std::int64_t since);
    // The most recent failure for the account or the address, if any since `since`.
    Result<std::optional<std::int64_t>> LastLoginFailure(const std::string& username, const std::string& client_address,
                                                         std::int64_t since);
    Status ClearLoginFailures(const std::string& username);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
