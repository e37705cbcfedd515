#include "experience/disclosure.hpp"

#include <gtest/gtest.h>

namespace carevoice::experience {
namespace {

TEST(SuppressedTest, TwentyRespondentsAreSuppressedByDefault) { EXPECT_TRUE(Suppressed(20, kSuppressionThreshold)); }

TEST(SuppressedTest, TwentyOneRespondentsAreShownByDefault) { EXPECT_FALSE(Suppressed(21, kSuppressionThreshold)); }

TEST(SuppressedTest, FollowsTheConfiguredThreshold) {
    EXPECT_FALSE(Suppressed(20, 10));
    EXPECT_TRUE(Suppressed(40, 50));
}

}  // namespace
}  // namespace carevoice::experience
