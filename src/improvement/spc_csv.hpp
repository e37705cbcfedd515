// CSV in and out for XmR charts: reading `date,value` rows into observations (naming the line and
// column of every problem) and writing a computed chart as one CSV row per point.
// Pure functions over text held in memory; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "improvement/spc.hpp"

namespace carevoice::improvement {

// At most this many problems are listed before reading gives up, so that a wrong file does not
// produce a message as long as itself.
inline constexpr std::size_t kMaxReportedProblems = 20;

// What a measure allows of a value beyond being a number (measure.hpp's ValueRuleFor): a range, and a
// latest date. Each check gives the problem in words, or none.
struct ValueRule {
    std::optional<double> min, max;
    std::string range_words;          // "a percentage: a number from 0 to 100"
    std::optional<CivilDate> latest;  // no value may be dated after it (today)
    std::optional<std::string> ValueProblem(double value) const;
    std::optional<std::string> DateProblem(CivilDate date) const;
};

// Reads CSV text whose header row names a `date` and a `value` column (any case, any order, other
// columns ignored), one row per point: date as YYYY-MM-DD, value a finite number. Rows must run
// oldest first with each date once. Blank lines are skipped.
// Fails with InvalidArgument whose details name each problem as {"line N, column date", "..."}:
// missing columns, a row with the wrong number of fields, a bad date or number, a date out of order
// or repeated, a value or date `rule` refuses, no rows at all.
Result<std::vector<Observation>> ParseObservationsCsv(std::string_view text, const ValueRule& rule = {});

// The chart as CSV (RFC 4180, CRLF line ends), a header row then one row per point:
//   date             YYYY-MM-DD
//   value            the observation
//   segment          1 for the first segment, 2 from the first rebase, ...
//   mean             the segment's mean
//   lower_limit      the segment's lower process limit
//   upper_limit      the segment's upper process limit
//   moving_range     |value - previous value|; empty on a segment's first point
//   moving_range_excluded  "true" if that moving range was left out of the mean moving range;
//                    "false" otherwise; empty when there is no moving range
//   beyond_limit     "upper", "lower" or empty
//   run_of_7         "above", "below" or empty (part of 7+ points on one side of the mean)
//   trend_of_7       "increasing", "decreasing" or empty (part of 7+ points rising or falling)
//   two_of_three     "above", "below" or empty (2 of 3 points in the outer third of the limits)
//   point_type       PointTypeName: common_cause, special_cause_improvement, ...
//   variation_icon   VariationIconName; on the last row only, as the icon describes the latest point
//   assurance_icon   AssuranceIconName; on the last row only, as it uses the latest segment's limits
// Numbers are written in the shortest form that reads back to the same double (e.g. 12.66, 1e-05).
std::string FormatChartCsv(const XmrChart& chart);

}  // namespace carevoice::improvement
