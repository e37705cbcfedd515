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

TEST(TextTest, APhoneNumberBecomesATelLinkAPhoneCanDial) {
    EXPECT_EQ(TelUri("01632 960777"), "tel:+441632960777");
    EXPECT_EQ(TelUri("+44 (0)1632 960777"), "tel:+4401632960777");  // written as given when international
    EXPECT_EQ(TelUri(" 111 "), "tel:111");
    EXPECT_EQ(TelUri("0800-123-456"), "tel:+44800123456");
    EXPECT_EQ(TelUri("ask at reception"), "");
}

TEST(TextTest, SplitKeepsEmptyParts) {
    auto parts = Split("a,,b", ',');
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[1], "");
}

}  // namespace
}  // namespace carevoice::text
