// Buddy improvement plans: a mentee trust and the mentor trust it was paired with (issue 3's
// matching, experience/buddy.hpp) agree a shared plan for a fixed period — the national scheme ran
// February to July — aimed at the survey items where the mentee was below expected, with actions;
// afterwards the mentee's scores on those items are compared before and after.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"
#include "experience/change_significance.hpp"
#include "partnership/meeting.hpp"

namespace carevoice::partnership {

struct BuddyPlanAction {
    std::int64_t id = 0;
    std::string description;
    std::string owner;  // a person or team at either trust, as the trusts name them
    std::optional<CivilDate> due_on;
    ActionStatus status = ActionStatus::kOpen;
    bool operator==(const BuddyPlanAction&) const = default;
};

struct BuddyImprovementPlan {
    std::int64_t id = 0;
    std::string mentor_code;  // ODS codes
    std::string mentee_code;
    int pair_year = 0;  // the survey year whose ratings made the pair
    CivilDate starts_on;
    CivilDate ends_on;
    std::vector<std::string> questions;  // the survey items it targets, "Q17"
    std::vector<BuddyPlanAction> actions;
    std::string summary;
};

struct PlanWindow {
    CivilDate starts_on;
    CivilDate ends_on;
};

// The national scheme's window: plans "implemented between February and July 2015" after the
// survey of 2014 — so for a pair made on survey year Y, 1 February to 31 July of Y + 1.
PlanWindow DefaultBuddyPlanWindow(int pair_year);

// Names every problem: mentor_code; mentee_code (empty, or the mentor's); pair_year; ends_on (not
// after starts_on); questions (none, repeated, or not a question number); actions[N].description.
Status ValidateBuddyPlan(const BuddyImprovementPlan& plan);

// The mentee's published result for one item in one year.
struct ItemScore {
    std::string question;
    double score = 0;  // percent (0–100), or points for the 0–10 rating item
    int n = 0;         // respondents
    bool is_percentage = true;
};

enum class ItemOutcome { kImproved, kWorsened, kNoRealChange, kNotEvaluated };

inline constexpr std::array<EnumName<ItemOutcome>, 4> kItemOutcomes = {{
    {ItemOutcome::kImproved, "improved", "Improved"},
    {ItemOutcome::kWorsened, "worsened", "Worsened"},
    {ItemOutcome::kNoRealChange, "no_real_change", "No real change"},
    {ItemOutcome::kNotEvaluated, "not_evaluated", "Not evaluated"},
}};

struct ItemEvaluation {
    std::string question;
    std::optional<ItemScore> before;
    std::optional<ItemScore> after;
    ItemOutcome outcome = ItemOutcome::kNotEvaluated;
    std::optional<experience::ChangeTest> test;
    std::string note;  // why an item was not evaluated
};

// For each of the plan's questions in order: the two-proportion test of experience/change_significance
// (95%) on the mentee's score and n before and after. Every CPES percentage counts positive answers, so
// a significant increase is an improvement. Not evaluated: no published score in one of the years
// (not yet published, or suppressed), or a mean rating (the 0–10 item), which is not a proportion.
// Fails if an item's figures are impossible (percent outside 0–100, n < 1), naming the question.
Result<std::vector<ItemEvaluation>> EvaluateBuddyPlan(const BuddyImprovementPlan& plan,
                                                      std::span<const ItemScore> before,
                                                      std::span<const ItemScore> after);

}  // namespace carevoice::partnership
