// The PostgreSQL engine of the SQL seam (store/sql.hpp), on libpq: the connection, its statements and
// transactions, and bulk loads with COPY. Statements keep carevoice's portable `?` placeholders and are
// sent with PQexecParams in text format; postgres_translation.cpp translates SQL, values and errors.
//
// Parameter types: an int64 is sent as BIGINT and a double as DOUBLE PRECISION; text and NULL are
// sent untyped, so the server infers them from context (a TEXT, DATE or BIGINT column). Where it
// cannot (`? IS NULL` with a text or NULL value), or where a function wants INTEGER rather than
// BIGINT (`substr(x, ?)`), write `CAST(? AS TEXT)` / `CAST(? AS INTEGER)`, which SQLite accepts too.
// PostgreSQL's jsonb operators `?`, `?|` and `?&` cannot be written in carevoice SQL.
#include <libpq-fe.h>

#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/postgres/postgres_translation.hpp"
#include "store/sql.hpp"

namespace carevoice::store {
namespace {

// COPY data is handed to libpq in pieces of about this size: large enough that the per-call cost
// vanishes, small enough that a 10-million-row load does not sit in memory.
constexpr std::size_t kCopyChunkBytes = std::size_t{1} << 20;
// Translations of `?` SQL are cached per connection; repositories use a few hundred statements at
// most, so the cache is simply emptied if ad-hoc SQL ever fills it.
constexpr std::size_t kMaxCachedStatements = 1024;

struct PgResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// ---- Connection --------------------------------------------------------------------------------

class PostgresConnection final : public Connection {
  public:
    static Result<std::unique_ptr<Connection>> Open(const std::string& url);
    ~PostgresConnection() override { PQfinish(conn_); }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Engine engine() const override { return Engine::kPostgres; }
    Result<std::int64_t> Execute(std::string_view sql, const std::vector<Value>& params) override;
    Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override;
    Status ExecuteScript(std::string_view sql) override;
    Result<std::unique_ptr<BulkInserter>> StartBulkInsert(std::string_view table,
                                                          const std::vector<std::string>& columns,
                                                          BulkConflict on_conflict) override;
    Status Begin() override;
    Status Commit() override;
    Status Rollback() override;
    bool InTransaction() const override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

    // For PostgresBulkInserter: whether COPY number `id` is still the one in progress, and its steps.
    bool CopyIsOpen(std::uint64_t id) const { return copy_open_ && copy_id_ == id; }
    Status PutCopyData(std::string_view data);
    // Ends the COPY: normally (abort_reason null), or abandoning it. Returns the server's verdict.
    Status EndCopy(const char* abort_reason);

  private:
    PostgresConnection(PGconn* conn, std::string redacted_url) : conn_(conn), redacted_url_(std::move(redacted_url)) {}
    Status ConfigureSession();
    Status Ready();
    const TranslatedSql& Translate(std::string_view sql);
    Result<PgResult> Run(std::string_view sql, const std::vector<Value>& params);
    Result<PgResult> RunCommand(std::string_view sql);
    void NoteTransactionState();

    PGconn* conn_;
    std::string redacted_url_;
    // Whether the server holds an open transaction for us, as last seen. Kept when the connection is
    // lost, so that a lost transaction is reported rather than silently replaced by a new session.
    bool in_transaction_ = false;
    bool copy_open_ = false;
    std::uint64_t copy_id_ = 0;
    std::unordered_map<std::string, TranslatedSql, StringHash, std::equal_to<>> translations_;
};

class PostgresBulkInserter final : public BulkInserter {
  public:
    PostgresBulkInserter(PostgresConnection& conn, std::uint64_t copy_id, std::size_t column_count)
        : conn_(conn), copy_id_(copy_id), column_count_(column_count) {
        buffer_.reserve(kCopyChunkBytes + kCopyChunkBytes / 4);
    }
    // Abandons the COPY if Finish() was not reached, so the caller's Rollback can proceed.
    ~PostgresBulkInserter() override {
        if (conn_.CopyIsOpen(copy_id_)) (void)conn_.EndCopy("carevoice: bulk insert abandoned");
    }

    Status AddRow(std::span<const ValueRef> values) override {
        if (!conn_.CopyIsOpen(copy_id_)) return Status::FailedPrecondition("this bulk insert has already ended");
        if (values.size() != column_count_) {
            return Status::InvalidArgument("bulk insert row has " + std::to_string(values.size()) + " values for " +
                                           std::to_string(column_count_) + " columns");
        }
        const std::size_t row_start = buffer_.size();
        for (std::size_t col = 0; col < values.size(); ++col) {
            if (const auto* s = std::get_if<std::string_view>(&values[col]);
                s && s->find('\0') != std::string_view::npos) {
                buffer_.resize(row_start);
                return NulByteError();
            }
            if (col > 0) buffer_ += '\t';
            AppendCopyField(values[col], buffer_);
        }
        buffer_ += '\n';
        return buffer_.size() >= kCopyChunkBytes ? Flush() : Status::Ok();
    }
    Result<bool> AddRowUnlessStored(std::span<const ValueRef>) override {
        return Status::FailedPrecondition("a COPY cannot skip stored rows");
    }

    Status Finish() override {
        if (!conn_.CopyIsOpen(copy_id_)) return Status::FailedPrecondition("this bulk insert has already ended");
        CV_RETURN_IF_ERROR(Flush());
        return conn_.EndCopy(nullptr);
    }

  private:
    Status Flush() {
        if (buffer_.empty()) return Status::Ok();
        Status status = conn_.PutCopyData(buffer_);
        buffer_.clear();
        return status;
    }

    PostgresConnection& conn_;
    std::uint64_t copy_id_;
    std::size_t column_count_;
    std::string buffer_;
};

Result<std::unique_ptr<Connection>> PostgresConnection::Open(const std::string& url) {
    const std::vector<std::string> secrets = PasswordsIn(url);
    char* parse_error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &parse_error);
    if (!parsed) {
        std::string why = TrimmedMessage(parse_error);
        PQfreemem(parse_error);
        return Status::InvalidArgument("the PostgreSQL URL " + RedactUrl(url) +
                                       " is not valid: " + WithoutSecrets(why, secrets));
    }
    PQconninfoFree(parsed);

    // Keywords are applied in order, so the URL (dbname) may override the defaults before it but not
    // the encoding after it: all text in carevoice is UTF-8.
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
    const char* values[] = {"10", "carevoice", url.c_str(), "UTF8", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
    if (!conn) return Status::Unavailable("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string why = WithoutSecrets(TrimmedMessage(PQerrorMessage(conn)), secrets);
        PQfinish(conn);
        return Status::Unavailable("cannot connect to PostgreSQL at " + RedactUrl(url) + ": " + why);
    }
    std::unique_ptr<PostgresConnection> connection(new PostgresConnection(conn, RedactUrl(url)));
    CV_RETURN_IF_ERROR(connection->ConfigureSession());
    return std::unique_ptr<Connection>(std::move(connection));
}

Status PostgresConnection::ConfigureSession() {
    // NOTICEs (e.g. "drop cascades to ...") stay in the server log rather than on our stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    // Long reports and migrations must not be cut off by a server- or role-wide default.
    return RunCommand("SET statement_timeout = 0").status();
}

// Before each use: refuses while a COPY is open, and replaces a lost session when that loses nothing.
Status PostgresConnection::Ready() {
    if (copy_open_) {
        return Status::FailedPrecondition(
            "a bulk insert is still open on this connection; call Finish() or Rollback() first");
    }
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    if (in_transaction_) {
        return Status::Unavailable("the connection to PostgreSQL was lost during a transaction; roll back and retry");
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
        return Status::Unavailable("cannot reconnect to PostgreSQL at " + redacted_url_ + ": " +
                                   TrimmedMessage(PQerrorMessage(conn_)));
    }
    return ConfigureSession();
}

void PostgresConnection::NoteTransactionState() {
    switch (PQtransactionStatus(conn_)) {
        case PQTRANS_IDLE:
            in_transaction_ = false;
            break;
        case PQTRANS_INTRANS:
        case PQTRANS_INERROR:
            in_transaction_ = true;
            break;
        default:
            break;  // unknown (connection lost) or busy: keep what we knew
    }
}

const TranslatedSql& PostgresConnection::Translate(std::string_view sql) {
    if (auto it = translations_.find(sql); it != translations_.end()) return it->second;
    if (translations_.size() >= kMaxCachedStatements) translations_.clear();
    return translations_.emplace(std::string(sql), TranslatePlaceholders(sql)).first->second;
}

Result<PgResult> PostgresConnection::Run(std::string_view sql, const std::vector<Value>& params) {
    CV_RETURN_IF_ERROR(Ready());
    const TranslatedSql& translated = Translate(sql);
    if (translated.placeholder_count != params.size()) {
        return Status::InvalidArgument("the statement has " + std::to_string(translated.placeholder_count) +
                                       " placeholders but " + std::to_string(params.size()) +
                                       " parameters were given: " + Excerpt(sql));
    }
    std::vector<Oid> types(params.size(), kUnknownOid);
    std::vector<const char*> texts(params.size(), nullptr);
    std::vector<std::string> numbers(params.size());  // keeps formatted numbers alive for the call
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
            types[i] = kInt8Oid;
            AppendInt(*n, numbers[i]);
            texts[i] = numbers[i].c_str();
        } else if (const auto* d = std::get_if<double>(&params[i])) {
            types[i] = kFloat8Oid;
            AppendDouble(*d, numbers[i]);
            texts[i] = numbers[i].c_str();
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
            // Text-format parameters are C strings: a NUL would silently cut the value short.
            if (s->find('\0') != std::string::npos) return NulByteError();
            texts[i] = s->c_str();
        }
    }
    PgResult res(PQexecParams(conn_, translated.text.c_str(), static_cast<int>(params.size()), types.data(),
                              texts.data(), nullptr, nullptr, /*resultFormat=text*/ 0));
    NoteTransactionState();
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorFromResult(conn_, res.get(), sql);
    return res;
}

Result<PgResult> PostgresConnection::RunCommand(std::string_view sql) {
    PgResult res(PQexec(conn_, std::string(sql).c_str()));
    NoteTransactionState();
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        return ErrorFromResult(conn_, res.get(), sql);
    }
    return res;
}

Result<std::int64_t> PostgresConnection::Execute(std::string_view sql, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    const std::string_view count = PQcmdTuples(res.get());  // "" for statements that count nothing
    std::int64_t changed = 0;
    std::from_chars(count.data(), count.data() + count.size(), changed);
    return changed;
}

Result<std::vector<Row>> PostgresConnection::Query(std::string_view sql, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    const int row_count = PQntuples(res.get());
    const int column_count = PQnfields(res.get());
    std::vector<Oid> types(static_cast<std::size_t>(column_count));
    for (int col = 0; col < column_count; ++col) types[static_cast<std::size_t>(col)] = PQftype(res.get(), col);
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(row_count));
    for (int row = 0; row < row_count; ++row) {
        std::vector<Value> values;
        values.reserve(types.size());
        for (int col = 0; col < column_count; ++col) {
            if (PQgetisnull(res.get(), row, col)) {
                values.emplace_back(std::monostate{});
            } else {
                const std::string_view text(PQgetvalue(res.get(), row, col),
                                            static_cast<std::size_t>(PQgetlength(res.get(), row, col)));
                values.push_back(ParseField(text, types[static_cast<std::size_t>(col)]));
            }
        }
        rows.emplace_back(std::move(values));
    }
    return rows;
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
    CV_RETURN_IF_ERROR(Ready());
    return RunCommand(sql).status();
}

Result<std::unique_ptr<BulkInserter>> PostgresConnection::StartBulkInsert(std::string_view table,
                                                                          const std::vector<std::string>& columns,
                                                                          BulkConflict on_conflict) {
    if (columns.empty()) return Status::InvalidArgument("a bulk insert needs at least one column");
    if (on_conflict == BulkConflict::kSkipStored) {
        return Status::FailedPrecondition(
            "PostgreSQL's COPY cannot skip stored rows: stage the rows, then INSERT ... SELECT ... ON CONFLICT");
    }
    CV_ASSIGN_OR_RETURN(std::string sql, QuoteName(table));
    sql = "COPY " + sql + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        CV_ASSIGN_OR_RETURN(std::string column, QuoteName(columns[i]));
        sql += (i > 0 ? ", " : "") + column;
    }
    sql += ") FROM STDIN";
    CV_RETURN_IF_ERROR(Ready());
    PgResult res(PQexec(conn_, sql.c_str()));
    NoteTransactionState();
    if (!res || PQresultStatus(res.get()) != PGRES_COPY_IN) return ErrorFromResult(conn_, res.get(), sql);
    copy_open_ = true;
    ++copy_id_;
    return std::unique_ptr<BulkInserter>(std::make_unique<PostgresBulkInserter>(*this, copy_id_, columns.size()));
}

Status PostgresConnection::PutCopyData(std::string_view data) {
    if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1) return Status::Ok();
    // The server may already have rejected a row; its error, collected by ending the COPY, says why.
    const std::string send_error = TrimmedMessage(PQerrorMessage(conn_));
    Status ended = EndCopy("carevoice: sending bulk insert data failed");
    if (!ended.ok()) return ended;
    return Status::Unavailable("PostgreSQL: sending bulk insert data failed: " + send_error);
}

Status PostgresConnection::EndCopy(const char* abort_reason) {
    copy_open_ = false;
    Status verdict;
    if (PQputCopyEnd(conn_, abort_reason) != 1) {
        verdict =
            Status::Unavailable("PostgreSQL: ending the bulk insert failed: " + TrimmedMessage(PQerrorMessage(conn_)));
    }
    // Drain every result so the connection is ready for the next command (ROLLBACK, typically).
    int still_copying = 0;
    while (PGresult* raw = PQgetResult(conn_)) {
        PgResult res(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_COPY_IN) {
            // Only if the end message could not be sent; try once more, then give up on this session.
            if (++still_copying > 1) break;
            (void)PQputCopyEnd(conn_, "carevoice: bulk insert abandoned");
            continue;
        }
        if (status != PGRES_COMMAND_OK && verdict.ok()) verdict = ErrorFromResult(conn_, raw, {});
    }
    NoteTransactionState();
    return verdict;
}

Status PostgresConnection::Begin() {
    CV_RETURN_IF_ERROR(Ready());
    return RunCommand("BEGIN").status();
}

Status PostgresConnection::Commit() {
    CV_RETURN_IF_ERROR(Ready());
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
        return Status::FailedPrecondition("COMMIT without an open transaction");
    }
    CV_ASSIGN_OR_RETURN(PgResult res, RunCommand("COMMIT"));
    // PostgreSQL answers COMMIT of a transaction in which a statement failed with ROLLBACK, not an error.
    if (std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
        return Status::FailedPrecondition("the transaction was rolled back because a statement in it failed");
    }
    return Status::Ok();
}

Status PostgresConnection::Rollback() {
    if (copy_open_) (void)EndCopy("carevoice: bulk insert rolled back");
    if (PQstatus(conn_) != CONNECTION_OK) {
        // The server ends the transaction with the session; the next use opens a new session.
        in_transaction_ = false;
        return Status::Unavailable("the connection to PostgreSQL was lost, which ended the transaction");
    }
    return RunCommand("ROLLBACK").status();
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url) { return PostgresConnection::Open(url); }

}  // namespace carevoice::store
