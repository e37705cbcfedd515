#include "store/audit_repository.hpp"

namespace carevoice::store {
namespace {

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
