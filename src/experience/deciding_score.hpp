// Which score decides a rating. Published scores are rounded (whole percent; the 0–10 item to two
// decimals), but the publisher rated the unrounded score — which its published 95% interval still carries.
#pragma once

#include <optional>

#include "core/status.hpp"
#include "experience/expected_range.hpp"
#include "experience/intervals.hpp"

namespace carevoice::experience {

// One organisation's result for one question, as published or uploaded.
struct ScoreInput {
    double score = 0;                            // percent (0–100) or points (0–10), possibly rounded
    int n = 0;                                   // respondents to the question
    std::optional<Interval> published_interval;  // the organisation's published 95% interval, if any
    std::optional<double> sd;                    // respondent-level SD (0–10 item only), if known
};

// The unrounded score the publisher rated: for percentages, recovered from the published Wilson interval
// (see PercentFromWilson); for the 0–10 item, the centre of the published interval; without an interval,
// the score as given. Fails if n ≤ 0, or if the interval does not belong to the score (the recovered value
// would not round to it), which means the interval and the score were mixed up.
Result<double> DecidingScore(Measure measure, const ScoreInput& input);

// The respondent-level SD of a 0–10 item result: the given one, else recovered from its published
// interval, else nullopt.
Result<std::optional<double>> RespondentSd(const ScoreInput& input);

}  // namespace carevoice::experience
