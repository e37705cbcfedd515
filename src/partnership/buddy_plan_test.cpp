#include "partnership/buddy_plan.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::NamesField;

BuddyImprovementPlan Plan() {
    BuddyImprovementPlan plan;
    plan.mentor_code = "RR7";
    plan.mentee_code = "RD8";
    plan.pair_year = 2018;
    const PlanWindow window = DefaultBuddyPlanWindow(2018);
    plan.starts_on = window.starts_on;
    plan.ends_on = window.ends_on;
    plan.questions = {"Q13", "Q14", "Q17", "Q59"};
    plan.actions = {{0, "Shadow the mentor's CNS clinic", "Lead cancer nurse", D("2019-03-31"), ActionStatus::kOpen}};
    return plan;
}

TEST(BuddyPlanTest, TheDefaultWindowIsFebruaryToJulyAfterTheSurveyYear) {
    const PlanWindow window = DefaultBuddyPlanWindow(2018);
    EXPECT_EQ(window.starts_on, D("2019-02-01"));
    EXPECT_EQ(window.ends_on, D("2019-07-31"));
    EXPECT_TRUE(ValidateBuddyPlan(Plan()).ok());
}

TEST(BuddyPlanTest, ProblemsAreNamed) {
    BuddyImprovementPlan plan = Plan();
    plan.mentor_code = "RD8";
    plan.ends_on = plan.starts_on;
    plan.questions = {"Q13", "13", "Q13"};
    plan.actions.push_back({0, "", "", std::nullopt, ActionStatus::kOpen});
    const Status s = ValidateBuddyPlan(plan);
    EXPECT_TRUE(NamesField(s, "mentee_code"));
    EXPECT_TRUE(NamesField(s, "ends_on"));
    EXPECT_TRUE(NamesField(s, "questions"));
    EXPECT_TRUE(NamesField(s, "actions[2].description"));
    EXPECT_NE(s.message().find("'13' is not a question number"), std::string::npos);
    EXPECT_NE(s.message().find("list Q13 twice"), std::string::npos);
}

TEST(BuddyPlanTest, EvaluationSaysImprovedWorsenedOrNoRealChangePerItem) {
    // Q13: RD8's published 2017 and 2018 scores, 69% of 326 then 64% of 315:
    //   pooled p = (0.69·326 + 0.64·315) / 641 = 0.66543, z = −0.05 / sqrt(p(1 − p)(1/326 + 1/315)) = −1.34125,
    //   p = 0.1798: no real change.
    // Q14: 50% of 400 then 60% of 400: z = 0.1 / sqrt(0.55·0.45·(2/400)) = 2.84268, p = 0.00447: improved.
    // Q17: 60% of 400 then 50% of 400: z = −2.84268: worsened.
    // Q59: a mean rating: not evaluated.
    BuddyImprovementPlan plan = Plan();
    const std::vector<ItemScore> before = {
        {"Q13", 69, 326, true}, {"Q14", 50, 400, true}, {"Q17", 60, 400, true}, {"Q59", 8.52, 299, false}};
    const std::vector<ItemScore> after = {
        {"Q13", 64, 315, true}, {"Q14", 60, 400, true}, {"Q17", 50, 400, true}, {"Q59", 8.67, 329, false}};
    auto evaluation = EvaluateBuddyPlan(plan, before, after);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status().ToString();
    ASSERT_EQ(evaluation->size(), 4u);
    EXPECT_EQ((*evaluation)[0].outcome, ItemOutcome::kNoRealChange);
    EXPECT_NEAR((*evaluation)[0].test->z, -1.341251, 1e-6);
    EXPECT_NEAR((*evaluation)[0].test->p_value, 0.179839, 1e-6);
    EXPECT_EQ((*evaluation)[1].outcome, ItemOutcome::kImproved);
    EXPECT_NEAR((*evaluation)[1].test->z, 2.842676, 1e-6);
    EXPECT_NEAR((*evaluation)[1].test->p_value, 0.004474, 1e-6);
    EXPECT_EQ((*evaluation)[2].outcome, ItemOutcome::kWorsened);
    EXPECT_EQ((*evaluation)[3].outcome, ItemOutcome::kNotEvaluated);
    EXPECT_NE((*evaluation)[3].note.find("mean rating"), std::string::npos);
}

TEST(BuddyPlanTest, AnItemWithoutAScoreInOneYearIsNotEvaluated) {
    const std::vector<ItemScore> before = {{"Q13", 69, 326, true}};
    auto evaluation = EvaluateBuddyPlan(Plan(), before, {});
    ASSERT_TRUE(evaluation.ok());
    EXPECT_EQ((*evaluation)[0].outcome, ItemOutcome::kNotEvaluated);
    EXPECT_NE((*evaluation)[0].note.find("no published score after"), std::string::npos);
    EXPECT_NE((*evaluation)[1].note.find("no published score before"), std::string::npos);
}

TEST(BuddyPlanTest, ImpossibleFiguresFailNamingTheQuestion) {
    const std::vector<ItemScore> before = {{"Q13", 69, 0, true}};
    const std::vector<ItemScore> after = {{"Q13", 64, 315, true}};
    auto evaluation = EvaluateBuddyPlan(Plan(), before, after);
    ASSERT_FALSE(evaluation.ok());
    EXPECT_EQ(evaluation.status().message().rfind("Q13: ", 0), 0u) << evaluation.status().message();
}

}  // namespace
}  // namespace carevoice::partnership
