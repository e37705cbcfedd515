// Which published survey results count as evidence for a partnership group's work programme: the rule
// the programme page applies to every item of the group's organisation. An item counts when the trust is
// rated below its expected range (and the figure may be shown: enough respondents), or when it got
// significantly worse than the year before; an item can count both ways. The evidence comes from the
// newest published survey year up to the programme year, never a later one.
#pragma once

#include <optional>
#include <vector>

#include "experience/change_significance.hpp"
#include "experience/expected_range.hpp"
#include "partnership/work_programme.hpp"

namespace carevoice::partnership {

// One survey item of the group's organisation as the experience pages rated it.
struct SurveyItemOutcome {
    bool shown = false;                        // false: suppressed (too few respondents) or not rated
    std::optional<experience::Rating> rating;  // against the expected range, when rated
    std::optional<experience::Change> change;  // against the year before, when both years are comparable
};

// The kinds of evidence the item gives, in the order the programme page lists them: below expected
// first, then the worsening trend. Empty when it gives none.
std::vector<EvidenceKind> SurveyEvidenceKinds(const SurveyItemOutcome& item);

// The survey year a programme year's evidence rests on: the newest of `published_years` not after
// `programme_year`; none when every published year is later (or none is published).
std::optional<int> EvidenceSurveyYear(const std::vector<int>& published_years, int programme_year);

}  // namespace carevoice::partnership
