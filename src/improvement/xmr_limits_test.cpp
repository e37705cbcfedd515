#include "improvement/xmr_limits.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace carevoice::improvement {
namespace {

constexpr double kTolerance = 1e-9;

TEST(XmrLimitsTest, MeanAndLimitsComeFromTheMeanMovingRange) {
    const std::vector<double> values = {10, 12, 11, 13, 14};
    // mean = 60 / 5 = 12; moving ranges 2, 1, 2, 1 -> mean 6 / 4 = 1.5
    // limits 12 -/+ 2.66 * 1.5 = 12 -/+ 3.99 -> 8.01 and 15.99
    // two-thirds lines 12 -/+ (2 * 2.66 / 3) * 1.5 = 12 -/+ 2.66 -> 9.34 and 14.66
    const ProcessLimits limits = ComputeProcessLimits(values, MovingRangeScreening::kExcludeLarge);
    EXPECT_NEAR(limits.mean, 12, kTolerance);
    EXPECT_NEAR(limits.mean_moving_range, 1.5, kTolerance);
    EXPECT_NEAR(limits.lower_limit, 8.01, kTolerance);
    EXPECT_NEAR(limits.upper_limit, 15.99, kTolerance);
    EXPECT_NEAR(limits.lower_two_thirds, 9.34, kTolerance);
    EXPECT_NEAR(limits.upper_two_thirds, 14.66, kTolerance);
    EXPECT_EQ(limits.moving_ranges_excluded, 0u);
}

// Ten points alternating 20, 21, then 24 and 11.
const std::vector<double> kOneLargeMovingRange = {20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 24, 11};

TEST(XmrLimitsTest, LargeMovingRangesAreLeftOutByDefault) {
    // moving ranges: nine of 1, then |24 - 21| = 3, |11 - 24| = 13 -> sum 25 over 11, mean 25/11 = 2.2727...
    // ceiling 3.267 * 25/11 = 7.425: 13 is above it and is left out
    // mean of the rest: (9 + 3) / 10 = 1.2; mean = (5*20 + 5*21 + 24 + 11) / 12 = 240 / 12 = 20
    // limits 20 -/+ 2.66 * 1.2 = 20 -/+ 3.192 -> 16.808 and 23.192
    const ProcessLimits limits = ComputeProcessLimits(kOneLargeMovingRange, MovingRangeScreening::kExcludeLarge);
    EXPECT_NEAR(limits.moving_range_ceiling, 7.425, kTolerance);
    EXPECT_EQ(limits.moving_ranges_excluded, 1u);
    EXPECT_NEAR(limits.mean_moving_range, 1.2, kTolerance);
    EXPECT_NEAR(limits.mean, 20, kTolerance);
    EXPECT_NEAR(limits.lower_limit, 16.808, kTolerance);
    EXPECT_NEAR(limits.upper_limit, 23.192, kTolerance);
}

TEST(XmrLimitsTest, KeepAllUsesEveryMovingRange) {
    // as above without screening: mean moving range 25/11; limits 20 -/+ 2.66 * 25/11 = 20 -/+ 66.5/11
    // -> 20 - 6.045454... = 13.954545... and 20 + 6.045454... = 26.045454...
    const ProcessLimits limits = ComputeProcessLimits(kOneLargeMovingRange, MovingRangeScreening::kKeepAll);
    EXPECT_EQ(limits.moving_ranges_excluded, 0u);
    EXPECT_NEAR(limits.mean_moving_range, 25.0 / 11.0, kTolerance);
    EXPECT_NEAR(limits.lower_limit, 20 - 66.5 / 11.0, kTolerance);
    EXPECT_NEAR(limits.upper_limit, 20 + 66.5 / 11.0, kTolerance);
}

TEST(XmrLimitsTest, ScreeningHappensOnceOnly) {
    // moving ranges: nine of 1, |6 - 1| = 5, |46 - 6| = 40: sum 54 over 11, mean 4.909..., ceiling 16.038
    // 40 is left out; the rest average (9 + 5) / 10 = 1.4, whose ceiling 4.5738 would also drop 5,
    // but screening is not repeated, so the mean moving range stays 1.4.
    const std::vector<double> values = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 6, 46};
    const ProcessLimits limits = ComputeProcessLimits(values, MovingRangeScreening::kExcludeLarge);
    EXPECT_EQ(limits.moving_ranges_excluded, 1u);
    EXPECT_NEAR(limits.mean_moving_range, 1.4, kTolerance);
}

TEST(XmrLimitsTest, FlatSeriesHasLimitsOnTheMean) {
    // every moving range is 0, so the ceiling is 0 and nothing is strictly above it; limits = mean.
    // (NHSRplotthedots keeps only ranges strictly below the ceiling, leaves none, and gets NaN.)
    const std::vector<double> values = {5, 5, 5, 5};
    const ProcessLimits limits = ComputeProcessLimits(values, MovingRangeScreening::kExcludeLarge);
    EXPECT_EQ(limits.mean_moving_range, 0);
    EXPECT_EQ(limits.lower_limit, 5);
    EXPECT_EQ(limits.upper_limit, 5);
}

TEST(XmrLimitsTest, LimitsAreNotClippedToNaturalBounds) {
    // A percentage near 0: mean (0 + 4 + 0 + 4) / 4 = 2, mean moving range 4, lower 2 - 10.64 = -8.64.
    const std::vector<double> values = {0, 4, 0, 4};
    const ProcessLimits limits = ComputeProcessLimits(values, MovingRangeScreening::kExcludeLarge);
    EXPECT_NEAR(limits.lower_limit, -8.64, kTolerance);
}

TEST(XmrLimitsTest, MovingRangeIsAbsoluteDifference) {
    EXPECT_EQ(MovingRange(7, 3), 4);
    EXPECT_EQ(MovingRange(3, 7), 4);
}

}  // namespace
}  // namespace carevoice::improvement
