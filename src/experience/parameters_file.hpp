// Reading one year's expected-range parameters file (e.g. `cpes_2018_expected_range_parameters.csv`):
// per question, the measure, the national centre, the SD of the 0–10 item and τ².
// Every problem is reported with its line and column, all at once, so a person can fix the file in one go.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "experience/expected_range.hpp"

namespace carevoice::experience {

struct QuestionParameters {
    std::string question;  // "Q1" … "Q59"
    RangeParameters parameters;
};

// Columns (any order, extra columns ignored): question, measure (percent_positive | mean_0_10),
// national_adjusted, tau2, and sd (needed only by mean_0_10 rows; ignored for percentages).
// Fails with one FieldProblem per problem, e.g. {"line 7, column tau2", "'abc' is not a number"}.
Result<std::vector<QuestionParameters>> ParseParametersCsv(std::string_view text);

// The parameters of `question`, or nullptr if the file has none for it.
const QuestionParameters* FindQuestion(const std::vector<QuestionParameters>& table, std::string_view question);

}  // namespace carevoice::experience
