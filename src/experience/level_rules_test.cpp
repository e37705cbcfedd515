#include "experience/level_rules.hpp"

#include <gtest/gtest.h>

namespace carevoice::experience {
namespace {

TEST(LevelRulesTest, TrustsUseThePublishedParametersAndTheUnroundedScore) {
    const LevelRule rule = RuleFor(Level::kTrust, ParameterChoice::kPublishedIfAvailable);
    EXPECT_EQ(rule.parameters, ParameterPlan::kStored);
    EXPECT_TRUE(rule.interval_decides);
}

TEST(LevelRulesTest, CcgsAndAlliancesFitTheirOwnPublishedRangesAndThePublishedScoreDecides) {
    for (const Level level : {Level::kCcg, Level::kAlliance}) {
        const LevelRule rule = RuleFor(level, ParameterChoice::kPublishedIfAvailable);
        EXPECT_EQ(rule.parameters, ParameterPlan::kFitToPublishedRanges) << LevelName(level);
        EXPECT_FALSE(rule.interval_decides) << LevelName(level);
    }
}

TEST(LevelRulesTest, OwnEstimateIsEveryLevelsOwnButKeepsWhichScoreDecides) {
    for (const Level level : {Level::kTrust, Level::kCcg, Level::kAlliance}) {
        const LevelRule rule = RuleFor(level, ParameterChoice::kOwnEstimate);
        EXPECT_EQ(rule.parameters, ParameterPlan::kOwnEstimate) << LevelName(level);
        EXPECT_EQ(rule.interval_decides, level == Level::kTrust) << LevelName(level);
    }
}

TEST(LevelRulesTest, AGivenParametersFileTakesThePlaceOfStoredOrFittedOnes) {
    for (const Level level : {Level::kTrust, Level::kCcg, Level::kAlliance}) {
        for (const auto choice : {ParameterChoice::kPublishedIfAvailable, ParameterChoice::kOwnEstimate}) {
            EXPECT_EQ(RuleFor(level, choice, true).parameters, ParameterPlan::kStored) << LevelName(level);
        }
    }
    EXPECT_FALSE(RuleFor(Level::kCcg, ParameterChoice::kPublishedIfAvailable, true).interval_decides);
}

TEST(LevelRulesTest, ParsesTheWordsOfQueriesAndTheCommandLine) {
    for (const Level level : {Level::kTrust, Level::kCcg, Level::kAlliance}) {
        auto parsed = ParseLevel(LevelName(level));
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(*parsed, level);
    }
    EXPECT_EQ(LevelName(Level::kAlliance), "alliance");
    EXPECT_FALSE(ParseLevel("Trust").ok());
    EXPECT_FALSE(ParseLevel("national").ok());
}

TEST(LevelRulesTest, ScoresArePublishedToWholePercentOrHundredthsOfAPoint) {
    EXPECT_EQ(PublishedRoundingUnit(Measure::kPercent), 1);
    EXPECT_EQ(PublishedRoundingUnit(Measure::kMean), 0.01);
}

}  // namespace
}  // namespace carevoice::experience
