#include "core/utf8.hpp"

namespace carevoice::utf8 {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

bool Between(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

}  // namespace

CodePoint DecodeAt(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return {kReplacement, 1};
    }
    if (at + length > text.size()) return {kReplacement, 1};
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(text[at + k]);
        if (!IsContinuation(b)) return {kReplacement, 1};
        value = (value << 6) | (b & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kSmallest[length] || value > 0x10FFFF || Between(value, 0xD800, 0xDFFF)) return {kReplacement, 1};
    return {value, length};
}

std::size_t PreviousStart(std::string_view text, std::size_t at) {
    if (at == 0) return 0;
    std::size_t start = at - 1;
    for (int back = 0; back < 3 && start > 0 && IsContinuation(static_cast<unsigned char>(text[start])); ++back) {
        --start;
    }
    return DecodeAt(text, start).length == at - start ? start : at - 1;
}

char32_t FoldCase(char32_t c) {
    if (Between(c, 'A', 'Z')) return c + 32;
    if (c < 0xC0) return c;
    if (Between(c, 0xC0, 0xDE) && c != 0xD7) return c + 32;                  // Latin-1: À–Þ
    if (c == 0x130) return 'i';                                              // İ
    if (Between(c, 0x100, 0x137) || Between(c, 0x14A, 0x177)) return c | 1;  // Ā ā … Ķ ķ, Ŋ ŋ … Ŷ ŷ
    if (Between(c, 0x139, 0x148) || Between(c, 0x179, 0x17E)) return (c & 1) ? c + 1 : c;  // Ĺ ĺ … Ň ň, Ź ź … Ž ž
    if (c == 0x178) return 0xFF;                                                           // Ÿ
    if (c == 0x17F) return 's';                                                            // long s
    if (c == 0x386) return 0x3AC;                                                          // Greek with tonos
    if (Between(c, 0x388, 0x38A)) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (Between(c, 0x391, 0x3AB) && c != 0x3A2) return c + 32;                   // Α–Ϋ
    if (c == 0x3C2) return 0x3C3;                                                // final sigma
    if (Between(c, 0x400, 0x40F)) return c + 80;                                 // Ѐ–Џ
    if (Between(c, 0x410, 0x42F)) return c + 32;                                 // А–Я
    if (c == 0x1E9E) return 0xDF;                                                // capital sharp s
    if (Between(c, 0x1E00, 0x1E95) || Between(c, 0x1EA0, 0x1EFF)) return c | 1;  // Latin Extended Additional
    return c;
}

bool IsLetter(char32_t c) {
    if (Between(c, 'A', 'Z') || Between(c, 'a', 'z')) return true;
    if (c < 0xC0) return false;                    // ASCII punctuation, Latin-1 symbols (£, ©, ·, «)
    if (c == 0xD7 || c == 0xF7) return false;      // × ÷
    if (c < 0x500) return true;                    // Latin, IPA, modifiers, combining accents, Greek, Cyrillic
    if (Between(c, 0x2000, 0x2BFF)) return false;  // punctuation (’ “ – …), symbols, arrows, maths
    if (Between(c, 0x3000, 0x303F)) return false;  // CJK punctuation
    if (Between(c, 0xFE00, 0xFE6F)) return false;  // variation selectors, small forms
    if (Between(c, 0xFF00, 0xFF20) || c == kReplacement) return false;
    if (Between(c, 0x1F000, 0x1FAFF)) return false;  // emoji and pictographs
    return true;
}

void Append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// --- validation and length, for text arriving from outside ---

bool IsValid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        std::size_t extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (RFC 3629, table 3-7)
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            if (b0 == 0xE0) lo = 0xA0;  // overlong
            if (b0 == 0xED) hi = 0x9F;  // surrogates
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            if (b0 == 0xF0) lo = 0x90;  // overlong
            if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return false;  // a continuation byte with no lead, C0/C1 (overlong), or F5..FF
        }
        if (i + extra >= s.size()) return false;  // truncated at the end
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b1 < lo || b1 > hi) return false;
        for (std::size_t k = 2; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (b < 0x80 || b > 0xBF) return false;
        }
        i += extra + 1;
    }
    return true;
}

std::size_t Length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

bool HasControlCharacter(std::string_view s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7f) return true;
    }
    return false;
}

}  // namespace carevoice::utf8
