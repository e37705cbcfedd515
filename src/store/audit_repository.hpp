// The append-only audit log: who did what to which record, when, from where, and how it ended.
// The database refuses updates and deletes (migration 0002); this class only appends and reads.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
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

// Audit rows of many threads written together (group commit). A caller's row is committed before Append
// returns; the rows that arrive while one batch is being written go together in the next. At thousands of
// views a second the log then costs a few write transactions a second, not one a view: on SQLite, with one
// writer at a time, writers that meet the lock otherwise queue on sleeps of 1 to 100 ms.
class AuditBatcher {
  public:
    // Appends `entry`, written through `conn` if this caller writes the batch it joins. `conn` must not be in
    // a transaction (a row that belongs to one is appended in it, with AuditRepository). Every row of a
    // batch shares its outcome: if the batch cannot be written, each caller is told.
    Status Append(Connection& conn, AuditEntry entry);

    static constexpr std::size_t kMaxBatch = 512;  // rows in one transaction, at most

  private:
    struct Batch {
        std::vector<AuditEntry> entries;
        bool done = false;
        Status status;
    };
    std::mutex mu_;
    std::condition_variable cv_;
    std::shared_ptr<Batch> open_;  // the batch new rows join
    bool writing_ = false;         // a caller is writing a batch
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
