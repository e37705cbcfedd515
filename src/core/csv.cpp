#include "core/csv.hpp"

#include <algorithm>
#include <cstdlib>

namespace carevoice::csv {

Reader::Reader(std::string_view text) : text_(text) {
    // A UTF-8 byte order mark is not part of the first header name.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

Result<bool> Reader::Next() {
    fields_.clear();
    unquoted_.clear();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    record_offset_ = pos_;
    const std::size_t n = text_.size();
    while (true) {
        if (pos_ < n && text_[pos_] == '"') {
            std::string value;
            ++pos_;
            while (true) {
                if (pos_ >= n) {
                    return Status::InvalidArgument("line " + std::to_string(record_line_) +
                                                   ": a quoted field is never closed");
                }
                char c = text_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
                        value.push_back('"');
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    break;
                }
                if (c == '\n') ++line_;
                value.push_back(c);
                ++pos_;
            }
            unquoted_.push_back(std::move(value));
            fields_.emplace_back(unquoted_.back());
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
                return Status::InvalidArgument("line " + std::to_string(record_line_) +
                                               ": unexpected text after a closing quote in field " +
                                               std::to_string(fields_.size()));
            }
        } else {
            std::size_t start = pos_;
            while (pos_ < n) {
                char c = text_[pos_];
                if (c == ',' || c == '\n' || c == '\r') break;
                ++pos_;
            }
            fields_.emplace_back(text_.data() + start, pos_ - start);
        }
        if (pos_ >= n) break;
        char c = text_[pos_];
        if (c == ',') {
            ++pos_;
            if (pos_ >= n) {
                fields_.emplace_back();
                break;
            }
            continue;
        }
        // End of record: CRLF or LF (a lone CR also ends it).
        if (c == '\r') ++pos_;
        if (pos_ < n && text_[pos_] == '\n') ++pos_;
        ++line_;
        break;
    }
    return true;
}

Result<Header> Header::Parse(const std::vector<std::string_view>& fields, const std::vector<std::string>& required) {
    Header h;
    for (auto f : fields) {
        // Tolerate surrounding spaces in header names that spreadsheets sometimes add.
        while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
        while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
        h.names_.emplace_back(f);
    }
    std::vector<FieldProblem> missing;
    for (const auto& r : required) {
        if (h.Index(r) < 0) missing.push_back({"line 1, column " + r, "required column is missing from the header"});
    }
    if (!missing.empty()) return Status::InvalidArgument("the header row is missing required columns", missing);
    return h;
}

int Header::Index(std::string_view name) const {
    auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

namespace {
bool LooksNumeric(std::string_view s) {
    if (s.empty()) return false;
    char* end = nullptr;
    std::string copy(s);
    std::strtod(copy.c_str(), &end);
    return end == copy.c_str() + copy.size();
}
}  // namespace

std::string NeutraliseFormula(std::string_view value) {
    if (value.empty()) return std::string(value);
    const char first = value[0];
    // No number starts with TAB or CR as far as a spreadsheet is concerned (strtod would skip them).
    const bool formula_start = first == '=' || first == '+' || first == '-' || first == '@';
    if ((formula_start && !LooksNumeric(value)) || first == '\t' || first == '\r') return "'" + std::string(value);
    return std::string(value);
}

std::string Escape(std::string_view field) {
    std::string value = NeutraliseFormula(field);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void AppendRow(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(',');
        const std::string& f = fields[i];
        // Most fields need neither neutralising nor quoting: appended as they are, without a copy.
        const bool plain = (f.empty() || std::string_view("=+-@\t\r").find(f[0]) == std::string_view::npos) &&
                           f.find_first_of(",\"\r\n") == std::string::npos;
        if (plain) {
            out += f;
        } else {
            out += Escape(f);
        }
    }
    out += "\r\n";
}

std::string Row(const std::vector<std::string>& fields) {
    std::string out;
    AppendRow(out, fields);
    return out;
}

}  // namespace carevoice::csv
