// SQLite engine: WAL journal, foreign keys on, a busy timeout so concurrent writers wait rather
// than fail, and a per-connection cache of prepared statements.
#include <sqlite3.h>

#include <unordered_map>

#include "store/sql.hpp"

namespace carevoice::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Status Error(sqlite3* db, int rc, std::string_view what) {
    std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    int primary = rc & 0xff;
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return Status::AlreadyExists(msg);
    if (primary == SQLITE_CONSTRAINT) return Status::InvalidArgument(msg);
    // Another connection held the lock for longer than the busy timeout: worth retrying shortly.
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Status::Busy(msg);
    if (primary == SQLITE_CANTOPEN) return Status::Unavailable(msg);
    return Status::Internal(msg);
}

class Statement {
  public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return stmt_; }

  private:
    [[maybe_unused]] sqlite3* db_;
    sqlite3_stmt* stmt_;
};

int Bind(sqlite3_stmt* stmt, int index, const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return sqlite3_bind_int64(stmt, index, *i);
    if (auto* d = std::get_if<double>(&v)) return sqlite3_bind_double(stmt, index, *d);
    if (auto* s = std::get_if<std::string>(&v)) {
        return sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    }
    return sqlite3_bind_null(stmt, index);
}

int BindRef(sqlite3_stmt* stmt, int index, const ValueRef& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return sqlite3_bind_int64(stmt, index, *i);
    if (auto* d = std::get_if<double>(&v)) return sqlite3_bind_double(stmt, index, *d);
    if (auto* s = std::get_if<std::string_view>(&v)) {
        // SQLITE_STATIC: the caller's buffer outlives the step that follows immediately. An empty view may
        // have no buffer at all, and SQLite binds a null pointer as NULL: empty text is "" (NULL is monostate).
        return sqlite3_bind_text(stmt, index, s->data() ? s->data() : "", static_cast<int>(s->size()), SQLITE_STATIC);
    }
    return sqlite3_bind_null(stmt, index);
}

class SqliteBulkInserter final : public BulkInserter {
  public:
    SqliteBulkInserter(sqlite3* db, sqlite3_stmt* stmt, std::size_t columns, bool skips_stored)
        : db_(db), stmt_(stmt), columns_(columns), skips_stored_(skips_stored) {}
    ~SqliteBulkInserter() override { sqlite3_finalize(stmt_); }

    Status AddRow(std::span<const ValueRef> values) override { return Step(values).status(); }
    Result<bool> AddRowUnlessStored(std::span<const ValueRef> values) override {
        if (!skips_stored_) return Status::FailedPrecondition("this bulk insert was not started to skip stored rows");
        return Step(values);
    }
    Status Finish() override { return Status::Ok(); }

  private:
    // One row; true when it was written (an INSERT ... ON CONFLICT DO NOTHING writes nothing for a stored key).
    Result<bool> Step(std::span<const ValueRef> values) {
        if (values.size() != columns_) {
            return Status::Internal("bulk insert expected " + std::to_string(columns_) + " values, got " +
                                    std::to_string(values.size()));
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            int rc = BindRef(stmt_, static_cast<int>(i + 1), values[i]);
            if (rc != SQLITE_OK) return Error(db_, rc, "bulk insert bind");
        }
        int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        if (rc != SQLITE_DONE) return Error(db_, rc, "bulk insert");
        return sqlite3_changes(db_) > 0;
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    std::size_t columns_;
    bool skips_stored_;
};

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}
    ~SqliteConnection() override {
        cache_.clear();
        sqlite3_close_v2(db_);
    }

    Engine engine() const override { return Engine::kSqlite; }

    Result<std::int64_t> Execute(std::string_view sql, const std::vector<Value>& params) override {
        CV_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) return Error(db_, rc, "statement failed");
        return static_cast<std::int64_t>(sqlite3_changes(db_));
    }

    Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override {
        CV_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
        std::vector<Row> rows;
        const int ncol = sqlite3_column_count(stmt);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(ncol));
            for (int c = 0; c < ncol; ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                    case SQLITE_INTEGER:
                        values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
                        break;
                    case SQLITE_FLOAT:
                        values.emplace_back(sqlite3_column_double(stmt, c));
                        break;
                    case SQLITE_NULL:
                        values.emplace_back(std::monostate{});
                        break;
                    default: {
                        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                        values.emplace_back(
                            std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                    }
                }
            }
            rows.emplace_back(std::move(values));
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) return Error(db_, rc, "query failed");
        return rows;
    }

    Status ExecuteScript(std::string_view sql) override {
        std::string copy(sql);
        char* err = nullptr;
        int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            std::string msg = err ? err : sqlite3_errstr(rc);
            sqlite3_free(err);
            return Status::Internal("script failed: " + msg);
        }
        return Status::Ok();
    }

    Result<std::unique_ptr<BulkInserter>> StartBulkInsert(std::string_view table,
                                                          const std::vector<std::string>& columns,
                                                          BulkConflict on_conflict) override {
        std::string sql = "INSERT INTO " + std::string(table) + " (";
        std::string marks;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i) {
                sql += ", ";
                marks += ", ";
            }
            sql += columns[i];
            marks += "?";
        }
        sql += ") VALUES (" + marks + ")";
        const bool skips_stored = on_conflict == BulkConflict::kSkipStored;
        if (skips_stored) sql += " ON CONFLICT DO NOTHING";
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                    nullptr);
        if (rc != SQLITE_OK) return Error(db_, rc, "cannot prepare bulk insert");
        return std::unique_ptr<BulkInserter>(
            std::make_unique<SqliteBulkInserter>(db_, stmt, columns.size(), skips_stored));
    }

    // BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
    // instead of one failing at its first write with SQLITE_BUSY.
    Status Begin() override { return Simple("BEGIN IMMEDIATE"); }
    Status Commit() override { return Simple("COMMIT"); }
    Status Rollback() override {
        if (sqlite3_get_autocommit(db_)) return Status::Ok();
        return Simple("ROLLBACK");
    }
    bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }

  private:
    Status Simple(const char* sql) {
        int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        return rc == SQLITE_OK ? Status::Ok() : Error(db_, rc, sql);
    }

    Result<sqlite3_stmt*> Prepare(std::string_view sql, const std::vector<Value>& params) {
        std::string key(sql);
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            sqlite3_stmt* stmt = nullptr;
            int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                        &stmt, nullptr);
            if (rc != SQLITE_OK) return Error(db_, rc, "cannot prepare statement");
            it = cache_.emplace(std::move(key), std::make_unique<Statement>(db_, stmt)).first;
        }
        sqlite3_stmt* stmt = it->second->get();
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)) != params.size()) {
            return Status::Internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                    " parameters, got " + std::to_string(params.size()));
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            int rc = Bind(stmt, static_cast<int>(i + 1), params[i]);
            if (rc != SQLITE_OK) return Error(db_, rc, "cannot bind parameter");
        }
        return stmt;
    }

    sqlite3* db_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return Status::Unavailable("cannot open SQLite database '" + path + "': " + msg +
                                   " (does its folder exist and is it writable?)");
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        CV_RETURN_IF_ERROR(conn->ExecuteScript(pragma));
    }
    return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace carevoice::store
