#include "improvement/special_cause.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace carevoice::improvement {
namespace {

// Limits set by hand so that each rule can be read off the values: mean 10, process limits 4 and
// 16, two-thirds lines 6 and 14. (The rules only look at these five numbers.)
ProcessLimits HandLimits() {
    ProcessLimits limits;
    limits.mean = 10;
    limits.lower_limit = 4;
    limits.upper_limit = 16;
    limits.lower_two_thirds = 6;
    limits.upper_two_thirds = 14;
    return limits;
}

std::vector<Side> BeyondLimitSides(const std::vector<SpecialCauses>& causes) {
    std::vector<Side> out;
    for (const auto& c : causes) out.push_back(c.beyond_limit);
    return out;
}
std::vector<Side> RunSides(const std::vector<SpecialCauses>& causes) {
    std::vector<Side> out;
    for (const auto& c : causes) out.push_back(c.run);
    return out;
}
std::vector<Side> TrendSides(const std::vector<SpecialCauses>& causes) {
    std::vector<Side> out;
    for (const auto& c : causes) out.push_back(c.trend);
    return out;
}
std::vector<Side> TwoOfThreeSides(const std::vector<SpecialCauses>& causes) {
    std::vector<Side> out;
    for (const auto& c : causes) out.push_back(c.two_of_three);
    return out;
}

constexpr Side kNo = Side::kNone;
constexpr Side kHi = Side::kHigh;
constexpr Side kLo = Side::kLow;

TEST(SpecialCauseTest, PointAboveUpperLimitIsBeyondHigh) {
    const auto causes = FindSpecialCauses(std::vector<double>{10, 17, 10}, HandLimits());
    EXPECT_EQ(BeyondLimitSides(causes), (std::vector<Side>{kNo, kHi, kNo}));
}

TEST(SpecialCauseTest, PointBelowLowerLimitIsBeyondLow) {
    const auto causes = FindSpecialCauses(std::vector<double>{10, 3, 10}, HandLimits());
    EXPECT_EQ(BeyondLimitSides(causes), (std::vector<Side>{kNo, kLo, kNo}));
}

TEST(SpecialCauseTest, PointExactlyOnALimitIsNotSpecialCause) {
    // 16 and 4 sit on the limits; neighbours on the other side of the mean keep "2 of 3" quiet.
    const auto causes = FindSpecialCauses(std::vector<double>{10, 16, 4, 10}, HandLimits());
    for (const auto& c : causes) EXPECT_FALSE(c.Any());
}

TEST(SpecialCauseTest, SevenPointsAboveTheMeanAreARunHigh) {
    const auto causes = FindSpecialCauses(std::vector<double>{9, 11, 12, 11, 12, 11, 12, 11}, HandLimits());
    EXPECT_EQ(RunSides(causes), (std::vector<Side>{kNo, kHi, kHi, kHi, kHi, kHi, kHi, kHi}));
}

TEST(SpecialCauseTest, SevenPointsBelowTheMeanAreARunLow) {
    const auto causes = FindSpecialCauses(std::vector<double>{9, 8, 9, 8, 9, 8, 9}, HandLimits());
    EXPECT_EQ(RunSides(causes), (std::vector<Side>(7, kLo)));
}

TEST(SpecialCauseTest, SixPointsOnOneSideAreNotARun) {
    const auto causes = FindSpecialCauses(std::vector<double>{11, 12, 11, 12, 11, 12, 9}, HandLimits());
    EXPECT_EQ(RunSides(causes), (std::vector<Side>(7, kNo)));
}

TEST(SpecialCauseTest, PointOnTheMeanBreaksARun) {
    // 3 above, one exactly on the mean (10), then 7 above: only the last 7 form a run.
    const auto causes =
        FindSpecialCauses(std::vector<double>{11, 11, 11, 10, 11, 12, 11, 12, 11, 12, 11}, HandLimits());
    EXPECT_EQ(RunSides(causes), (std::vector<Side>{kNo, kNo, kNo, kNo, kHi, kHi, kHi, kHi, kHi, kHi, kHi}));
}

TEST(SpecialCauseTest, PointOnTheMeanBetweenSixAndOneIsNoRun) {
    const auto causes = FindSpecialCauses(std::vector<double>{11, 12, 11, 12, 11, 12, 10, 11}, HandLimits());
    EXPECT_EQ(RunSides(causes), (std::vector<Side>(8, kNo)));
}

TEST(SpecialCauseTest, SevenRisingPointsAreATrendHigh) {
    // 6 steps up from 5 to 11; crossing the mean does not matter.
    const auto causes = FindSpecialCauses(std::vector<double>{12, 5, 6, 7, 8, 9, 10, 11}, HandLimits());
    EXPECT_EQ(TrendSides(causes), (std::vector<Side>{kNo, kHi, kHi, kHi, kHi, kHi, kHi, kHi}));
}

TEST(SpecialCauseTest, SevenFallingPointsAreATrendLow) {
    const auto causes = FindSpecialCauses(std::vector<double>{15, 14, 13, 12, 11, 10, 9, 12}, HandLimits());
    EXPECT_EQ(TrendSides(causes), (std::vector<Side>{kLo, kLo, kLo, kLo, kLo, kLo, kLo, kNo}));
}

TEST(SpecialCauseTest, SixRisingPointsAreNotATrend) {
    const auto causes = FindSpecialCauses(std::vector<double>{5, 6, 7, 8, 9, 10}, HandLimits());
    EXPECT_EQ(TrendSides(causes), (std::vector<Side>(6, kNo)));
}

TEST(SpecialCauseTest, EqualNeighboursBreakATrend) {
    // 5, 6, 7, 7, 8, 9, 10, 11: every window of 7 contains the tie 7, 7.
    const auto causes = FindSpecialCauses(std::vector<double>{5, 6, 7, 7, 8, 9, 10, 11}, HandLimits());
    EXPECT_EQ(TrendSides(causes), (std::vector<Side>(8, kNo)));
}

TEST(SpecialCauseTest, PeakSharedByTwoTrendsTakesTheLaterDirection) {
    // 4..10 rises over points 0-6, 10..4 falls over points 6-12; point 6 (the peak) is in both.
    const auto causes = FindSpecialCauses(std::vector<double>{4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4}, HandLimits());
    EXPECT_EQ(TrendSides(causes), (std::vector<Side>{kHi, kHi, kHi, kHi, kHi, kHi, kLo, kLo, kLo, kLo, kLo, kLo, kLo}));
}

TEST(SpecialCauseTest, TwoOfThreeAboveTheUpperTwoThirdsLine) {
    // 15, 11, 15 are all above the mean and 15 is beyond 14: the two 15s are flagged, 11 is not.
    const auto causes = FindSpecialCauses(std::vector<double>{10, 15, 11, 15, 10}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>{kNo, kHi, kNo, kHi, kNo}));
}

TEST(SpecialCauseTest, TwoOfThreeBelowTheLowerTwoThirdsLine) {
    const auto causes = FindSpecialCauses(std::vector<double>{10, 5, 5, 9}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>{kNo, kLo, kLo, kNo}));
}

TEST(SpecialCauseTest, TwoOfThreeNeedsAllThreeOnTheSameSide) {
    const auto causes = FindSpecialCauses(std::vector<double>{15, 9, 15}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>(3, kNo)));
}

TEST(SpecialCauseTest, TwoOfThreeNeedsTwoInTheOuterThird) {
    // 14 is exactly on the two-thirds line, so only one point (15) is in the outer third.
    const auto causes = FindSpecialCauses(std::vector<double>{15, 14, 11}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>(3, kNo)));
}

TEST(SpecialCauseTest, PointOnTheLimitCountsForTwoOfThree) {
    // 16 is on the limit (not beyond it) and so in the outer third, with 15.
    const auto causes = FindSpecialCauses(std::vector<double>{16, 15, 11}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>{kHi, kHi, kNo}));
}

TEST(SpecialCauseTest, PointBeyondTheLimitDoesNotCountForTwoOfThree) {
    // As NHSRplotthedots: 17 is beyond the limit, not in the outer third, so 15 has no partner.
    const auto causes = FindSpecialCauses(std::vector<double>{15, 17, 11}, HandLimits());
    EXPECT_EQ(TwoOfThreeSides(causes), (std::vector<Side>(3, kNo)));
    EXPECT_EQ(BeyondLimitSides(causes), (std::vector<Side>{kNo, kHi, kNo}));
}

TEST(SpecialCauseTest, RulesNeedNoMinimumLength) {
    EXPECT_TRUE(FindSpecialCauses(std::vector<double>{}, HandLimits()).empty());
    EXPECT_FALSE(FindSpecialCauses(std::vector<double>{10, 11}, HandLimits())[1].Any());
}

TEST(SpecialCauseTest, SignalFollowsNhsrPrecedence) {
    SpecialCauses falling_trend_above_mean;
    falling_trend_above_mean.run = Side::kHigh;
    falling_trend_above_mean.trend = Side::kLow;
    EXPECT_EQ(falling_trend_above_mean.Signal(), Side::kLow);

    SpecialCauses beyond_during_falling_trend;
    beyond_during_falling_trend.beyond_limit = Side::kHigh;
    beyond_during_falling_trend.trend = Side::kLow;
    EXPECT_EQ(beyond_during_falling_trend.Signal(), Side::kHigh);

    SpecialCauses two_of_three_over_run;
    two_of_three_over_run.two_of_three = Side::kLow;
    two_of_three_over_run.run = Side::kHigh;
    EXPECT_EQ(two_of_three_over_run.Signal(), Side::kLow);

    EXPECT_EQ(SpecialCauses{}.Signal(), Side::kNone);
    EXPECT_FALSE(SpecialCauses{}.Any());
}

SpecialCauses SignallingHigh() {
    SpecialCauses causes;
    causes.beyond_limit = Side::kHigh;
    return causes;
}
SpecialCauses SignallingLow() {
    SpecialCauses causes;
    causes.run = Side::kLow;
    return causes;
}

TEST(SpecialCauseTest, HighIsImprovementWhenHigherIsBetter) {
    EXPECT_EQ(ClassifyPoint(SignallingHigh(), ImprovementDirection::kIncrease), PointType::kSpecialCauseImprovement);
    EXPECT_EQ(ClassifyPoint(SignallingLow(), ImprovementDirection::kIncrease), PointType::kSpecialCauseConcern);
}

TEST(SpecialCauseTest, HighIsConcernWhenLowerIsBetter) {
    EXPECT_EQ(ClassifyPoint(SignallingHigh(), ImprovementDirection::kDecrease), PointType::kSpecialCauseConcern);
    EXPECT_EQ(ClassifyPoint(SignallingLow(), ImprovementDirection::kDecrease), PointType::kSpecialCauseImprovement);
}

TEST(SpecialCauseTest, WithoutADirectionSpecialCauseIsNeutral) {
    EXPECT_EQ(ClassifyPoint(SignallingHigh(), ImprovementDirection::kNeutral), PointType::kSpecialCauseNeutralHigh);
    EXPECT_EQ(ClassifyPoint(SignallingLow(), ImprovementDirection::kNeutral), PointType::kSpecialCauseNeutralLow);
}

TEST(SpecialCauseTest, NoRuleIsCommonCauseWhateverTheDirection) {
    for (auto direction :
         {ImprovementDirection::kNeutral, ImprovementDirection::kIncrease, ImprovementDirection::kDecrease}) {
        EXPECT_EQ(ClassifyPoint(SpecialCauses{}, direction), PointType::kCommonCause);
    }
}

TEST(SpecialCauseTest, FallingTrendAboveTheMeanIsConcernWhenHigherIsBetter) {
    // 16, 15, ..., 10 falls for 7 points while all but the last stay above the mean 10:
    // the trend, not the side of the mean, decides (NHSRplotthedots issue #171).
    const auto causes = FindSpecialCauses(std::vector<double>{16, 15, 14, 13, 12, 11, 10}, HandLimits());
    EXPECT_EQ(ClassifyPoint(causes[0], ImprovementDirection::kIncrease), PointType::kSpecialCauseConcern);
}

}  // namespace
}  // namespace carevoice::improvement
