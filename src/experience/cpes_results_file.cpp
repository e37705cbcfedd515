#include "experience/cpes_results_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace carevoice::experience {
namespace {

const std::vector<std::string> kRequiredColumns = {"level",
                                                   "org_code",
                                                   "org_name",
                                                   "cancer_alliance",
                                                   "year",
                                                   "kind",
                                                   "sex",
                                                   "imd_quintile",
                                                   "tumour_group",
                                                   "question",
                                                   "n",
                                                   "score",
                                                   "ci_lower",
                                                   "ci_upper",
                                                   "expected_lower",
                                                   "expected_upper",
                                                   "rating",
                                                   "change_2017_2018",
                                                   "change_all_years"};

enum Column {
    kLevel,
    kOrgCode,
    kOrgName,
    kAlliance,
    kYear,
    kKind,
    kSex,
    kImd,
    kTumour,
    kQuestion,
    kN,
    kScore,
    kCiLower,
    kCiUpper,
    kExpectedLower,
    kExpectedUpper,
    kRating,
    kChange1,
    kChangeAll,
    kColumnCount
};

std::optional<OrgLevel> ParseLevel(std::string_view s) {
    if (s == "Trust") return OrgLevel::kTrust;
    if (s == "CCG") return OrgLevel::kCcg;
    if (s == "Cancer Alliance") return OrgLevel::kAlliance;
    if (s == "National") return OrgLevel::kNational;
    return std::nullopt;
}

bool ValidQuestion(std::string_view q) {
    if (q.size() < 2 || q.size() > 4 || q[0] != 'Q') return false;
    return std::all_of(q.begin() + 1, q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Parses a number field; empty means absent. Returns false on text that is not a number.
bool ParseOptionalDouble(std::string_view s, std::optional<double>& out) {
    if (s.empty()) {
        out.reset();
        return true;
    }
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return false;
    out = v;
    return true;
}

bool ParseOptionalInt(std::string_view s, std::optional<int>& out) {
    if (s.empty()) {
        out.reset();
        return true;
    }
    int v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
    out = v;
    return true;
}

class Parser {
  public:
    Parser(std::string_view text, const CpesParseOptions& options) : reader_(text), options_(options) {
        // One row per line: reserving up front saves the copies and page faults of growing a vector
        // of ~360,000 rows.
        file_.rows.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    }

    Result<CpesResultsFile> Run() {
        auto first = reader_.Next();
        if (!first.ok()) return first.status();
        if (!*first) return Status::InvalidArgument("the file is empty: expected a header row naming the columns");
        CV_ASSIGN_OR_RETURN(auto header, csv::Header::Parse(reader_.fields(), kRequiredColumns));
        for (int c = 0; c < kColumnCount; ++c) index_[c] = header.Index(kRequiredColumns[static_cast<std::size_t>(c)]);
        columns_ = header.size();
        while (true) {
            auto more = reader_.Next();
            if (!more.ok()) {
                // A broken quote makes the rest of the file unreadable: always fatal.
                return Status::InvalidArgument("the file was not imported: " + more.status().message() +
                                               ". Check the quotes on that line.");
            }
            if (!*more) break;
            const auto& f = reader_.fields();
            if (f.size() == 1 && f[0].empty()) continue;  // blank line
            ParseRow(f);
            if (!options_.skip_invalid && problems_.size() >= options_.max_reported_problems) break;
        }
        if (!problems_.empty() && !options_.skip_invalid) {
            std::vector<FieldProblem> details;
            for (const auto& p : problems_) {
                details.push_back({"line " + std::to_string(p.line) + ", column " + p.column, p.problem});
            }
            return Status::InvalidArgument(
                "the file was not imported: " + std::to_string(problems_.size()) +
                    (problems_.size() >= options_.max_reported_problems ? " or more" : "") +
                    " problems were found. Correct them, or import the valid rows only with --skip-invalid.",
                details);
        }
        if (file_.rows.empty()) {
            return Status::InvalidArgument("the file has a header but no valid rows: nothing to import");
        }
        file_.rejected = std::move(problems_);
        for (const auto& yk : year_kinds_) file_.year_kinds.push_back(yk);
        return std::move(file_);
    }

  private:
    // Most fields repeat a small vocabulary; look up before storing so that a row costs no allocation.
    std::string_view Intern(std::string_view s) {
        auto it = interned_.find(s);
        if (it != interned_.end()) return it->second;
        std::string_view stored = *file_.pool.emplace(s).first;
        interned_.emplace(stored, stored);
        return stored;
    }

    void Reject(std::string column, std::string problem) {
        problems_.push_back({reader_.line(), std::move(column), std::move(problem)});
    }

    std::string_view Field(const std::vector<std::string_view>& f, Column c) const {
        return f[static_cast<std::size_t>(index_[c])];
    }

    void ParseRow(const std::vector<std::string_view>& f) {
        if (f.size() != columns_) {
            Reject("(row)", "has " + std::to_string(f.size()) + " fields but the header has " +
                                std::to_string(columns_) + "; check for an unquoted comma");
            return;
        }
        const std::size_t before = problems_.size();
        CpesResultRow row;
        row.line = reader_.line();
        auto level = ParseLevel(Field(f, kLevel));
        if (!level)
            Reject("level",
                   "'" + std::string(Field(f, kLevel)) + "' is not one of Trust, CCG, Cancer Alliance, National");
        std::string_view code = Field(f, kOrgCode);
        if (code.empty()) Reject("org_code", "is empty: every organisation needs its ODS code");
        if (Field(f, kOrgName).empty()) Reject("org_name", "is empty");
        auto year = text::ParseInt(Field(f, kYear));
        if (!year.ok() || *year < 1990 || *year > 2100) {
            Reject("year", "'" + std::string(Field(f, kYear)) + "' is not a year");
        } else {
            row.year = static_cast<int>(*year);
        }
        std::string_view kind = Field(f, kKind);
        if (kind != "adjusted" && kind != "unadjusted" && kind != "yearonyear") {
            Reject("kind", "'" + std::string(kind) + "' is not one of adjusted, unadjusted, yearonyear");
        }
        std::string_view question = Field(f, kQuestion);
        if (!ValidQuestion(question))
            Reject("question", "'" + std::string(question) + "' is not a question id like Q12");
        if (!ParseOptionalInt(Field(f, kN), row.n) || (row.n && *row.n < 0)) {
            Reject("n", "'" + std::string(Field(f, kN)) + "' is not a number of respondents");
        }
        const double max = IsMeanQuestion(question) ? 10.0 : 100.0;
        auto number = [&](Column c, const char* name, std::optional<double>& out) {
            if (!ParseOptionalDouble(Field(f, c), out)) {
                Reject(name, "'" + std::string(Field(f, c)) + "' is not a number");
            } else if (out && (*out < 0 || *out > max)) {
                Reject(name, "'" + std::string(Field(f, c)) + "' is outside 0–" + (max == 10.0 ? "10" : "100"));
            }
        };
        number(kScore, "score", row.score);
        number(kCiLower, "ci_lower", row.ci_lower);
        number(kCiUpper, "ci_upper", row.ci_upper);
        number(kExpectedLower, "expected_lower", row.expected_lower);
        number(kExpectedUpper, "expected_upper", row.expected_upper);
        if (row.ci_lower && row.ci_upper && *row.ci_lower > *row.ci_upper) {
            Reject("ci_lower", "is greater than ci_upper");
        }
        if (row.expected_lower && row.expected_upper && *row.expected_lower > *row.expected_upper) {
            Reject("expected_lower", "is greater than expected_upper");
        }
        std::string_view rating = Field(f, kRating);
        if (!rating.empty() && rating != "above" && rating != "within" && rating != "below") {
            Reject("rating", "'" + std::string(rating) + "' is not one of above, within, below");
        }
        for (auto [c, name] : {std::pair{kChange1, "change_2017_2018"}, std::pair{kChangeAll, "change_all_years"}}) {
            std::string_view v = Field(f, c);
            if (!v.empty() && v != "Up" && v != "Down" && v != "Unchanged") {
                Reject(name, "'" + std::string(v) + "' is not one of Up, Down, Unchanged");
            }
        }
        if (problems_.size() != before) return;

        // Rows come grouped by organisation: only look the organisation up when it changes.
        if (!last_org_ || last_level_ != *level || last_code_ != code) {
            std::string stored_code = *level == OrgLevel::kNational ? std::string(kNationalCode) : std::string(code);
            auto key = std::make_pair(*level, stored_code);
            auto it = org_index_.find(key);
            if (it == org_index_.end()) {
                it = org_index_.emplace(key, file_.organisations.size()).first;
                file_.organisations.push_back(
                    {*level, stored_code, *level == OrgLevel::kNational ? "England" : std::string(Field(f, kOrgName)),
                     std::string(Field(f, kAlliance))});
            }
            last_org_ = it->second;
            last_level_ = *level;
            last_code_.assign(code);
        }
        row.organisation = *last_org_;
        row.kind = Intern(kind);
        row.sex = Intern(Field(f, kSex));
        row.imd_quintile = Intern(Field(f, kImd));
        row.tumour_group = Intern(Field(f, kTumour));
        row.question = Intern(question);
        row.rating = Intern(rating);
        row.change_2017_2018 = Intern(Field(f, kChange1));
        row.change_all_years = Intern(Field(f, kChangeAll));
        if (row.year != last_year_ || row.kind.data() != last_kind_.data()) {
            year_kinds_.insert({row.year, std::string(row.kind)});
            last_year_ = row.year;
            last_kind_ = row.kind;
        }
        file_.rows.push_back(row);
    }

    csv::Reader reader_;
    CpesParseOptions options_;
    int index_[kColumnCount] = {};
    std::size_t columns_ = 0;
    CpesResultsFile file_;
    std::vector<RejectedLine> problems_;
    std::map<std::pair<OrgLevel, std::string>, std::size_t> org_index_;
    std::set<std::pair<int, std::string>> year_kinds_;
    std::unordered_map<std::string_view, std::string_view> interned_;
    std::optional<std::size_t> last_org_;
    OrgLevel last_level_ = OrgLevel::kTrust;
    std::string last_code_;
    int last_year_ = 0;
    std::string_view last_kind_;
};

}  // namespace

std::string_view OrgLevelName(OrgLevel level) {
    switch (level) {
        case OrgLevel::kTrust:
            return "trust";
        case OrgLevel::kCcg:
            return "ccg";
        case OrgLevel::kAlliance:
            return "alliance";
        case OrgLevel::kNational:
            return "national";
    }
    return "trust";
}

bool IsMeanQuestion(std::string_view question) { return question == "Q59"; }

Result<CpesResultsFile> ParseCpesResults(std::string_view text, const CpesParseOptions& options) {
    return Parser(text, options).Run();
}

Result<std::vector<CpesQuestion>> ParseCpesQuestions(std::string_view text) {
    csv::Reader reader(text);
    auto first = reader.Next();
    if (!first.ok()) return first.status();
    if (!*first) return Status::InvalidArgument("the questions file is empty");
    CV_ASSIGN_OR_RETURN(auto header, csv::Header::Parse(reader.fields(), {"question", "section", "question_text"}));
    const int q = header.Index("question"), s = header.Index("section"), t = header.Index("question_text");
    std::vector<CpesQuestion> out;
    std::vector<FieldProblem> problems;
    std::set<std::string> seen;
    while (true) {
        auto more = reader.Next();
        if (!more.ok()) return more.status();
        if (!*more) break;
        const auto& f = reader.fields();
        if (f.size() == 1 && f[0].empty()) continue;
        const std::string line = "line " + std::to_string(reader.line());
        if (f.size() != header.size()) {
            problems.push_back(
                {line, "has " + std::to_string(f.size()) + " fields, the header has " + std::to_string(header.size())});
            continue;
        }
        std::string id(f[static_cast<std::size_t>(q)]);
        if (!ValidQuestion(id))
            problems.push_back({line + ", column question", "'" + id + "' is not a question id like Q12"});
        else if (!seen.insert(id).second)
            problems.push_back({line + ", column question", id + " appears twice"});
        else
            out.push_back({id, std::string(f[static_cast<std::size_t>(s)]), std::string(f[static_cast<std::size_t>(t)]),
                           static_cast<int>(out.size()) + 1});
    }
    if (!problems.empty()) return Status::InvalidArgument("the questions file was not imported", problems);
    return out;
}

}  // namespace carevoice::experience
