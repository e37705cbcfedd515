#include "improvement/spc_csv.hpp"

#include <charconv>
#include <optional>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace carevoice::improvement {
namespace {

constexpr std::string_view kDateColumn = "date";
constexpr std::string_view kValueColumn = "value";

std::string LineName(std::size_t line) { return "line " + std::to_string(line); }

std::string ColumnName(std::size_t line, std::string_view column) {
    return LineName(line) + ", column " + std::string(column);
}

// Header names compared without regard to case, so that "Date,Value" from a spreadsheet reads too.
Result<csv::Header> ParseHeader(const std::vector<std::string_view>& fields) {
    std::vector<std::string> lowered;
    lowered.reserve(fields.size());
    for (auto field : fields) lowered.push_back(text::ToLower(field));
    const std::vector<std::string_view> views(lowered.begin(), lowered.end());
    return csv::Header::Parse(views, {std::string(kDateColumn), std::string(kValueColumn)});
}

std::string FieldCount(std::size_t n) { return std::to_string(n) + (n == 1 ? " field" : " fields"); }

bool IsBlank(const std::vector<std::string_view>& fields) {
    return fields.size() == 1 && text::Trim(fields[0]).empty();
}

// Reads rows after the header into `out`, appending each problem to `problems`.
class RowReader {
  public:
    RowReader(const csv::Header& header, const ValueRule& rule, std::vector<FieldProblem>& problems)
        : header_(header),
          rule_(rule),
          date_column_(static_cast<std::size_t>(header.Index(kDateColumn))),
          value_column_(static_cast<std::size_t>(header.Index(kValueColumn))),
          problems_(problems) {}

    void Read(const std::vector<std::string_view>& fields, std::size_t line, std::vector<Observation>& out) {
        if (fields.size() != header_.size()) {
            problems_.push_back({LineName(line), "has " + FieldCount(fields.size()) + "; the header has " +
                                                     FieldCount(header_.size())});
            return;
        }
        std::optional<CivilDate> date = ReadDate(fields[date_column_], line);
        std::optional<double> value = ReadValue(fields[value_column_], line);
        if (date && value) out.push_back({*date, *value});
    }

  private:
    std::optional<CivilDate> ReadDate(std::string_view field, std::size_t line) {
        auto date = CivilDate::Parse(text::Trim(field));
        if (!date.ok()) {
            problems_.push_back({ColumnName(line, kDateColumn), date.status().message()});
            return std::nullopt;
        }
        const std::optional<CivilDate> previous = previous_date_;
        const std::size_t previous_line = previous_line_;
        previous_date_ = *date;
        previous_line_ = line;
        if (previous && *date == *previous) {
            problems_.push_back(
                {ColumnName(line, kDateColumn),
                 date->ToString() + " is also on " + LineName(previous_line) + "; each date may appear only once"});
            return std::nullopt;
        }
        if (previous && *date < *previous) {
            problems_.push_back(
                {ColumnName(line, kDateColumn), date->ToString() + " comes before " + previous->ToString() + " on " +
                                                    LineName(previous_line) + "; rows must run oldest first"});
            return std::nullopt;
        }
        if (auto problem = rule_.DateProblem(*date)) {
            problems_.push_back({ColumnName(line, kDateColumn), *problem});
            return std::nullopt;
        }
        return *date;
    }

    std::optional<double> ReadValue(std::string_view field, std::size_t line) {
        if (text::Trim(field).empty()) {
            problems_.push_back({ColumnName(line, kValueColumn), "is empty; every row needs a value"});
            return std::nullopt;
        }
        auto value = text::ParseDouble(field);
        if (!value.ok()) {
            problems_.push_back({ColumnName(line, kValueColumn), value.status().message()});
            return std::nullopt;
        }
        if (auto problem = rule_.ValueProblem(*value)) {
            problems_.push_back({ColumnName(line, kValueColumn), *problem});
            return std::nullopt;
        }
        return *value;
    }

    const csv::Header& header_;
    const ValueRule& rule_;
    std::size_t date_column_;
    std::size_t value_column_;
    std::vector<FieldProblem>& problems_;
    std::optional<CivilDate> previous_date_;
    std::size_t previous_line_ = 0;
};

std::string Number(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string Label(Side side, std::string_view high, std::string_view low) {
    if (side == Side::kHigh) return std::string(high);
    if (side == Side::kLow) return std::string(low);
    return "";
}

std::vector<std::string> PointRow(const ChartPoint& point) {
    const SpecialCauses& causes = point.special_causes;
    std::string moving_range;
    std::string excluded;
    if (point.moving_range) {
        moving_range = Number(*point.moving_range);
        excluded = point.moving_range_excluded ? "true" : "false";
    }
    return {point.date.ToString(),
            Number(point.value),
            std::to_string(point.segment + 1),
            Number(point.mean),
            Number(point.lower_limit),
            Number(point.upper_limit),
            moving_range,
            excluded,
            Label(causes.beyond_limit, "upper", "lower"),
            Label(causes.run, "above", "below"),
            Label(causes.trend, "increasing", "decreasing"),
            Label(causes.two_of_three, "above", "below"),
            std::string(PointTypeName(point.type)),
            "",
            ""};
}

}  // namespace

std::optional<std::string> ValueRule::ValueProblem(double value) const {
    if ((min && value < *min) || (max && value > *max)) return Number(value) + " is not " + range_words;
    return std::nullopt;
}

std::optional<std::string> ValueRule::DateProblem(CivilDate date) const {
    if (latest && date > *latest) {
        return date.ToString() + " is in the future; a value is dated on or before " + latest->ToString();
    }
    return std::nullopt;
}

Result<std::vector<Observation>> ParseObservationsCsv(std::string_view text, const ValueRule& rule) {
    csv::Reader reader(text);
    bool has_header = false;
    do {
        CV_ASSIGN_OR_RETURN(has_header, reader.Next());
    } while (has_header && IsBlank(reader.fields()));
    if (!has_header) {
        return Status::InvalidArgument("the data is empty; expected a header row naming the date and value columns");
    }
    CV_ASSIGN_OR_RETURN(csv::Header header, ParseHeader(reader.fields()));

    std::vector<Observation> observations;
    std::vector<FieldProblem> problems;
    RowReader rows(header, rule, problems);
    while (problems.size() < kMaxReportedProblems) {
        auto more = reader.Next();
        if (!more.ok()) {
            // The reader's message starts "line N: "; the line goes in the field instead.
            std::string message = more.status().message();
            const std::string prefix = LineName(reader.line()) + ": ";
            if (text::StartsWith(message, prefix)) message.erase(0, prefix.size());
            problems.push_back({LineName(reader.line()), message});
            break;
        }
        if (!*more) break;
        if (IsBlank(reader.fields())) continue;
        rows.Read(reader.fields(), reader.line(), observations);
    }
    if (problems.size() >= kMaxReportedProblems) {
        problems.resize(kMaxReportedProblems);  // the last row read may have added two
        return Status::InvalidArgument("the data cannot be read as date,value rows (reading stopped after the first " +
                                           std::to_string(kMaxReportedProblems) + " problems)",
                                       std::move(problems));
    }
    if (!problems.empty()) {
        return Status::InvalidArgument("the data cannot be read as date,value rows", std::move(problems));
    }
    if (observations.empty()) return Status::InvalidArgument("the data has a header row but no rows of points");
    return observations;
}

std::string FormatChartCsv(const XmrChart& chart) {
    std::string out = csv::Row({"date", "value", "segment", "mean", "lower_limit", "upper_limit", "moving_range",
                                "moving_range_excluded", "beyond_limit", "run_of_7", "trend_of_7", "two_of_three",
                                "point_type", "variation_icon", "assurance_icon"});
    for (std::size_t at = 0; at < chart.points.size(); ++at) {
        std::vector<std::string> row = PointRow(chart.points[at]);
        if (at + 1 == chart.points.size()) {
            row[row.size() - 2] = std::string(VariationIconName(chart.variation_icon));
            row[row.size() - 1] = std::string(AssuranceIconName(chart.assurance_icon));
        }
        out += csv::Row(row);
    }
    return out;
}

}  // namespace carevoice::improvement
