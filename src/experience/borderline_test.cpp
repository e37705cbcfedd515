#include "experience/borderline.hpp"

#include <gtest/gtest.h>

namespace carevoice::experience {
namespace {

TEST(FindBorderlineTest, AScoreThatAnUpperLimitRoundsToIsBorderline) {
    // Published 79%, upper limit 79.3: the unrounded score lay in [78.5, 79.5), on either side of 79.3.
    auto found = FindBorderline(79, {68.2, 79.3}, 1);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->side, LimitSide::kUpper);
    EXPECT_EQ(found->limit, 79.3);
}

TEST(FindBorderlineTest, AScoreThatALowerLimitRoundsToIsBorderline) {
    auto found = FindBorderline(69, {68.5, 79.3}, 1);  // 68.5 rounds up to 69
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->side, LimitSide::kLower);
    EXPECT_EQ(found->limit, 68.5);
}

TEST(FindBorderlineTest, AScoreAWholeUnitFromBothLimitsIsNot) {
    // 80 vs upper 79.3: the unrounded score is at least 79.5, above the limit whatever it was.
    EXPECT_FALSE(FindBorderline(80, {68.2, 79.3}, 1).has_value());
    EXPECT_FALSE(FindBorderline(74, {68.2, 79.3}, 1).has_value());
    EXPECT_FALSE(FindBorderline(79, {68.2, 79.5}, 1).has_value()) << "79.5 rounds to 80";
}

TEST(FindBorderlineTest, TheZeroToTenItemIsRoundedToHundredths) {
    auto found = FindBorderline(8.66, {8.6640, 8.9426}, 0.01);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->side, LimitSide::kLower);
    EXPECT_FALSE(FindBorderline(8.67, {8.6640, 8.9426}, 0.01).has_value());
}

TEST(FindBorderlineTest, ARangeNarrowerThanAUnitGivesTheNearerLimit) {
    auto found = FindBorderline(95, {94.6, 95.2}, 1);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->side, LimitSide::kUpper);
    EXPECT_EQ(LimitSideName(found->side), "upper");
}

}  // namespace
}  // namespace carevoice::experience
