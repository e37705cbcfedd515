// An XmR (individuals and moving range) chart for one measure as NHS England's "Making Data Count"
// draws it, computed the way the NHS-R community's NHSRplotthedots `ptd_spc` does: segments
// (rebasing), process limits, special causes, and the variation and assurance icons.
// Pure computation; reading `date,value` CSV and writing the chart as CSV live in spc_csv.hpp.
//
// How a chart is built (NHSRplotthedots R/ptd_spc.R and the files it calls):
//  - Observations must be in strictly increasing date order (one value per date).
//  - Each rebase date starts a new segment at the point with that date; the segment runs to the
//    point before the next rebase date. Mean, moving ranges, limits and every special-cause rule
//    use that segment's points only (the first point of a segment has no moving range).
//    A rebase date that is not the date of a point is an error here; NHSRplotthedots silently
//    ignores it. A rebase on the first point's date changes nothing.
//  - Limits: see xmr_limits.hpp. Rules and point types: see special_cause.hpp.
//  - A segment needs at least 2 points (one moving range); NHSRplotthedots would give NaN limits.
//  - Fewer than kMinimumPoints in a segment gives a warning: its limits are trial limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "improvement/special_cause.hpp"
#include "improvement/xmr_limits.hpp"

namespace carevoice::improvement {

// Making Data Count: limits from fewer than 12 points are trial limits. NHSRplotthedots warns
// "Some groups have 'n < 12' observations" (ptd_add_short_group_warnings.R; its code's default
// threshold is 13 although its documentation and message say 12; we follow the documentation).
inline constexpr std::size_t kMinimumPoints = 12;

struct Observation {
    CivilDate date;
    double value = 0;
    bool operator==(const Observation&) const = default;
};

struct SpcOptions {
    // Default neutral: no direction is better (NHSRplotthedots defaults to "increase"; the CLI's
    // --better is optional, and without it there is no improvement or concern to judge).
    ImprovementDirection direction = ImprovementDirection::kNeutral;
    std::optional<double> target;
    // Each must be the date of an observation; that observation starts a new segment.
    std::vector<CivilDate> rebase_dates;
    // Default: leave out large moving ranges, as NHSRplotthedots does.
    MovingRangeScreening screening = MovingRangeScreening::kExcludeLarge;
};

// A run of points sharing one mean and one pair of limits.
struct Segment {
    std::size_t first_point = 0;  // index into XmrChart::points
    std::size_t point_count = 0;
    ProcessLimits limits;
    bool too_few_points = false;  // point_count < kMinimumPoints: trial limits
};

struct ChartPoint {
    CivilDate date;
    double value = 0;
    std::size_t segment = 0;  // index into XmrChart::segments
    // Absent for the first point of a segment.
    std::optional<double> moving_range;
    // The moving range was left out of the segment's mean moving range.
    bool moving_range_excluded = false;
    // The segment's, repeated on each point for convenience.
    double mean = 0;
    double lower_limit = 0;
    double upper_limit = 0;
    SpecialCauses special_causes;
    PointType type = PointType::kCommonCause;
};

// Making Data Count's variation icons, from the latest point (NHSRplotthedots geom_ptd_icon.R).
enum class VariationIcon {
    kCommonCause,
    kImprovementHigh,  // special cause improvement, higher is better
    kImprovementLow,   // special cause improvement, lower is better
    kConcernHigh,      // special cause concern, lower is better (so high is worrying)
    kConcernLow,       // special cause concern, higher is better
    kNeutralHigh,      // special cause, no direction is better
    kNeutralLow,
};

// Making Data Count's assurance icons: can the process be relied on to meet the target?
enum class AssuranceIcon {
    kNone,              // no target, or no direction is better
    kConsistentlyPass,  // the target lies beyond the limit on the worse side
    kConsistentlyFail,  // the target lies beyond the limit on the better side
    kHitAndMiss,        // the target lies between the limits, or exactly on one
};

struct XmrChart {
    std::vector<ChartPoint> points;
    std::vector<Segment> segments;
    VariationIcon variation_icon = VariationIcon::kCommonCause;
    AssuranceIcon assurance_icon = AssuranceIcon::kNone;
    // Things a reader should know, e.g. that limits come from fewer than kMinimumPoints points.
    std::vector<std::string> warnings;
};

// Fails (InvalidArgument) on no observations, dates not strictly increasing, a value or target that
// is not finite, a rebase date that is not an observation's date, or a segment of one point.
Result<XmrChart> ComputeXmrChart(const std::vector<Observation>& observations, const SpcOptions& options);

// From the type of the latest point: improvement and concern are drawn high or low according to
// which direction is better.
VariationIcon VariationIconFor(PointType latest, ImprovementDirection direction);

// From where the target sits against the latest segment's limits; strictly beyond a limit to
// consistently pass or fail (NHSRplotthedots ptd_calculate_assurance_type.R).
AssuranceIcon AssuranceIconFor(std::optional<double> target, const ProcessLimits& latest,
                               ImprovementDirection direction);

// Stable machine-readable names for CSV and JSON, e.g. "special_cause_improvement",
// "improvement_high", "consistently_pass"; "none" for AssuranceIcon::kNone.
std::string_view PointTypeName(PointType type);
std::string_view VariationIconName(VariationIcon icon);
std::string_view AssuranceIconName(AssuranceIcon icon);

// "higher" (kIncrease), "lower" (kDecrease) or "neutral", as the CLI's --better takes them.
Result<ImprovementDirection> ParseImprovementDirection(std::string_view text);

}  // namespace carevoice::improvement
