// The append-only audit log: who did what to which record, when, from where, and how it ended.
// The database refuses updates and deletes (migration 0002); this class only appends and reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::optional<std::int64_t> user_id;
    std::string username;  // empty for an anonymous actor
    std::string role;      // "public" when not signed in
    std::string action;    // e.g. "sign_in", "user.set_role", "patient.read"
    std::string record_type;
    std::string record_id;
    std::string outcome;  // "success", "failure", "denied"
    std::string client_address;
    std::string request_id;
};

struct AuditFilter {
    std::optional<std::string> username;
    std::optional<std::string> action;
    std::optional<std::string> outcome;
    std::optional<std::int64_t> from;   // inclusive
    std::optional<std::int64_t> until;  // exclusive
    // The record acted on, e.g. ("user", "6"): entries about one person's account.
    std::optional<std::string> record_type;
    std::optional<std::string> record_id;
    int limit = 200;
    int offset = 0;
};

class AuditRepository {
  public:
    explicit AuditRepository(Connection& conn) : conn_(conn) {}
    Status Append(const AuditEntry& entry);
    // Newest first.
    Result<std::vector<AuditEntry>> Find(const AuditFilter& filter);
    Result<std::int64_t> Count(const AuditFilter& filter);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
