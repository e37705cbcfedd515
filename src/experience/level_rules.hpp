// How each level's published results are judged: which parameters its expected ranges use, which score
// decides its ratings, and whether a rating can be borderline. The one place this rule is written; the
// pages, the JSON API and `carevoice ratings` all go through it (app::LoadYearRatings). Pure.
#pragma once

#include <string_view>

#include "core/status.hpp"
#include "experience/expected_range.hpp"

namespace carevoice::experience {

enum class Level { kTrust, kCcg, kAlliance };

// "trust", "ccg", "alliance" (the words of the query strings and the CLI).
Result<Level> ParseLevel(std::string_view name);
std::string_view LevelName(Level level);

// What the user asked for: the published figures where there are any, or carevoice's own estimate.
enum class ParameterChoice {
    kPublishedIfAvailable,  // the published parameters (or, for CCGs and alliances, the published ranges)
    kOwnEstimate,           // carevoice's own centre and τ² for every question, from the level's organisations
};

// Where each question's centre and τ² come from.
enum class ParameterPlan {
    kStored,                // the year's stored parameters file; own estimate for questions it lacks
    kFitToPublishedRanges,  // fitted to this level's own published expected ranges (range_fit.hpp); own estimate
                            // for questions without published ranges
    kOwnEstimate,           // Spiegelhalter's estimate from this level's organisations (question_ratings.hpp)
};

struct LevelRule {
    ParameterPlan parameters = ParameterPlan::kStored;
    // true: the unrounded score recovered from the published 95% interval decides (deciding_score.hpp).
    // false: the interval was published rounded to the score's own precision and cannot recover it, so the
    // published score decides, a score whose expected-range limit rounds to it is borderline (borderline.hpp),
    // and the interval serves only to give the 0–10 item's respondent-level SD.
    bool interval_decides = true;
};

// Trusts: the published parameters (the 2018 file is the trusts'; it reproduces every published trust range)
// and the unrounded score. CCGs and cancer alliances: their limits were published rounded to whole percent
// and computed with each level's own centre and τ² (README.md, "How far the national comparisons can be
// trusted"), so their parameters are fitted to their own published ranges and their published score decides.
// A parameters file the caller gives (`parameters_given`) takes the place of the stored or fitted ones.
LevelRule RuleFor(Level level, ParameterChoice choice, bool parameters_given = false);

// The unit published scores are rounded to: one percentage point, or 0.01 of a point for the 0–10 item.
double PublishedRoundingUnit(Measure measure);

}  // namespace carevoice::experience
