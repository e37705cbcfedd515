// Recovering one level's expected-range parameters (centre and τ²) from the expected ranges it was published
// with. NHS England computed the 2018 CCG and cancer alliance ranges with each level's own centre and τ², and
// published them rounded (whole percent; 0.01 of a point for the 0–10 item): a published range is evidence of
// those parameters. Pure functions; safe to call from any thread.
#pragma once

#include <span>

#include "core/status.hpp"
#include "experience/expected_range.hpp"
#include "experience/intervals.hpp"

namespace carevoice::experience {

// One organisation's published expected range and the respondents it was computed for.
struct PublishedRange {
    int n = 0;
    Interval limits;  // as published: rounded to the fit's rounding unit
};

struct RangeFit {
    RangeParameters parameters;  // the fitted centre and τ² (and the sd it was given, for the 0–10 item)
    int ranges = 0;              // published ranges the fit was given
    int limits_reproduced = 0;   // of 2·ranges, the limits that ExpectedRange reproduces after rounding
    int ranges_reproduced = 0;   // ranges whose both limits are reproduced
};

// True when `value` rounded to the nearest multiple of `unit` (halves away from zero) is `published`.
bool RoundsTo(double value, double published, double unit);

// Searches (centre, τ²) for the parameters whose expected ranges (ExpectedRange, z = 1.959964), rounded to
// `rounding_unit`, reproduce the most published limits. For a fixed centre each limit allows an interval of τ²
// (a rounded limit L allows the unrounded one anywhere in [L − unit/2, L + unit/2); a limit at the edge of the
// scale was capped, and allows any wider range), so the best τ² is where most of those intervals overlap.
// The centre is searched on a grid of unit/2000 inside the centres every uncapped range allows (its
// midpoint ± unit/2). Of the best points it takes the middle of the longest run of centres, and the middle
// of their τ² interval: the point farthest from every rounding edge.
// `sd` is the respondent-level SD for the 0–10 item (ignored for percentages). Fails on no ranges, n ≤ 0, a
// non-positive unit or sd, or limits outside the scale.
Result<RangeFit> FitRangeParameters(Measure measure, std::span<const PublishedRange> ranges, double sd,
                                    double rounding_unit);

}  // namespace carevoice::experience
