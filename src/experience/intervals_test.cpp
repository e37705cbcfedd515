#include "experience/intervals.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

// R prints its reference values to 15 significant figures, so 1e-9 percentage points is far tighter
// than the 1e-6 the fixture promises and still well above its printing noise.
constexpr double kTolerance = 1e-9;

std::vector<test_support::ReferenceCase> RCases(std::string_view check) {
    auto reference = test_support::ReferenceValues::Load();
    EXPECT_TRUE(reference.ok()) << reference.status().ToString();
    return reference.ok() ? reference->Cases(check) : std::vector<test_support::ReferenceCase>{};
}

TEST(WilsonIntervalTest, MatchesRPropTestOnAGridOfCounts) {
    const auto cases = RCases("wilson");
    ASSERT_GT(cases.size(), 40u);
    for (const auto& c : cases) {
        const int n = static_cast<int>(c.at("n"));
        auto interval = WilsonInterval(100 * c.at("x") / n, n, c.at("z"));
        ASSERT_TRUE(interval.ok()) << interval.status().ToString();
        EXPECT_NEAR(interval->lower, c.at("lower"), kTolerance) << "x = " << c.at("x") << ", n = " << n;
        EXPECT_NEAR(interval->upper, c.at("upper"), kTolerance) << "x = " << c.at("x") << ", n = " << n;
    }
}

TEST(WilsonIntervalTest, RejectsNoRespondents) {
    auto interval = WilsonInterval(50, 0);
    ASSERT_FALSE(interval.ok());
    EXPECT_NE(interval.status().message().find("respondents must be positive, got 0"), std::string::npos);
}

TEST(WilsonIntervalTest, RejectsAPercentageAbove100) { EXPECT_FALSE(WilsonInterval(100.5, 20).ok()); }

TEST(MeanIntervalTest, MatchesR) {
    for (const auto& c : RCases("mean_interval")) {
        auto interval = MeanInterval(c.at("mean"), c.at("sd"), static_cast<int>(c.at("n")), c.at("z"));
        ASSERT_TRUE(interval.ok()) << interval.status().ToString();
        EXPECT_NEAR(interval->lower, c.at("lower"), kTolerance);
        EXPECT_NEAR(interval->upper, c.at("upper"), kTolerance);
    }
}

TEST(MeanIntervalTest, RejectsNegativeSd) { EXPECT_FALSE(MeanInterval(8.8, -1, 100).ok()); }

TEST(PercentFromWilsonTest, RecoversTheProportionBehindEachRInterval) {
    for (const auto& c : RCases("wilson")) {
        const int n = static_cast<int>(c.at("n"));
        auto percent = PercentFromWilson({c.at("lower"), c.at("upper")}, n, c.at("z"));
        ASSERT_TRUE(percent.ok()) << percent.status().ToString();
        EXPECT_NEAR(*percent, 100 * c.at("x") / n, 1e-8) << "x = " << c.at("x") << ", n = " << n;
    }
}

TEST(PercentFromWilsonTest, RecoversAPublishedTrustScoreThatRoundsToThePublishedScore) {
    // Manchester University NHS FT, 2018, Q1: n = 487, published score 82, 95% CI 78.7430191–85.5036087.
    auto percent = PercentFromWilson({78.7430191, 85.5036087}, 487);
    ASSERT_TRUE(percent.ok());
    EXPECT_EQ(std::lround(*percent), 82);
}

TEST(PercentFromWilsonTest, RejectsAnUpsideDownInterval) {
    auto percent = PercentFromWilson({85.5, 78.7}, 487);
    ASSERT_FALSE(percent.ok());
    EXPECT_NE(percent.status().message().find("lower must not exceed upper"), std::string::npos);
}

TEST(PercentFromWilsonTest, RejectsAnIntervalBeyond100) { EXPECT_FALSE(PercentFromWilson({90, 101}, 50).ok()); }

TEST(SdFromMeanIntervalTest, RecoversTheSdBehindAnRMeanInterval) {
    for (const auto& c : RCases("mean_interval")) {
        auto sd = SdFromMeanInterval({c.at("lower"), c.at("upper")}, static_cast<int>(c.at("n")), c.at("z"));
        ASSERT_TRUE(sd.ok());
        EXPECT_NEAR(*sd, c.at("sd"), 1e-9);
    }
}

}  // namespace
}  // namespace carevoice::experience
