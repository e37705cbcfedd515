#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace carevoice::utf8 {
namespace {

TEST(Utf8Test, AcceptsAsciiAndWellFormedMultibyteText) {
    EXPECT_TRUE(IsValid(""));
    EXPECT_TRUE(IsValid("plain text"));
    EXPECT_TRUE(IsValid("Ysbyty Gwynedd – café £5 ✓"));
    EXPECT_TRUE(IsValid("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
    EXPECT_TRUE(IsValid("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Utf8Test, RefusesEachKindOfMalformedSequence) {
    EXPECT_FALSE(IsValid("\xFF"));              // never in UTF-8
    EXPECT_FALSE(IsValid("\x80"));              // continuation byte without a lead
    EXPECT_FALSE(IsValid("\xC3\x28"));          // lead byte followed by ASCII
    EXPECT_FALSE(IsValid("caf\xC3"));           // truncated at the end
    EXPECT_FALSE(IsValid("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(IsValid("\xE0\x80\xAF"));      // overlong three-byte '/'
    EXPECT_FALSE(IsValid("\xED\xA0\x80"));      // U+D800, a surrogate
    EXPECT_FALSE(IsValid("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(IsValid("\xE2\x82"));          // three-byte sequence cut short
    EXPECT_FALSE(IsValid(std::string("ok\xF0\x9F\x98", 5)));
}

TEST(Utf8Test, LengthCountsCharactersNotBytes) {
    EXPECT_EQ(Length(""), 0u);
    EXPECT_EQ(Length("abc"), 3u);
    EXPECT_EQ(Length("café"), 4u);
    EXPECT_EQ(Length("\xF0\x9F\x98\x80!"), 2u);
}

TEST(Utf8Test, ControlCharactersIncludeNulTabNewlineAndDelete) {
    EXPECT_FALSE(HasControlCharacter("/static/app.css"));
    EXPECT_TRUE(HasControlCharacter(std::string("a\0b", 3)));
    EXPECT_TRUE(HasControlCharacter("a\tb"));
    EXPECT_TRUE(HasControlCharacter("a\nb"));
    EXPECT_TRUE(HasControlCharacter("a\x7f"));
}

}  // namespace
}  // namespace carevoice::utf8
