// The data of a funnel plot for one question: the centre line and the 95% and 99.8% limits as curves
// over a range of respondent counts. Each organisation's (n, score) point is plotted as it is; the SVG
// is drawn elsewhere.
#pragma once

#include <vector>

#include "core/status.hpp"
#include "experience/expected_range.hpp"
#include "experience/intervals.hpp"

namespace carevoice::experience {

// Enough points for a smooth curve at any plotted width, few enough to keep the SVG small.
inline constexpr int kDefaultFunnelPoints = 60;

struct FunnelPoint {
    int n = 0;
    Interval limits95;   // the expected range (z = 1.959964, as published)
    Interval limits998;  // 99.8% limits (z = Φ⁻¹(0.999))
};

struct FunnelCurves {
    double centre = 0;                // the centre line, on the score's scale
    std::vector<FunnelPoint> points;  // increasing n, from n_min to n_max inclusive
};

// Limits at up to `max_points` whole respondent counts spaced evenly on a log scale (the limits change
// fastest at small n), always including n_min and n_max. Limits include τ², as the expected range does.
// Fails if n_min ≤ 0, n_max < n_min, max_points < 2, or the parameters are invalid.
Result<FunnelCurves> FunnelLimits(const RangeParameters& parameters, int n_min, int n_max,
                                  int max_points = kDefaultFunnelPoints);

}  // namespace carevoice::experience
