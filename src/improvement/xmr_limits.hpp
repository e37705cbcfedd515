// Process limits of one segment of an XmR chart: the mean, the mean moving range, the limits at
// mean ± 2.66 × mean moving range and the lines two-thirds of the way to them. Computed as the
// NHS-R community's NHSRplotthedots does it (R/ptd_spc_standard.R). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <span>

namespace carevoice::improvement {

// 3 / d2 with d2 = 1.128 for moving ranges of two points (Wheeler, "Understanding Variation");
// NHSRplotthedots ptd_spc_standard.R `limit <- 2.66`, the Making Data Count spreadsheet likewise.
inline constexpr double kLimitMultiplier = 2.66;
// Two-thirds of the way from the mean to a limit: the edge of the zone the "2 of 3" rule watches
// (NHSRplotthedots ptd_spc_standard.R `limitclose <- 2 * (limit / 3)`).
inline constexpr double kNearLimitMultiplier = 2 * (kLimitMultiplier / 3);
// D4 for moving ranges of two points: the upper range limit. A moving range above 3.267 × the mean
// moving range is an outlier that would inflate the limits (NHSRplotthedots `screen_outliers`).
inline constexpr double kMovingRangeCeilingMultiplier = 3.267;

// Whether moving ranges above kMovingRangeCeilingMultiplier × the mean moving range are left out
// of the mean moving range. NHSRplotthedots leaves them out by default (`screen_outliers = TRUE`);
// the Making Data Count spreadsheet keeps them.
enum class MovingRangeScreening {
    kExcludeLarge,
    kKeepAll,
};

struct ProcessLimits {
    double mean = 0;
    // Mean of the moving ranges that were kept; the limits are built from this.
    double mean_moving_range = 0;
    // kMovingRangeCeilingMultiplier × the mean of all the moving ranges. With kExcludeLarge, moving
    // ranges strictly above this were left out of mean_moving_range, which was then computed once more
    // (once only: the smaller mean does not screen again). NHSRplotthedots keeps a moving range only
    // if it is strictly below the ceiling; the two differ only for a range exactly on it, which in
    // practice means a flat series (every range 0), where NHSRplotthedots leaves no range and its
    // limits become NaN while here they sit on the mean.
    double moving_range_ceiling = 0;
    std::size_t moving_ranges_excluded = 0;
    double lower_limit = 0;       // mean - kLimitMultiplier × mean_moving_range
    double upper_limit = 0;       // mean + kLimitMultiplier × mean_moving_range
    double lower_two_thirds = 0;  // mean - kNearLimitMultiplier × mean_moving_range
    double upper_two_thirds = 0;  // mean + kNearLimitMultiplier × mean_moving_range
};

// The moving range of a point: the absolute difference from the point before it.
double MovingRange(double previous, double current);

// The limits of one segment. Requires at least two values (one moving range); limits are not
// clipped to any natural bound (a percentage's limits may pass 0 or 100), as NHSRplotthedots does not.
ProcessLimits ComputeProcessLimits(std::span<const double> values, MovingRangeScreening screening);

}  // namespace carevoice::improvement
