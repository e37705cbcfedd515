#include "store/audit_repository.hpp"

#include <exception>
#include <utility>

namespace carevoice::store {
namespace {

// One batch of rows: alone, one INSERT; more, one transaction.
Status WriteBatch(Connection& conn, const std::vector<AuditEntry>& entries) {
    AuditRepository repo(conn);
    if (entries.size() == 1) return repo.Append(entries.front());
    CV_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(conn));
    for (const auto& e : entries) CV_RETURN_IF_ERROR(repo.Append(e));
    return tx.Commit();
}

std::string Where(const AuditFilter& f, std::vector<Value>& params) {
    std::string where = " WHERE 1 = 1";
    if (f.username) {
        where += " AND username = ?";
        params.emplace_back(*f.username);
    }
    if (f.action) {
        where += " AND action = ?";
        params.emplace_back(*f.action);
    }
    if (f.outcome) {
        where += " AND outcome = ?";
        params.emplace_back(*f.outcome);
    }
    if (f.from) {
        where += " AND at >= ?";
        params.emplace_back(*f.from);
    }
    if (f.until) {
        where += " AND at < ?";
        params.emplace_back(*f.until);
    }
    if (f.record_type) {
        where += " AND record_type = ?";
        params.emplace_back(*f.record_type);
    }
    if (f.record_id) {
        where += " AND record_id = ?";
        params.emplace_back(*f.record_id);
    }
    return where;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Null() : Value(s); }

}  // namespace

Status AuditRepository::Append(const AuditEntry& e) {
    return conn_
        .Execute(
            "INSERT INTO audit_log (at, user_id, username, role, action, record_type, record_id, outcome, "
            "client_address, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {e.at, OrNull(e.user_id), TextOrNull(e.username), TextOrNull(e.role), e.action, TextOrNull(e.record_type),
             TextOrNull(e.record_id), e.outcome, TextOrNull(e.client_address), TextOrNull(e.request_id)})
        .status();
}

Status AuditBatcher::Append(Connection& conn, AuditEntry entry) {
    if (conn.InTransaction()) {
        return Status::FailedPrecondition("an audit row of a transaction is appended in it, not in a batch");
    }
    std::unique_lock lock(mu_);
    if (!open_ || open_->entries.size() >= kMaxBatch) open_ = std::make_shared<Batch>();
    const std::shared_ptr<Batch> mine = open_;
    mine->entries.push_back(std::move(entry));
    // Wait until another caller has written this batch, or no one is writing: then write it.
    cv_.wait(lock, [&] { return mine->done || !writing_; });
    if (mine->done) return mine->status;
    writing_ = true;
    if (open_ == mine) open_.reset();  // rows from now on start the next batch
    lock.unlock();
    Status written;
    try {
        written = WriteBatch(conn, mine->entries);
    } catch (const std::exception& e) {  // never leave the others waiting
        written = Status::Internal(std::string("audit batch: ") + e.what());
    }
    lock.lock();
    mine->status = written;
    mine->done = true;
    writing_ = false;
    lock.unlock();
    cv_.notify_all();
    return written;
}

Result<std::vector<AuditEntry>> AuditRepository::Find(const AuditFilter& f) {
    std::vector<Value> params;
    std::string sql =
        "SELECT id, at, user_id, username, role, action, record_type, record_id, outcome, client_address, request_id "
        "FROM audit_log" +
        Where(f, params) + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit));
    params.emplace_back(static_cast<std::int64_t>(f.offset));
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
    std::vector<AuditEntry> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(AuditEntry{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7),
                                 r.Text(8), r.Text(9), r.Text(10)});
    }
    return out;
}

Result<std::int64_t> AuditRepository::Count(const AuditFilter& f) {
    std::vector<Value> params;
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT COUNT(*) FROM audit_log" + Where(f, params), params));
    return row.Int(0);
}

}  // namespace carevoice::store
