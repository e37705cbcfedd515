// The PostgreSQL engine of the SQL seam (store/sql.hpp), on libpq. Statements keep carevoice's
// portable `?` placeholders and are sent with PQexecParams in text format; bulk loads use COPY.
//
// Parameter types: an int64 is sent as BIGINT and a double as DOUBLE PRECISION; text and NULL are
// sent untyped, so the server infers them from context (a TEXT, DATE or BIGINT column). Where it
// cannot (`? IS NULL` with a text or NULL value), or where a function wants INTEGER rather than
// BIGINT (`substr(x, ?)`), write `CAST(? AS TEXT)` / `CAST(? AS INTEGER)`, which SQLite accepts too.
// PostgreSQL's jsonb operators `?`, `?|` and `?&` cannot be written in carevoice SQL.
#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sql.hpp"

namespace carevoice::store {
namespace {

// Built-in type OIDs, from PostgreSQL's src/include/catalog/pg_type.dat (stable across versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;
constexpr Oid kUnknownOid = 0;  // "let the server infer it"

// COPY data is handed to libpq in pieces of about this size: large enough that the per-call cost
// vanishes, small enough that a 10-million-row load does not sit in memory.
constexpr std::size_t kCopyChunkBytes = std::size_t{1} << 20;
// Translations of `?` SQL are cached per connection; repositories use a few hundred statements at
// most, so the cache is simply emptied if ad-hoc SQL ever fills it.
constexpr std::size_t kMaxCachedStatements = 1024;
// How much of a failing statement is quoted in an internal error.
constexpr std::size_t kStatementExcerptChars = 160;

struct PgResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

// ---- SQL text --------------------------------------------------------------------------------

struct TranslatedSql {
    std::string text;  // with $1, $2, ... and NUL-terminated for libpq
    std::size_t placeholder_count = 0;
};

bool IsIdentifierChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '$' ||
           u >= 0x80;
}

// Copies a quoted literal or identifier starting at sql[start] (the opening quote) and returns the
// index after its closing quote. A doubled quote ('it''s') stands for the quote itself.
std::size_t CopyQuoted(std::string_view sql, std::size_t start, bool backslash_escapes, std::string& out) {
    const char quote = sql[start];
    std::size_t i = start + 1;
    while (i < sql.size()) {
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        if (sql[i] == quote && next != quote) break;
        i += (sql[i] == quote || (backslash_escapes && sql[i] == '\\')) ? 2 : 1;
    }
    const std::size_t end = i < sql.size() ? i + 1 : sql.size();
    out.append(sql.substr(start, end - start));
    return end;
}

// Copies a /* */ comment (PostgreSQL nests them) starting at sql[start]; returns the index after it.
std::size_t CopyBlockComment(std::string_view sql, std::size_t start, std::string& out) {
    int depth = 0;
    std::size_t i = start;
    while (i < sql.size()) {
        if (sql.compare(i, 2, "/*") == 0) {
            ++depth;
            i += 2;
        } else if (sql.compare(i, 2, "*/") == 0) {
            i += 2;
            if (--depth == 0) break;
        } else {
            ++i;
        }
    }
    out.append(sql.substr(start, i - start));
    return i;
}

// If sql[start] opens a dollar-quoted string ($$...$$ or $tag$...$tag$), copies it and returns the
// index after it; otherwise returns start.
std::size_t CopyDollarQuoted(std::string_view sql, std::size_t start, std::string& out) {
    std::size_t tag_end = start + 1;
    if (tag_end < sql.size() && sql[tag_end] >= '0' && sql[tag_end] <= '9') return start;  // $1
    while (tag_end < sql.size() && sql[tag_end] != '$' && IsIdentifierChar(sql[tag_end])) ++tag_end;
    if (tag_end >= sql.size() || sql[tag_end] != '$') return start;
    const std::string_view tag = sql.substr(start, tag_end - start + 1);
    const std::size_t close = sql.find(tag, tag_end + 1);
    const std::size_t end = close == std::string_view::npos ? sql.size() : close + tag.size();
    out.append(sql.substr(start, end - start));
    return end;
}

// `?` -> `$n`, leaving string literals, quoted identifiers, comments and dollar quotes alone.
TranslatedSql TranslatePlaceholders(std::string_view sql) {
    TranslatedSql result;
    std::string& out = result.text;
    out.reserve(sql.size() + 16);
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        const bool after_identifier = i > 0 && IsIdentifierChar(sql[i - 1]);
        if (c == '\'') {
            // E'...' strings take backslash escapes; standard strings do not.
            const bool escape_string =
                i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && !(i > 1 && IsIdentifierChar(sql[i - 2]));
            i = CopyQuoted(sql, i, escape_string, out);
        } else if (c == '"') {
            i = CopyQuoted(sql, i, false, out);
        } else if (c == '-' && next == '-') {
            const std::size_t eol = sql.find('\n', i);
            const std::size_t end = eol == std::string_view::npos ? sql.size() : eol;
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (c == '/' && next == '*') {
            i = CopyBlockComment(sql, i, out);
        } else if (c == '$' && !after_identifier) {
            const std::size_t end = CopyDollarQuoted(sql, i, out);
            if (end == i) out += c;
            i = end == i ? i + 1 : end;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++result.placeholder_count);
            ++i;
        } else {
            out += c;
            ++i;
        }
    }
    return result;
}

std::string Excerpt(std::string_view sql) {
    std::string out;
    bool space = false;
    for (const char c : sql) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
        if (out.size() >= kStatementExcerptChars) {
            out += "...";
            break;
        }
    }
    return out;
}

// A name COPY may use: letters, digits and underscores, not starting with a digit.
bool IsPlainName(std::string_view part) {
    if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return false;
    for (const char c : part) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(c >= '0' && c <= '9') && c != '_') return false;
    }
    return true;
}

// Names used in COPY are checked and quoted here, since they are spliced into SQL. Plain names are
// folded to lower case before quoting, exactly as PostgreSQL treats them unquoted, so that reserved
// words (`user`, `order`) work as column names too. "schema.table" is allowed.
Result<std::string> QuoteName(std::string_view name) {
    std::string out;
    std::size_t part_start = 0;
    while (true) {
        const std::size_t dot = name.find('.', part_start);
        const std::string_view part = name.substr(part_start, dot == std::string_view::npos ? dot : dot - part_start);
        if (!IsPlainName(part)) {
            return Status::InvalidArgument("'" + std::string(name) + "' is not a plain table or column name");
        }
        if (!out.empty()) out += '.';
        out += '"';
        for (const char c : part) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        out += '"';
        if (dot == std::string_view::npos) break;
        part_start = dot + 1;
    }
    return out;
}

// ---- Values ------------------------------------------------------------------------------------

void AppendInt(std::int64_t v, std::string& out) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// Shortest text that reads back as the same double; PostgreSQL's spellings for the non-finite ones.
void AppendDouble(double v, std::string& out) {
    if (std::isnan(v)) {
        out += "NaN";
    } else if (std::isinf(v)) {
        out += v > 0 ? "Infinity" : "-Infinity";
    } else {
        char buf[32];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, end);
    }
}

Value ParseField(std::string_view text, Oid type) {
    switch (type) {
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid: {
            std::int64_t v = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec == std::errc() && end == text.data() + text.size()) return v;
            break;
        }
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid: {
            double v = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec == std::errc() && end == text.data() + text.size()) return v;
            break;
        }
        case kBoolOid:
            return std::int64_t{text == "t" ? 1 : 0};
        default:
            break;
    }
    return std::string(text);
}

// COPY text format: backslash escapes for the characters that delimit fields and rows; \N is NULL.
void AppendCopyField(const ValueRef& value, std::string& out) {
    if (std::holds_alternative<std::monostate>(value)) {
        out += "\\N";
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        AppendInt(*i, out);
    } else if (const auto* d = std::get_if<double>(&value)) {
        AppendDouble(*d, out);
    } else {
        for (const char c : std::get<std::string_view>(value)) {
            switch (c) {
                case '\\':
                    out += "\\\\";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                default:
                    out += c;
            }
        }
    }
}

Status NulByteError() { return Status::InvalidArgument("text containing a NUL byte cannot be stored in PostgreSQL"); }

// ---- Errors ------------------------------------------------------------------------------------

std::string TrimmedMessage(const char* message) {
    std::string out = message ? message : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out.empty() ? "unknown error" : out;
}

StatusCode CodeForSqlState(std::string_view state) {
    if (state == "23505") return StatusCode::kAlreadyExists;
    if (state == "23503" || state == "23502" || state == "23514") return StatusCode::kInvalidArgument;
    // Class 08 is "connection exception"; 57P01-57P03 are the server shutting down or starting up.
    if ((state.substr(0, 2) == "08" && state != "08P01") || state == "57P01" || state == "57P02" || state == "57P03") {
        return StatusCode::kUnavailable;
    }
    // A lock not granted within lock_timeout (55P03), a serialization failure (40001) or a deadlock
    // (40P01): the transaction lost a race with another and can simply be tried again.
    if (state == "55P03" || state == "40001" || state == "40P01") return StatusCode::kBusy;
    return StatusCode::kInternal;
}

// The primary message and SQLSTATE only: DETAIL often quotes the row's values (patient data), which
// do not belong in logs. Internal errors name the statement, since they are bugs to be found.
Status ErrorFromResult(PGconn* conn, const PGresult* res, std::string_view sql) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = "PostgreSQL: ";
    message += primary ? std::string(primary) : TrimmedMessage(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
    StatusCode code = state ? CodeForSqlState(state) : StatusCode::kInternal;
    if (PQstatus(conn) != CONNECTION_OK) code = StatusCode::kUnavailable;
    if (state) message += std::string(" (SQLSTATE ") + state + ")";
    if (code == StatusCode::kInternal && !sql.empty()) message += " in: " + Excerpt(sql);
    return {code, std::move(message)};
}

// Passwords can reach libpq's messages (a malformed URL is quoted back); they are masked.
std::string WithoutSecrets(std::string message, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets) {
        if (secret.empty()) continue;
        for (std::size_t at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 3)) {
            message.replace(at, secret.size(), "***");
        }
    }
    return message;
}

// The password as written in the URL's user-info, and as libpq parses it (also from ?password=).
std::vector<std::string> PasswordsIn(const std::string& url) {
    std::vector<std::string> secrets;
    const std::size_t scheme = url.find("://");
    const std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t at = url.rfind('@', url.find('/', authority));
    const std::size_t colon = url.find(':', authority);
    if (at != std::string::npos && at > authority && colon < at) {
        secrets.push_back(url.substr(colon + 1, at - colon - 1));
    }
    char* error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(url.c_str(), &error)) {
        for (PQconninfoOption* o = options; o->keyword; ++o) {
            if (std::string_view(o->keyword) == "password" && o->val) secrets.emplace_back(o->val);
        }
        PQconninfoFree(options);
    }
    PQfreemem(error);
    return secrets;
}

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
                                                          const std::vector<std::string>& columns) override;
    Status Begin() override;
    Status Commit() override;
    Status Rollback() override;

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
                                                                          const std::vector<std::string>& columns) {
    if (columns.empty()) return Status::InvalidArgument("a bulk insert needs at least one column");
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
