#include "partnership/publication.hpp"

#include <gtest/gtest.h>

namespace carevoice::partnership {
namespace {

TEST(PublicationTest, CountsBelowTheThresholdAreWithheldIncludingZero) {
    EXPECT_FALSE(MayPublishCount(0));
    EXPECT_FALSE(MayPublishCount(1));
    EXPECT_FALSE(MayPublishCount(20));
    EXPECT_TRUE(MayPublishCount(21));
    EXPECT_TRUE(MayPublishCount(500));
}

TEST(PublicationTest, TheThresholdComesFromConfiguration) {
    EXPECT_TRUE(MayPublishCount(5, /*threshold=*/5));
    EXPECT_FALSE(MayPublishCount(4, /*threshold=*/5));
}

}  // namespace
}  // namespace carevoice::partnership
