// The expected range of a score (where an organisation with n respondents would fall by chance if it
// were as good as the nation, widened by the overdispersion τ²) and the rating a score earns against it.
// Pure functions; safe to call from any thread.
#pragma once

#include <string_view>

#include "core/status.hpp"
#include "experience/intervals.hpp"
#include "experience/normal.hpp"

namespace carevoice::experience {

// Percentage of positive answers (0–100), or the mean of the 0–10 rating item (Q59).
enum class Measure { kPercent, kMean };

// One year's parameters for one question, as in `cpes_2018_expected_range_parameters.csv`.
struct RangeParameters {
    Measure measure = Measure::kPercent;
    double centre = 0;  // the national score: percent (0–100), or points (0–10) for the mean
    double sd = 0;      // respondent-level SD of the 0–10 item; unused for percentages
    double tau2 = 0;    // additive overdispersion: proportion² (0–1 scale) for percentages, points² for the mean
};

enum class Rating { kBelow, kWithin, kAbove };

// "below", "within", "above": the words the publisher uses.
std::string_view RatingName(Rating rating);
// "percent_positive", "mean_0_10": the words of the parameters file.
std::string_view MeasureName(Measure measure);

// Fails naming the first value out of its domain (centre outside the scale, sd ≤ 0 for a mean, τ² < 0).
Status CheckParameters(const RangeParameters& parameters);

// centre ± z·sqrt(p0(1−p0)/n + τ²) for percentages (computed on the 0–1 scale, returned in percent),
// centre ± z·sqrt(sd²/n + τ²) for the mean; capped to the scale (0–100, or 0–10).
// Fails on n ≤ 0 or invalid parameters.
Result<Interval> ExpectedRange(const RangeParameters& parameters, int n, double z = kZ95);

// Above only if strictly above the upper limit, below only if strictly below the lower limit;
// a score on a limit is within. The score must be on the scale of the range (unrounded, see deciding_score.hpp).
Rating Rate(double score, Interval expected);

}  // namespace carevoice::experience
