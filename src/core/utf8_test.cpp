#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace carevoice::utf8 {
namespace {

TEST(Utf8Test, DecodesOneCodePointAtATime) {
    const std::string text = "aá€😀";
    EXPECT_EQ(DecodeAt(text, 0).value, U'a');
    EXPECT_EQ(DecodeAt(text, 1).value, U'á');
    EXPECT_EQ(DecodeAt(text, 1).length, 2u);
    EXPECT_EQ(DecodeAt(text, 3).value, U'€');
    EXPECT_EQ(DecodeAt(text, 3).length, 3u);
    EXPECT_EQ(DecodeAt(text, 6).value, U'😀');
    EXPECT_EQ(DecodeAt(text, 6).length, 4u);
    EXPECT_EQ(PreviousStart(text, 6), 3u);
    EXPECT_EQ(PreviousStart(text, 3), 1u);
    EXPECT_EQ(PreviousStart(text, 1), 0u);
}

TEST(Utf8Test, BrokenBytesReadAsOneReplacementEach) {
    for (const std::string& bad : {std::string("\xff"), std::string("\xc3"), std::string("\x80"),
                                   std::string("\xc0\xaf"), std::string("\xed\xa0\x80")}) {
        EXPECT_EQ(DecodeAt(bad, 0).value, kReplacement) << bad.size();
        EXPECT_EQ(DecodeAt(bad, 0).length, 1u);
    }
}

TEST(Utf8Test, FoldsLatinGreekAndCyrillicCase) {
    EXPECT_EQ(FoldCase(U'S'), U's');
    EXPECT_EQ(FoldCase(U'Á'), U'á');
    EXPECT_EQ(FoldCase(U'Ś'), U'ś');
    EXPECT_EQ(FoldCase(U'Ł'), U'ł');
    EXPECT_EQ(FoldCase(U'Ž'), U'ž');
    EXPECT_EQ(FoldCase(U'Ŵ'), U'ŵ');
    EXPECT_EQ(FoldCase(U'Σ'), U'σ');
    EXPECT_EQ(FoldCase(U'ς'), U'σ');
    EXPECT_EQ(FoldCase(U'Д'), U'д');
    EXPECT_EQ(FoldCase(U'Ё'), U'ё');
    EXPECT_EQ(FoldCase(U'Ạ'), U'ạ');
    EXPECT_EQ(FoldCase(U'×'), U'×');
    EXPECT_EQ(FoldCase(U'ß'), U'ß');
    EXPECT_TRUE(IsUpper(U'Í'));
    EXPECT_FALSE(IsUpper(U'í'));
    EXPECT_FALSE(IsUpper(U'ς'));
}

TEST(Utf8Test, TellsLettersFromPunctuationAndSymbols) {
    for (char32_t c : {U'a', U'Z', U'é', U'ñ', U'ı', U'Ω', U'ж', U'\u0301', U'ع', U'中'}) EXPECT_TRUE(IsLetter(c));
    for (char32_t c : {U' ', U'1', U'\'', U'’', U'“', U'–', U'£', U'×', U'😀', kReplacement}) EXPECT_FALSE(IsLetter(c));
}

TEST(Utf8Test, AppendsWhatItDecodes) {
    std::string out;
    for (char32_t c : {U'a', U'á', U'€', U'😀'}) Append(out, c);
    EXPECT_EQ(out, "aá€😀");
}

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
