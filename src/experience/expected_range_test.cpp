#include "experience/expected_range.hpp"

#include <gtest/gtest.h>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

RangeParameters Percent(double centre, double tau2) { return {Measure::kPercent, centre, 0, tau2}; }

TEST(ExpectedRangeTest, MatchesRForPercentagesAndMeansAt95And998Percent) {
    auto reference = test_support::ReferenceValues::Load();
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    const auto cases = reference->Cases("expected_range");
    ASSERT_EQ(cases.size(), 14u);
    for (const auto& c : cases) {
        const RangeParameters parameters{c.at("is_mean") == 1 ? Measure::kMean : Measure::kPercent, c.at("centre"),
                                         c.at("sd"), c.at("tau2")};
        auto range = ExpectedRange(parameters, static_cast<int>(c.at("n")), c.at("z"));
        ASSERT_TRUE(range.ok()) << range.status().ToString();
        // 15 significant figures from R: 1e-9 is well inside the fixture's 1e-6 promise.
        EXPECT_NEAR(range->lower, c.at("lower"), 1e-9) << "case " << c.id;
        EXPECT_NEAR(range->upper, c.at("upper"), 1e-9) << "case " << c.id;
    }
}

TEST(ExpectedRangeTest, MatchesThePublishedRangeOfATrust) {
    // Manchester University NHS FT, 2018, Q1 (n = 487): published expected range 73.6003494–81.0389481.
    auto range = ExpectedRange(Percent(77.3196, 0), 487);
    ASSERT_TRUE(range.ok());
    EXPECT_NEAR(range->lower, 73.6003494, 0.01);
    EXPECT_NEAR(range->upper, 81.0389481, 0.01);
}

TEST(ExpectedRangeTest, IsCappedAt100) {
    auto range = ExpectedRange(Percent(95.7919, 0.01), 21);
    ASSERT_TRUE(range.ok());
    EXPECT_EQ(range->upper, 100);
}

TEST(ExpectedRangeTest, DefaultsToThePublishersZ) {
    auto by_default = ExpectedRange(Percent(60.4719, 0.000861), 300);
    auto explicit_z = ExpectedRange(Percent(60.4719, 0.000861), 300, 1.959964);
    ASSERT_TRUE(by_default.ok() && explicit_z.ok());
    EXPECT_EQ(*by_default, *explicit_z);
}

TEST(ExpectedRangeTest, RejectsNoRespondents) {
    auto range = ExpectedRange(Percent(77.3, 0), 0);
    ASSERT_FALSE(range.ok());
    EXPECT_EQ(range.status().code(), StatusCode::kInvalidArgument);
}

TEST(ExpectedRangeTest, RejectsNegativeTau2) {
    auto range = ExpectedRange(Percent(77.3, -0.001), 100);
    ASSERT_FALSE(range.ok());
    EXPECT_NE(range.status().message().find("tau2"), std::string::npos);
}

TEST(ExpectedRangeTest, RejectsAMeanItemWithoutSd) {
    EXPECT_FALSE(ExpectedRange({Measure::kMean, 8.8, 0, 0.002}, 100).ok());
}

TEST(ExpectedRangeTest, RejectsACentreOffTheScale) { EXPECT_FALSE(ExpectedRange(Percent(100, 0), 100).ok()); }

TEST(RateTest, ScoreBelowTheLowerLimitIsBelow) { EXPECT_EQ(Rate(72.9, {73, 81}), Rating::kBelow); }

TEST(RateTest, ScoreAboveTheUpperLimitIsAbove) { EXPECT_EQ(Rate(81.01, {73, 81}), Rating::kAbove); }

TEST(RateTest, ScoreOnALimitIsWithin) {
    EXPECT_EQ(Rate(73, {73, 81}), Rating::kWithin);
    EXPECT_EQ(Rate(81, {73, 81}), Rating::kWithin);
}

TEST(RatingNameTest, UsesThePublishersWords) {
    EXPECT_EQ(RatingName(Rating::kBelow), "below");
    EXPECT_EQ(RatingName(Rating::kWithin), "within");
    EXPECT_EQ(RatingName(Rating::kAbove), "above");
}

}  // namespace
}  // namespace carevoice::experience
