// The special-cause rules of NHS England's "Making Data Count", applied to one segment of an XmR
// chart exactly as NHSRplotthedots applies them (R/ptd_calculate_point_type.R), and the point type
// (common cause, improvement, concern, neutral) that follows from them. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "improvement/xmr_limits.hpp"

namespace carevoice::improvement {

// Seven points in a row on one side of the mean (NHSRplotthedots ptd_seven_point_one_side_mean;
// Making Data Count "shift").
inline constexpr std::size_t kRunLength = 7;
// Seven points in a row each strictly higher (or lower) than the one before, i.e. six steps the
// same way (NHSRplotthedots ptd_seven_point_trend).
inline constexpr std::size_t kTrendLength = 7;

// Which way a point departs from common cause under one rule.
enum class Side {
    kNone,
    kHigh,  // above the upper limit, above the mean, or part of a rising trend
    kLow,   // below the lower limit, below the mean, or part of a falling trend
};

// Which rules flag a point. Every rule is judged within the point's own segment: runs, trends and
// "2 of 3" never reach across a rebase.
struct SpecialCauses {
    // Strictly beyond a process limit; a point exactly on a limit is not beyond it.
    Side beyond_limit = Side::kNone;
    // Part of kRunLength or more consecutive points strictly on one side of the mean. A point exactly
    // on the mean is on neither side (NHSRplotthedots' `sign(y - mean)` is 0) and so breaks a run.
    Side run = Side::kNone;
    // Part of kTrendLength or more consecutive points, each strictly higher (lower) than the last;
    // two equal neighbours break a trend. A point shared by a rising and a falling trend (a peak or
    // a trough) takes the direction of the later one, as NHSRplotthedots does.
    Side trend = Side::kNone;
    // Strictly between the two-thirds line and the limit (a point exactly on the limit counts, a
    // point exactly on the two-thirds line does not), in a window of 3 consecutive points that are
    // all strictly on the same side of the mean and of which at least 2 are in that zone. Points
    // beyond the limit are not "in the zone" (NHSRplotthedots `close_to_limits` excludes them), and
    // only the points in the zone are flagged, not the third point of the window.
    Side two_of_three = Side::kNone;

    bool Any() const;
    // The direction the point signals when several rules flag it, by NHSRplotthedots' precedence:
    // beyond a limit, then trend, then 2 of 3, then run. So a point above the mean that ends a
    // falling trend signals low.
    Side Signal() const;
    bool operator==(const SpecialCauses&) const = default;
};

// Which direction of change is an improvement. kNeutral: neither (NHSRplotthedots "neutral").
enum class ImprovementDirection {
    kNeutral,
    kIncrease,  // higher is better
    kDecrease,  // lower is better
};

// NHSRplotthedots' `point_type`.
enum class PointType {
    kCommonCause,
    kSpecialCauseImprovement,
    kSpecialCauseConcern,
    kSpecialCauseNeutralHigh,  // special cause signalling high when no direction is better
    kSpecialCauseNeutralLow,
};

// The rules for each point of one segment, given that segment's limits.
std::vector<SpecialCauses> FindSpecialCauses(std::span<const double> values, const ProcessLimits& limits);

// Improvement when the point signals the better direction, concern when it signals the worse one.
PointType ClassifyPoint(const SpecialCauses& causes, ImprovementDirection direction);

}  // namespace carevoice::improvement
