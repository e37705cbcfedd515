#include "experience/deciding_score.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carevoice::experience {
namespace {

// Manchester University NHS FT, 2018, Q29: published 88 (n = 602, 95% CI 85.4559402–90.6030807), rated above an
// expected range of 82.45–88.11. Rated on the rounded 88 it would be within; the publisher rated the unrounded score.
const ScoreInput kPublishedQ29{88, 602, Interval{85.4559402, 90.6030807}, std::nullopt};

TEST(DecidingScoreTest, PercentageComesFromThePublishedWilsonInterval) {
    auto score = DecidingScore(Measure::kPercent, kPublishedQ29);
    ASSERT_TRUE(score.ok()) << score.status().ToString();
    EXPECT_GT(*score, 88.11);  // above the published upper limit, as the publisher rated it
    EXPECT_EQ(std::lround(*score), 88);
}

TEST(DecidingScoreTest, WithoutAnIntervalTheScoreIsUsedAsGiven) {
    auto score = DecidingScore(Measure::kPercent, {71.25, 300, std::nullopt, std::nullopt});
    ASSERT_TRUE(score.ok());
    EXPECT_EQ(*score, 71.25);
}

TEST(DecidingScoreTest, MeanComesFromTheCentreOfItsInterval) {
    auto score = DecidingScore(Measure::kMean, {9.03, 143, Interval{8.8, 9.2560551}, std::nullopt});
    ASSERT_TRUE(score.ok());
    EXPECT_NEAR(*score, 9.02802755, 1e-9);
}

TEST(DecidingScoreTest, AnIntervalOfAnotherScoreIsRejected) {
    auto score = DecidingScore(Measure::kPercent, {72, 602, Interval{85.4559402, 90.6030807}, std::nullopt});
    ASSERT_FALSE(score.ok());
    EXPECT_NE(score.status().message().find("not the published 72"), std::string::npos);
}

TEST(DecidingScoreTest, RejectsNoRespondents) {
    EXPECT_FALSE(DecidingScore(Measure::kPercent, {50, 0, std::nullopt, std::nullopt}).ok());
}

TEST(RespondentSdTest, RecoversTheSdFromAMeanInterval) {
    // 1.96·1.4/√100 = 0.2744.
    auto sd = RespondentSd({8.8, 100, Interval{8.5256, 9.0744}, std::nullopt});
    ASSERT_TRUE(sd.ok());
    ASSERT_TRUE(sd->has_value());
    EXPECT_NEAR(**sd, 1.4, 1e-12);
}

TEST(RespondentSdTest, IsAbsentWithoutSdOrInterval) {
    auto sd = RespondentSd({8.8, 100, std::nullopt, std::nullopt});
    ASSERT_TRUE(sd.ok());
    EXPECT_FALSE(sd->has_value());
}

}  // namespace
}  // namespace carevoice::experience
