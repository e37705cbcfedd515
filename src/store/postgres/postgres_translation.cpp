// Translation between carevoice and libpq for the PostgreSQL engine (postgres_connection.cpp): carevoice's
// portable `?` placeholders as `$n`, names quoted for COPY, values as text (parameters and COPY data) and
// result fields back as values by their type, and libpq's errors as statuses.
#include "store/postgres/postgres_translation.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carevoice::store {
namespace {

// How much of a failing statement is quoted in an internal error.
constexpr std::size_t kStatementExcerptChars = 160;

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

// A name COPY may use: letters, digits and underscores, not starting with a digit.
bool IsPlainName(std::string_view part) {
    if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return false;
    for (const char c : part) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(c >= '0' && c <= '9') && c != '_') return false;
    }
    return true;
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

}  // namespace

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

}  // namespace carevoice::store
