#include "experience/parameters_file.hpp"

#include <map>
#include <optional>
#include <utility>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace carevoice::experience {
namespace {

const std::vector<std::string> kRequiredColumns = {"question", "measure", "national_adjusted", "tau2"};

struct Columns {
    int question;
    int measure;
    int centre;
    int sd;  // -1 when the file has no sd column
    int tau2;
};

// Collects problems for one file; each names its line and column.
class Problems {
  public:
    void Add(std::size_t line, std::string_view column, std::string problem) {
        std::string where = "line " + std::to_string(line);
        if (!column.empty()) where += ", column " + std::string(column);
        list_.push_back({std::move(where), std::move(problem)});
    }
    bool empty() const { return list_.empty(); }
    Status ToStatus() && {
        std::string message = "the expected-range parameters file has " + std::to_string(list_.size()) +
                              (list_.size() == 1 ? " problem" : " problems") + "; nothing was loaded";
        return Status::InvalidArgument(std::move(message), std::move(list_));
    }

  private:
    std::vector<FieldProblem> list_;
};

std::optional<Measure> ParseMeasure(std::string_view s) {
    if (s == "percent_positive") return Measure::kPercent;
    if (s == "mean_0_10") return Measure::kMean;
    return std::nullopt;
}

std::optional<double> ParseNumber(std::string_view field, std::size_t line, std::string_view column,
                                  Problems& problems) {
    if (text::Trim(field).empty()) {
        problems.Add(line, column, "is empty; a number is required");
        return std::nullopt;
    }
    auto value = text::ParseDouble(field);
    if (!value.ok()) {
        problems.Add(line, column, value.status().message());
        return std::nullopt;
    }
    return *value;
}

// Parses one data row; problems go to `problems`, and nullopt is returned if any were found.
std::optional<QuestionParameters> ParseRow(const std::vector<std::string_view>& fields, const Columns& columns,
                                           std::size_t line, Problems& problems) {
    QuestionParameters row;
    bool ok = true;
    row.question = std::string(text::Trim(fields[columns.question]));
    if (row.question.empty()) {
        problems.Add(line, "question", "is empty; a question id such as Q1 is required");
        ok = false;
    }
    auto measure = ParseMeasure(text::Trim(fields[columns.measure]));
    if (!measure) {
        problems.Add(
            line, "measure",
            "'" + std::string(fields[columns.measure]) + "' is not a measure; use percent_positive or mean_0_10");
        return std::nullopt;
    }
    row.parameters.measure = *measure;
    auto centre = ParseNumber(fields[columns.centre], line, "national_adjusted", problems);
    auto tau2 = ParseNumber(fields[columns.tau2], line, "tau2", problems);
    // The SD matters only for the 0–10 item; percentages keep 0.
    bool sd_ok = true;
    if (*measure == Measure::kMean) {
        if (columns.sd < 0) {
            problems.Add(line, "sd", "is missing; a mean_0_10 row needs an sd column");
            sd_ok = false;
        } else if (auto sd = ParseNumber(fields[columns.sd], line, "sd", problems)) {
            row.parameters.sd = *sd;
        } else {
            sd_ok = false;
        }
    }
    if (!centre || !tau2 || !sd_ok) return std::nullopt;
    row.parameters.centre = *centre;
    row.parameters.tau2 = *tau2;
    if (Status valid = CheckParameters(row.parameters); !valid.ok()) {
        problems.Add(line, "", valid.message());
        ok = false;
    }
    if (!ok) return std::nullopt;
    return row;
}

}  // namespace

Result<std::vector<QuestionParameters>> ParseParametersCsv(std::string_view text) {
    csv::Reader reader(text);
    CV_ASSIGN_OR_RETURN(bool has_header, reader.Next());
    if (!has_header) {
        return Status::InvalidArgument(
            "the expected-range parameters file is empty; expected a header line question,measure,national_adjusted,sd,"
            "tau2");
    }
    CV_ASSIGN_OR_RETURN(csv::Header header, csv::Header::Parse(reader.fields(), kRequiredColumns));
    const Columns columns{header.Index("question"), header.Index("measure"), header.Index("national_adjusted"),
                          header.Index("sd"), header.Index("tau2")};

    std::vector<QuestionParameters> table;
    std::map<std::string, std::size_t> first_line;  // question → line it was first defined on
    Problems problems;
    while (true) {
        CV_ASSIGN_OR_RETURN(bool more, reader.Next());
        if (!more) break;
        const auto& fields = reader.fields();
        const std::size_t line = reader.line();
        if (fields.size() == 1 && text::Trim(fields[0]).empty()) continue;  // blank line
        if (fields.size() != header.size()) {
            problems.Add(
                line, "",
                "has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(header.size()));
            continue;
        }
        auto row = ParseRow(fields, columns, line, problems);
        if (!row) continue;
        auto [at, inserted] = first_line.emplace(row->question, line);
        if (!inserted) {
            problems.Add(line, "question", row->question + " is already defined on line " + std::to_string(at->second));
            continue;
        }
        table.push_back(std::move(*row));
    }
    if (!problems.empty()) return std::move(problems).ToStatus();
    if (table.empty())
        return Status::InvalidArgument("the expected-range parameters file has a header but no questions");
    return table;
}

const QuestionParameters* FindQuestion(const std::vector<QuestionParameters>& table, std::string_view question) {
    for (const auto& row : table) {
        if (row.question == question) return &row;
    }
    return nullptr;
}

}  // namespace carevoice::experience
