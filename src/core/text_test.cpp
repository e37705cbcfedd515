#include "core/text.hpp"

#include <gtest/gtest.h>

namespace carevoice::text {
namespace {

TEST(TextTest, ParsesNumbersStrictly) {
    EXPECT_DOUBLE_EQ(*ParseDouble("83.6033"), 83.6033);
    EXPECT_EQ(*ParseInt(" 42 "), 42);
    EXPECT_FALSE(ParseDouble("12abc").ok());
    EXPECT_FALSE(ParseDouble("").ok());
    EXPECT_FALSE(ParseInt("4.5").ok());
    EXPECT_EQ(ParseInt("x").status().message(), "'x' is not a whole number");
}

TEST(TextTest, ChangesTheCaseOfAsciiLettersOnly) {
    EXPECT_EQ(ToUpper("rd8 q17"), "RD8 Q17");
    EXPECT_EQ(ToLower("RD8"), "rd8");
    EXPECT_EQ(ToUpper("é"), "é");  // bytes of UTF-8 are left as they are
}

TEST(TextTest, SplitKeepsEmptyParts) {
    auto parts = Split("a,,b", ',');
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[1], "");
}

}  // namespace
}  // namespace carevoice::text
