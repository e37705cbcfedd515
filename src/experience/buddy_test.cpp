#include "experience/buddy.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace carevoice::experience {
namespace {

QuestionResult Below(const char* question, double score) {
    return {question, Measure::kPercent, score, Rating::kBelow};
}
QuestionResult Above(const char* question, double score) {
    return {question, Measure::kPercent, score, Rating::kAbove};
}
QuestionResult Within(const char* question, double score) {
    return {question, Measure::kPercent, score, Rating::kWithin};
}

// A mentee below on Q1–Q3 at the given scores.
BuddyOrganisation Mentee(const char* code, double q1, double q2 = 50, double q3 = 50, const char* alliance = "") {
    return {code, alliance, {Below("Q1", q1), Below("Q2", q2), Below("Q3", q3)}};
}

TEST(MatchBuddiesTest, PairShowsTheQuestionsItCoversWithBothScores) {
    const std::vector<BuddyOrganisation> organisations = {
        Mentee("M", 60, 50, 40),
        {"X", "", {Above("Q1", 90), Within("Q2", 55), Above("Q3", 70)}},
    };
    auto plan = MatchBuddies(organisations);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    ASSERT_EQ(plan->pairs.size(), 1u);
    const BuddyPair& pair = plan->pairs[0];
    EXPECT_EQ(pair.mentee, "M");
    EXPECT_EQ(pair.mentor, "X");
    ASSERT_EQ(pair.covered.size(), 2u);
    EXPECT_EQ(pair.covered[0].question, "Q1");
    EXPECT_EQ(pair.covered[0].mentor_score, 90);
    EXPECT_EQ(pair.covered[0].mentee_score, 60);
    EXPECT_EQ(pair.covered[1].question, "Q3");
    EXPECT_EQ(pair.advantage, 60);  // (90 − 60) + (70 − 40)
    EXPECT_EQ(plan->total_weight, 60);
}

TEST(MatchBuddiesTest, AMentorTakesNoMoreThanItsCapacity) {
    const std::vector<BuddyOrganisation> organisations = {
        Mentee("M1", 60), Mentee("M2", 65), Mentee("M3", 70), {"X", "", {Above("Q1", 90)}}};
    auto plan = MatchBuddies(organisations, {.min_below = 3, .mentor_capacity = 2, .same_alliance_bonus = 0});
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    ASSERT_EQ(plan->pairs.size(), 2u);
    EXPECT_EQ(plan->pairs[0].mentee, "M1");
    EXPECT_EQ(plan->pairs[1].mentee, "M2");
}

TEST(MatchBuddiesTest, AMenteeLeftOutByAFullMentorIsToldWhy) {
    const std::vector<BuddyOrganisation> organisations = {
        Mentee("M1", 60), Mentee("M2", 65), Mentee("M3", 70), {"X", "", {Above("Q1", 90)}}};
    auto plan = MatchBuddies(organisations);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->unmatched.size(), 1u);
    EXPECT_EQ(plan->unmatched[0].mentee, "M3");
    EXPECT_EQ(plan->unmatched[0].reason, UnmatchedReason::kEligibleMentorsAtCapacity);
    EXPECT_EQ(plan->unmatched[0].eligible_mentors, (std::vector<std::string>{"X"}));
}

TEST(MatchBuddiesTest, AMenteeWithNoEligibleMentorIsReportedWithTheReason) {
    const std::vector<BuddyOrganisation> organisations = {Mentee("M", 60), {"X", "", {Above("Q4", 90)}}};
    auto plan = MatchBuddies(organisations);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->pairs.empty());
    ASSERT_EQ(plan->unmatched.size(), 1u);
    EXPECT_EQ(plan->unmatched[0].reason, UnmatchedReason::kNoEligibleMentor);
    EXPECT_EQ(plan->unmatched[0].below_questions, (std::vector<std::string>{"Q1", "Q2", "Q3"}));
    EXPECT_TRUE(plan->unmatched[0].eligible_mentors.empty());
}

TEST(MatchBuddiesTest, TheSameAllianceBonusChangesTheChoice) {
    const std::vector<BuddyOrganisation> organisations = {
        Mentee("M", 60, 50, 50, "North"),
        {"X", "South", {Above("Q1", 90)}},  // advantage 30
        {"Y", "North", {Above("Q1", 85)}},  // advantage 25
    };
    auto without_bonus = MatchBuddies(organisations);
    ASSERT_TRUE(without_bonus.ok());
    EXPECT_EQ(without_bonus->pairs.at(0).mentor, "X");
    auto with_bonus = MatchBuddies(organisations, {.same_alliance_bonus = 10});
    ASSERT_TRUE(with_bonus.ok());
    EXPECT_EQ(with_bonus->pairs.at(0).mentor, "Y");
    EXPECT_TRUE(with_bonus->pairs.at(0).same_alliance);
    EXPECT_EQ(with_bonus->pairs.at(0).weight, 35);
}

TEST(MatchBuddiesTest, ChoosesTheBestTotalNotTheBestFirstPair) {
    // Greedy would give X to M1 (advantage 50) and leave M2 without a mentor; the optimum is 45 + 45 = 90.
    const std::vector<BuddyOrganisation> organisations = {
        {"M1", "", {Below("Q1", 40), Below("Q2", 40), Below("Q3", 40)}},
        {"M2", "", {Below("Q1", 45), Below("Q4", 45), Below("Q5", 45)}},
        {"X", "", {Above("Q1", 90)}},
        {"Y", "", {Above("Q2", 85)}},
    };
    auto plan = MatchBuddies(organisations, {.min_below = 3, .mentor_capacity = 1, .same_alliance_bonus = 0});
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->pairs.size(), 2u);
    EXPECT_EQ(plan->pairs[0].mentor, "Y");
    EXPECT_EQ(plan->pairs[1].mentor, "X");
    EXPECT_EQ(plan->total_weight, 90);
}

TEST(MatchBuddiesTest, AMenteeIsNeverAMentor) {
    // A is above on Q4 where C is below, but A is itself a mentee.
    const std::vector<BuddyOrganisation> organisations = {
        {"A", "", {Below("Q1", 40), Below("Q2", 40), Below("Q3", 40), Above("Q4", 90)}},
        {"C", "", {Below("Q4", 40), Below("Q5", 40), Below("Q6", 40)}},
    };
    auto plan = MatchBuddies(organisations);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->pairs.empty());
    EXPECT_EQ(plan->unmatched.size(), 2u);
}

TEST(MatchBuddiesTest, BelowOnFewerThanKQuestionsIsNotAMentee) {
    const std::vector<BuddyOrganisation> organisations = {
        {"M", "", {Below("Q1", 60), Below("Q2", 60)}},
        {"X", "", {Above("Q1", 90)}},
    };
    auto plan = MatchBuddies(organisations);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->pairs.empty());
    EXPECT_TRUE(plan->unmatched.empty());
    auto with_k2 = MatchBuddies(organisations, {.min_below = 2});
    ASSERT_TRUE(with_k2.ok());
    EXPECT_EQ(with_k2->pairs.size(), 1u);
}

TEST(MatchBuddiesTest, TheZeroToTenItemWeighsLikePercentagePoints) {
    const std::vector<BuddyOrganisation> organisations = {
        {"M", "", {{"Q59", Measure::kMean, 8.5, Rating::kBelow}}},
        {"X", "", {{"Q59", Measure::kMean, 9.1, Rating::kAbove}}},
    };
    auto plan = MatchBuddies(organisations, {.min_below = 1});
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->pairs.size(), 1u);
    EXPECT_NEAR(plan->pairs[0].advantage, 6, 1e-12);  // 0.6 points × 10
}

TEST(MatchBuddiesTest, RejectsAnOrganisationListedTwice) {
    const std::vector<BuddyOrganisation> organisations = {Mentee("M", 60), Mentee("M", 60)};
    auto plan = MatchBuddies(organisations);
    ASSERT_FALSE(plan.ok());
    EXPECT_NE(plan.status().message().find("M is listed twice"), std::string::npos);
}

TEST(MatchBuddiesTest, RejectsAQuestionGivenTwiceForOneOrganisation) {
    const std::vector<BuddyOrganisation> organisations = {{"M", "", {Below("Q1", 60), Below("Q1", 61)}}};
    EXPECT_FALSE(MatchBuddies(organisations).ok());
}

TEST(MatchBuddiesTest, RejectsKBelowOne) {
    const std::vector<BuddyOrganisation> organisations = {Mentee("M", 60)};
    EXPECT_FALSE(MatchBuddies(organisations, {.min_below = 0}).ok());
}

TEST(MatchBuddiesTest, RejectsANegativeBonus) {
    const std::vector<BuddyOrganisation> organisations = {Mentee("M", 60)};
    EXPECT_FALSE(MatchBuddies(organisations, {.same_alliance_bonus = -1}).ok());
}

}  // namespace
}  // namespace carevoice::experience
