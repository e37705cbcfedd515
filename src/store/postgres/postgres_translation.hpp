// What the PostgreSQL engine (postgres_connection.cpp) needs from postgres_translation.cpp: carevoice's
// `?` SQL as libpq's `$n`, names quoted for COPY, values as text and back by their type OIDs, and libpq's
// errors as carevoice statuses with no secrets or patient data in them.
#pragma once

#include <libpq-fe.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

namespace carevoice::store {

// Built-in type OIDs, from PostgreSQL's src/include/catalog/pg_type.dat (stable across versions).
inline constexpr Oid kBoolOid = 16;
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kInt2Oid = 21;
inline constexpr Oid kInt4Oid = 23;
inline constexpr Oid kOidOid = 26;
inline constexpr Oid kFloat4Oid = 700;
inline constexpr Oid kFloat8Oid = 701;
inline constexpr Oid kNumericOid = 1700;
inline constexpr Oid kUnknownOid = 0;  // "let the server infer it"

// ---- SQL text ----

struct TranslatedSql {
    std::string text;  // with $1, $2, ... and NUL-terminated for libpq
    std::size_t placeholder_count = 0;
};

// `?` -> `$n`, leaving string literals, quoted identifiers, comments and dollar quotes alone.
TranslatedSql TranslatePlaceholders(std::string_view sql);
// The statement on one line and cut short, for an internal error.
std::string Excerpt(std::string_view sql);
// A table or column name for COPY, checked and quoted ("schema.table" is allowed).
Result<std::string> QuoteName(std::string_view name);

// ---- Values ----

void AppendInt(std::int64_t v, std::string& out);
// Shortest text that reads back as the same double; PostgreSQL's spellings for the non-finite ones.
void AppendDouble(double v, std::string& out);
// A field of a result in text format, as the Value its column's type calls for.
Value ParseField(std::string_view text, Oid type);
// COPY text format: backslash escapes for the characters that delimit fields and rows; \N is NULL.
void AppendCopyField(const ValueRef& value, std::string& out);
Status NulByteError();

// ---- Errors ----

// libpq's message without its trailing newline; "unknown error" when there is none.
std::string TrimmedMessage(const char* message);
// The primary message and SQLSTATE only; internal errors name the statement.
Status ErrorFromResult(PGconn* conn, const PGresult* res, std::string_view sql);
// Passwords can reach libpq's messages (a malformed URL is quoted back); they are masked.
std::string WithoutSecrets(std::string message, const std::vector<std::string>& secrets);
// The password as written in the URL's user-info, and as libpq parses it (also from ?password=).
std::vector<std::string> PasswordsIn(const std::string& url);

}  // namespace carevoice::store
