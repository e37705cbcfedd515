// The SQL seam between carevoice's repositories and a database engine. Repositories are written
// once against Connection with portable SQL (`?` placeholders, ON CONFLICT, RETURNING); each
// engine (sqlite/, postgres/) implements Connection. A Connection is used by one thread at a time;
// Database hands them out from a pool.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace carevoice::store {

enum class Engine { kSqlite, kPostgres };

// A value bound to a statement or read from a row. std::monostate is SQL NULL.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
// A non-owning value for bulk loading; string_views must outlive the AddRow call only.
using ValueRef = std::variant<std::monostate, std::int64_t, double, std::string_view>;

inline Value Null() { return std::monostate{}; }
template <typename T>
Value OrNull(const std::optional<T>& v) {
    if (!v) return std::monostate{};
    if constexpr (std::is_integral_v<T>)
        return static_cast<std::int64_t>(*v);
    else
        return *v;
}

class Row {
  public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    bool IsNull(std::size_t col) const { return std::holds_alternative<std::monostate>(values_.at(col)); }
    // Numbers read as text are converted; NULL reads as 0 / "".
    std::int64_t Int(std::size_t col) const;
    double Double(std::size_t col) const;
    std::string Text(std::size_t col) const;
    std::optional<std::int64_t> OptInt(std::size_t col) const;
    std::optional<double> OptDouble(std::size_t col) const;
    std::optional<std::string> OptText(std::size_t col) const;
    std::size_t size() const { return values_.size(); }
    const Value& at(std::size_t col) const { return values_.at(col); }

  private:
    std::vector<Value> values_;
};

// Streams many rows into one table inside the caller's transaction: SQLite reuses one prepared
// INSERT, PostgreSQL uses COPY. Call Finish() before committing.
class BulkInserter {
  public:
    virtual ~BulkInserter() = default;
    virtual Status AddRow(std::span<const ValueRef> values) = 0;
    // For an inserter started with BulkConflict::kSkipStored: adds the row unless a row with its primary key
    // is already stored, and says whether it added it.
    virtual Result<bool> AddRowUnlessStored(std::span<const ValueRef> values) = 0;
    virtual Status Finish() = 0;
};

// What a bulk insert does with a row whose primary key is already stored: fail the insert (the default), or
// skip the row and say so. Only SQLite skips, one INSERT ... ON CONFLICT DO NOTHING a row; PostgreSQL's COPY
// cannot, so there a caller stages the rows and inserts them with one statement instead.
enum class BulkConflict { kFail, kSkipStored };

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;

    // Runs one statement. Returns the number of rows changed.
    virtual Result<std::int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    virtual Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    // Runs several statements separated by semicolons, without parameters (migrations).
    virtual Status ExecuteScript(std::string_view sql) = 0;
    virtual Result<std::unique_ptr<BulkInserter>> StartBulkInsert(std::string_view table,
                                                                  const std::vector<std::string>& columns,
                                                                  BulkConflict on_conflict = BulkConflict::kFail) = 0;

    // Transactions. Begin() on PostgreSQL and BEGIN IMMEDIATE on SQLite, so that writers queue
    // rather than fail half-way.
    virtual Status Begin() = 0;
    virtual Status Commit() = 0;
    virtual Status Rollback() = 0;
    // Is a transaction open on this connection?
    virtual bool InTransaction() const = 0;

    // The first row, or NotFound.
    Result<Row> QueryOne(std::string_view sql, const std::vector<Value>& params = {});
    // A liveness check for /healthz.
    Status Ping();
};

// RAII transaction: rolls back unless Commit() succeeded.
class Transaction {
  public:
    static Result<Transaction> Begin(Connection& conn);
    Transaction(Transaction&& other) noexcept : conn_(other.conn_), open_(other.open_) { other.open_ = false; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status Commit();

  private:
    explicit Transaction(Connection& conn) : conn_(conn) {}
    Connection& conn_;
    bool open_ = true;
};

// Opens connections for a URL: "sqlite:PATH" (":memory:" allowed for tests) or "postgresql://…".
using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;
Result<ConnectionFactory> FactoryForUrl(const std::string& url);

// A fixed-size pool of connections shared by the server's threads.
class Database {
  public:
    static Result<std::shared_ptr<Database>> Open(const std::string& url, std::size_t pool_size = 8);

    class Lease {
      public:
        Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

      private:
        Database* db_;
        std::unique_ptr<Connection> conn_;
    };

    // Waits for a free connection.
    Lease Acquire();
    Engine engine() const { return engine_; }
    const std::string& url() const { return url_; }

    // SQLite (nothing on PostgreSQL): the pool's connections stop moving the write-ahead log into the
    // database file in whichever commit crosses 1,000 pages (that commit waits for it, and so does every
    // request whose audit row it carries); a thread of its own does it every `every` instead, without
    // blocking readers or writers (a passive checkpoint). Call before leasing any connection. Stops when
    // the Database is destroyed.
    Status StartBackgroundCheckpoints(std::chrono::milliseconds every);

  private:
    void Release(std::unique_ptr<Connection> conn);
    std::string url_;
    Engine engine_ = Engine::kSqlite;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::jthread checkpointer_;  // last: stopped first
};

// Engine-specific constructors, implemented in sqlite/ and postgres/.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db", for logs and errors.
std::string RedactUrl(const std::string& url);

}  // namespace carevoice::store
