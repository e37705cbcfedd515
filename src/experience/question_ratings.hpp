// Rating every organisation on one question of one year: each one's 95% interval, expected range and
// rating, from the year's published parameters or — when there are none — from parameters carevoice
// estimates itself (national score as centre, Spiegelhalter τ²), saying which was used.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "experience/deciding_score.hpp"
#include "experience/expected_range.hpp"
#include "experience/intervals.hpp"
#include "experience/overdispersion.hpp"

namespace carevoice::experience {

// Where a question's centre and τ² came from; the page says which.
enum class ParameterSource {
    kPublished,  // the year's parameters file
    kEstimated,  // carevoice's own estimate from the organisations rated (Spiegelhalter)
    kFitted,     // fitted to the level's own published expected ranges (range_fit.hpp)
};

// "published", "estimated", "fitted".
std::string_view ParameterSourceName(ParameterSource source);

struct RatedScore {
    double deciding_score = 0;  // the unrounded score the rating was decided on (deciding_score.hpp)
    Interval interval;          // the organisation's 95% interval (Wilson, or mean ± 1.96·s/√n)
    Interval expected;          // its expected range
    Rating rating = Rating::kWithin;
};

struct QuestionRatings {
    ParameterSource source = ParameterSource::kPublished;
    RangeParameters parameters;                      // the ones used
    std::optional<OverdispersionEstimate> estimate;  // how they were estimated, when source is kEstimated
    std::vector<std::optional<RatedScore>> scores;   // one per input, in order; nullopt when suppressed
};

// Rates each input on `measure`. Inputs with fewer than `suppression_threshold` respondents are not rated
// (and take no part in an estimate). With `published` parameters those are used; otherwise:
//   centre = Σ n·score / Σ n over the rated inputs (the national score), and for the 0–10 item the
//   national SD = sqrt(Σ n·sd² / Σ n) from each input's SD (given, or recovered from its published interval);
//   τ² = Spiegelhalter's estimate from the inputs' deciding scores, with null standard errors
//   sqrt(p0(1−p0)/n) on the 0–1 scale for percentages, or sd/√n for the mean.
// For the 0–10 item, an input's interval uses its own SD when known, else the national SD.
// Fails naming the input (1-based) that is wrong, or if an estimate is impossible (fewer than two rated inputs,
// or a 0–10 input without any SD).
Result<QuestionRatings> RateQuestion(Measure measure, std::span<const ScoreInput> inputs,
                                     const std::optional<RangeParameters>& published, int suppression_threshold);

}  // namespace carevoice::experience
