// One year's fair comparison across organisations of one level: every question rated from the
// published numbers (with the year's published parameters, parameters fitted to the level's published
// ranges, or carevoice's own estimate, as the level's rule says), and the buddy matching built on those
// ratings. Pure: the caller loads the published rows.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "experience/borderline.hpp"
#include "experience/buddy.hpp"
#include "experience/expected_range.hpp"
#include "experience/level_rules.hpp"
#include "experience/parameters_file.hpp"
#include "experience/question_ratings.hpp"
#include "experience/range_fit.hpp"

namespace carevoice::experience {

// One organisation's published (case-mix adjusted) result for one question.
struct PublishedResult {
    std::string org_code;
    std::string org_name;
    std::string alliance;  // cancer alliance name or code; empty if none
    std::string question;
    std::optional<int> n;
    std::optional<double> score;
    std::optional<Interval> interval;  // the published 95% interval, if any
    std::optional<Interval> expected;  // the published expected range, if any
    std::string published_rating;      // as published ("" if none)
};

struct RatedResult {
    const PublishedResult* input = nullptr;
    bool suppressed = false;  // fewer respondents than the threshold, or no published score: nothing shown
    std::optional<RatedScore> rated;
    // Set when the rounded published score decided and a limit rounds to it (borderline.hpp).
    std::optional<Borderline> borderline;
};

struct QuestionSummary {
    ParameterSource source = ParameterSource::kPublished;
    RangeParameters parameters;
    std::optional<OverdispersionEstimate> estimate;
    std::optional<RangeFit> fit;  // how the parameters reproduce the published ranges, when source is kFitted
    int rated = 0, above = 0, within = 0, below = 0;
};

struct YearRatings {
    std::vector<RatedResult> results;                  // one per input, same order
    std::map<std::string, QuestionSummary> questions;  // by question id
};

// Rates every input under the level's `rule` (level_rules.hpp). With ParameterPlan::kStored, `published`
// parameters (may be empty) are used for the questions they cover; with kFitToPublishedRanges, each question's
// centre and τ² are fitted to the published expected ranges of the rated inputs (at least two; for the 0–10
// item with the respondent-level SD of carevoice's own estimate); other questions use carevoice's own estimate.
// Suppressed inputs are never rated or shown.
Result<YearRatings> RateYear(const std::vector<PublishedResult>& inputs,
                             const std::vector<QuestionParameters>& published, int suppression_threshold,
                             const LevelRule& rule = {});

// The buddy scheme's inputs from a year's ratings (organisation code, alliance, rated questions).
std::vector<BuddyOrganisation> BuddyInputs(const YearRatings& ratings);

}  // namespace carevoice::experience
