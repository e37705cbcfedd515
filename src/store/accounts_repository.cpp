#include "store/accounts_repository.hpp"

namespace carevoice::store {
namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, organisation_id, password_hash, disabled, created_at, password_changed_at, "
    "must_change_password";

User UserFromRow(const Row& r) {
    User u;
    u.id = r.Int(0);
    u.username = r.Text(1);
    u.display_name = r.Text(2);
    u.role = ParseRole(r.Text(3)).value_or(Role::kMember);
    u.organisation_id = r.OptInt(4);
    u.password_hash = r.Text(5);
    u.disabled = r.Int(6) != 0;
    u.created_at = r.Int(7);
    u.password_changed_at = r.Int(8);
    u.must_change_password = r.Int(9) != 0;
    return u;
}

Status ExpectOneChanged(Result<std::int64_t> changed, const std::string& what) {
    if (!changed.ok()) return changed.status();
    if (*changed == 0) return Status::NotFound(what + " not found");
    return Status::Ok();
}

}  // namespace

Result<User> AccountsRepository::CreateUser(const NewUser& user, std::int64_t now) {
    auto row = conn_.QueryOne(
        std::string("INSERT INTO users (username, display_name, role, organisation_id, password_hash, disabled, "
                    "created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING ") +
            kUserColumns,
        {user.username, user.display_name, std::string(RoleName(user.role)), OrNull(user.organisation_id),
         user.password_hash, now, now});
    if (!row.ok() && row.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("the username '" + user.username + "' is already taken");
    }
    if (!row.ok()) return row.status();
    return UserFromRow(*row);
}

Result<User> AccountsRepository::FindUserById(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id});
    if (!row.ok())
        return row.status().code() == StatusCode::kNotFound ? Status::NotFound("no such user") : row.status();
    return UserFromRow(*row);
}

Result<User> AccountsRepository::FindUserByUsername(const std::string& username) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?", {username});
    if (!row.ok())
        return row.status().code() == StatusCode::kNotFound ? Status::NotFound("no such user") : row.status();
    return UserFromRow(*row);
}

Result<std::vector<User>> AccountsRepository::ListUsers() {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username"));
    std::vector<User> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(UserFromRow(r));
    return out;
}

Result<std::int64_t> AccountsRepository::CountUsers() {
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT COUNT(*) FROM users"));
    return row.Int(0);
}

Status AccountsRepository::SetRole(std::int64_t user_id, Role role) {
    return ExpectOneChanged(
        conn_.Execute("UPDATE users SET role = ? WHERE id = ?", {std::string(RoleName(role)), user_id}), "user");
}

Status AccountsRepository::SetOrganisation(std::int64_t user_id, std::optional<std::int64_t> organisation_id) {
    return ExpectOneChanged(
        conn_.Execute("UPDATE users SET organisation_id = ? WHERE id = ?", {OrNull(organisation_id), user_id}), "user");
}

Status AccountsRepository::SetDisabled(std::int64_t user_id, bool disabled) {
    return ExpectOneChanged(
        conn_.Execute("UPDATE users SET disabled = ? WHERE id = ?", {std::int64_t{disabled ? 1 : 0}, user_id}), "user");
}

Status AccountsRepository::SetPasswordHash(std::int64_t user_id, const std::string& hash, std::int64_t now,
                                           bool temporary) {
    return ExpectOneChanged(conn_.Execute("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                                          "must_change_password = ? WHERE id = ?",
                                          {hash, now, static_cast<std::int64_t>(temporary ? 1 : 0), user_id}),
                            "user");
}

Status AccountsRepository::CreateSession(const Session& s) {
    return conn_
        .Execute("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                 {s.token_hash, s.user_id, s.created_at, s.last_seen_at})
        .status();
}

Result<Session> AccountsRepository::FindSession(const std::string& token_hash) {
    auto row = conn_.QueryOne("SELECT token_hash, user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?",
                              {token_hash});
    if (!row.ok()) return row.status();
    return Session{row->Text(0), row->Int(1), row->Int(2), row->Int(3)};
}

Status AccountsRepository::TouchSession(const std::string& token_hash, std::int64_t now) {
    return conn_.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, token_hash}).status();
}

Status AccountsRepository::DeleteSession(const std::string& token_hash) {
    return conn_.Execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash}).status();
}

Status AccountsRepository::DeleteSessionsOfUser(std::int64_t user_id) {
    return conn_.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id}).status();
}

Status AccountsRepository::DeleteOtherSessionsOfUser(std::int64_t user_id, const std::string& keep_token_hash) {
    return conn_.Execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, keep_token_hash})
        .status();
}

Result<std::int64_t> AccountsRepository::DeleteExpiredSessions(std::int64_t idle_before, std::int64_t created_before) {
    return conn_.Execute("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                         {idle_before, created_before});
}

Status AccountsRepository::RecordLoginFailure(const std::string& username, const std::string& client_address,
                                              std::int64_t at) {
    return conn_
        .Execute("INSERT INTO login_failures (username, client_address, at) VALUES (?, ?, ?)",
                 {username, client_address, at})
        .status();
}

Result<std::int64_t> AccountsRepository::CountLoginFailuresForUser(const std::string& username, std::int64_t since) {
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?",
                                                 {username, since}));
    return row.Int(0);
}

Result<std::int64_t> AccountsRepository::CountLoginFailuresFromAddress(const std::string& client_address,
                                                                       std::int64_t since) {
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("SELECT COUNT(*) FROM login_failures WHERE client_address = ? AND at >= ?",
                                       {client_address, since}));
    return row.Int(0);
}

Result<std::optional<std::int64_t>> AccountsRepository::LastLoginFailure(const std::string& username,
                                                                         const std::string& client_address,
                                                                         std::int64_t since) {
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("SELECT MAX(at) FROM login_failures WHERE (username = ? OR client_address = ?) "
                                       "AND at >= ?",
                                       {username, client_address, since}));
    return row.OptInt(0);
}

Status AccountsRepository::ClearLoginFailures(const std::string& username) {
    return conn_.Execute("DELETE FROM login_failures WHERE username = ?", {username}).status();
}

}  // namespace carevoice::store
