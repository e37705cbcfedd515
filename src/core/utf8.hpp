// UTF-8: whether bytes arriving from outside (requests, files) are well-formed and how many characters
// they hold (what a length limit counts); and text read one code point at a time, and the small part of Unicode case
// folding carevoice needs to compare people's names as typed: Basic Latin, Latin-1, Latin Extended-A, Latin Extended
// Additional, Greek and Cyrillic. Not a full Unicode library: no normalisation (a name typed with combining accents
// compares as typed, not equal to the same name with precomposed letters), ß is not folded to "ss", and
// letters outside those blocks compare exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace carevoice::utf8 {

// One code point and how many bytes it took. A byte that does not start a valid sequence (a stray
// continuation byte, an overlong or truncated sequence) reads as U+FFFD and takes one byte, so that a
// reader always moves forward.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};
inline constexpr char32_t kReplacement = 0xFFFD;

CodePoint DecodeAt(std::string_view text, std::size_t at);
// Where the code point ending just before `at` starts (at most 3 bytes back); 0 at the start.
std::size_t PreviousStart(std::string_view text, std::size_t at);

// The lower-case letter of `c` in the blocks above; any other code point unchanged.
char32_t FoldCase(char32_t c);
// True for a letter with a lower-case form in the blocks above ("S", "Á", "Ś", "Σ", "Д").
inline bool IsUpper(char32_t c) { return FoldCase(c) != c && c != 0x17F && c != 0x3C2; }  // not ſ, ς

// Letters for the purpose of finding words: ASCII letters, the Latin, Greek and Cyrillic letters and
// combining accents, and any other code point from U+0500 on that is not punctuation, a symbol or emoji.
bool IsLetter(char32_t c);
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

void Append(std::string& out, char32_t c);

// True when `s` is well-formed UTF-8 (RFC 3629): no stray continuation bytes, no truncated or
// overlong sequences, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool IsValid(std::string_view s);

// The number of code points in `s`, which must be valid UTF-8 (each byte that does not continue a
// sequence starts one).
std::size_t Length(std::string_view s);

// True when `s` holds a C0 control character (U+0000..U+001F) or DEL (U+007F).
bool HasControlCharacter(std::string_view s);

}  // namespace carevoice::utf8
