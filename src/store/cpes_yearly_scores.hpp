// An organisation's published survey scores year by year, read from the stored CPES results (issue 3):
// the input of improvement::ObservationsFromCpes (a measure charted from the survey) and of
// partnership::EvaluateBuddyPlan (a mentee's items before and after its plan).
//
// The rows used are kind 'yearonyear' for all cancers, both sexes and every deprivation quintile:
// the publisher's series for comparing years (2015–2018 in the file carevoice ships), unadjusted for
// case mix as published, so every year is on the same footing.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "improvement/cpes_observations.hpp"
#include "partnership/buddy_plan.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

// The question that is a mean rating (0–10) rather than a percentage of positive answers.
inline constexpr const char* kCpesMeanRatingQuestion = "Q59";

// Every published year of `question` for the organisation with ODS code `org_code`, oldest first;
// suppressed years come with no score. Empty when the organisation or question has no results.
Result<std::vector<improvement::PublishedYearScore>> CpesYearlyScores(Connection& conn, const std::string& org_code,
                                                                      const std::string& question);

// The organisation's published score and respondents for each of `questions` in `year`, as buddy plan
// evaluation takes them; questions without a published score are left out.
Result<std::vector<partnership::ItemScore>> CpesItemScores(Connection& conn, const std::string& org_code, int year,
                                                           const std::vector<std::string>& questions);

}  // namespace carevoice::store
