// A fast CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF) over text held in
// memory, reporting the line each record starts on so that importers can name the line and
// field of every problem; and a writer that quotes only where needed.
// Not thread-safe; one reader per thread.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace carevoice::csv {

class Reader {
  public:
    explicit Reader(std::string_view text);

    // Reads the next record. Returns false at the end of the text; a malformed record
    // (an unterminated quote, text after a closing quote) is an InvalidArgument naming the line.
    Result<bool> Next();

    // Fields of the current record; views stay valid until the next call to Next().
    const std::vector<std::string_view>& fields() const { return fields_; }
    // 1-based line on which the current record starts.
    std::size_t line() const { return record_line_; }
    // Where in the text the current record starts, to come back to it with Seek.
    std::size_t offset() const { return record_offset_; }
    // The next record read is the one starting at `offset` (an offset() seen before), on `line`.
    void Seek(std::size_t offset, std::size_t line) {
        pos_ = offset;
        line_ = line;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    std::size_t record_offset_ = 0;
    std::vector<std::string_view> fields_;
    std::deque<std::string> unquoted_;  // storage for unescaped fields; a deque keeps views valid
};

// Maps header names to column positions, so importers can read by name and report missing columns.
class Header {
  public:
    // Fails naming every required column that is absent.
    static Result<Header> Parse(const std::vector<std::string_view>& fields, const std::vector<std::string>& required);
    // Position of a column, or -1 if absent.
    int Index(std::string_view name) const;
    std::size_t size() const { return names_.size(); }
    const std::vector<std::string>& names() const { return names_; }

  private:
    std::vector<std::string> names_;
};

// Neutralises spreadsheet formula injection (OWASP "CSV injection"): a value starting with = + - @
// that is not a number, or starting with TAB or CR (which spreadsheets skip before reading a formula),
// is prefixed with a single quote. The CSV writer and the XLSX writer both guard text with it.
std::string NeutraliseFormula(std::string_view value);
// Quotes a field if it contains a comma, quote, CR or LF, after NeutraliseFormula.
std::string Escape(std::string_view field);
// Joins escaped fields with commas and ends the line with CRLF, as RFC 4180 says.
std::string Row(const std::vector<std::string>& fields);
// The same row appended to `out` (for writing many rows into one buffer).
void AppendRow(std::string& out, const std::vector<std::string>& fields);

}  // namespace carevoice::csv
