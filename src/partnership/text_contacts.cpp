#include "partnership/text_contacts.hpp"

#include <optional>

#include "core/utf8.hpp"

namespace carevoice::partnership {
namespace {

constexpr std::size_t kMaxLocalPart = 64;  // RFC 5321 §4.5.3.1
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxPhoneDigits = 15;  // ITU-T E.164
constexpr std::size_t kMinInternationalDigits = 8;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordChar(char32_t c) { return utf8::IsLetter(c) || utf8::IsDigit(c); }

// ---------------------------------------------------------------------------------------------
// E-mail addresses

bool IsLocalPunctuation(char32_t c) { return c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\''; }

bool IsDomainChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.'; }

bool IsDomain(std::string_view domain) {
    if (domain.empty() || domain.find('.') == std::string_view::npos || domain.find("..") != std::string_view::npos ||
        domain.front() == '.') {
        return false;
    }
    const std::string_view top = domain.substr(domain.rfind('.') + 1);
    if (top.size() < 2) return false;
    for (char c : top) {
        if (IsAsciiDigit(c) || c == '-') return false;
    }
    return true;
}

// The start of the local part that ends at `at` (the '@'); `at` itself when there is none.
std::size_t LocalPartStart(std::string_view text, std::size_t at) {
    std::size_t start = at;
    while (start > 0 && at - start < kMaxLocalPart) {
        const std::size_t previous = utf8::PreviousStart(text, start);
        const char32_t c = utf8::DecodeAt(text, previous).value;
        if (!IsWordChar(c) && !IsLocalPunctuation(c)) break;
        start = previous;
    }
    while (start < at && (text[start] == '.' || text[start] == '\'')) ++start;  // "'jane@…" quoted
    return start;
}

}  // namespace

std::vector<TextSpan> FindEmailAddresses(std::string_view text) {
    std::vector<TextSpan> out;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        const std::size_t start = LocalPartStart(text, at);
        std::size_t end = at + 1;
        while (end < text.size() && end - at - 1 < kMaxDomain && IsDomainChar(text[end])) ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;  // "… jane@x.org."
        if (start == at || !IsDomain(text.substr(at + 1, end - at - 1))) continue;
        out.push_back({start, end - start});
        at = end - 1;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

namespace {

struct DigitGroup {
    std::string digits;
    bool bracketed = false;
    std::size_t end = 0;  // one past its last digit or ')'
};

struct DigitRun {
    bool plus = false;
    std::vector<DigitGroup> groups;  // at most kMaxPhoneDigits digits in all
};

bool IsGroupSeparator(char c) { return c == ' ' || c == '-' || c == '.'; }

bool IsBlockedBefore(char32_t c) {
    return IsWordChar(c) || c == '_' || c == '/' || c == '.' || c == ',' || c == '-' || c == '+' || c == U'£' ||
           c == '$' || c == U'€' || c == '@';
}

// True when a run of digit groups may start at `at`.
bool StartsRun(std::string_view text, std::size_t at) {
    const char c = text[at];
    const bool opens = (c == '+' || c == '(') && at + 1 < text.size() && IsAsciiDigit(text[at + 1]);
    if (!opens && !IsAsciiDigit(c)) return false;
    return at == 0 || !IsBlockedBefore(utf8::DecodeAt(text, utf8::PreviousStart(text, at)).value);
}

// The digit groups from `at`, up to the first that would take the run past kMaxPhoneDigits.
DigitRun ReadRun(std::string_view text, std::size_t at) {
    DigitRun run;
    std::size_t p = at;
    if (text[p] == '+') {
        run.plus = true;
        ++p;
    }
    std::size_t digits = 0;
    while (p < text.size()) {
        DigitGroup group;
        group.bracketed = text[p] == '(';
        std::size_t q = p + (group.bracketed ? 1 : 0);
        while (q < text.size() && IsAsciiDigit(text[q]) && digits + group.digits.size() < kMaxPhoneDigits) {
            group.digits += text[q++];
        }
        if (group.digits.empty()) break;
        if (q < text.size() && IsAsciiDigit(text[q])) break;  // the group runs on past the longest number
        if (group.bracketed) {
            if (q >= text.size() || text[q] != ')') break;
            ++q;
        }
        digits += group.digits.size();
        group.end = q;
        run.groups.push_back(std::move(group));
        std::size_t next = q;
        if (next < text.size() && IsGroupSeparator(text[next])) ++next;
        if (next >= text.size() || !(IsAsciiDigit(text[next]) || text[next] == '(')) break;
        p = next;
    }
    return run;
}

// A UK number, given with its leading 0, that a person may be reached on.
std::optional<std::string> PersonalUkNumber(std::string number) {
    if (number.size() < 10 || number.size() > 11 || number[0] != '0') return std::nullopt;
    if (number[1] != '1' && number[1] != '2' && number[1] != '7') return std::nullopt;
    return number;
}

// The digits of the number the first `count` groups of the run make, if they make one.
std::optional<std::string> PhoneDigits(const DigitRun& run, std::size_t count) {
    std::string all;
    for (std::size_t k = 0; k < count; ++k) all += run.groups[k].digits;
    const bool uk_international = (run.plus && all.starts_with("44")) || (!run.plus && all.starts_with("0044"));
    if (uk_international) {
        std::string rest = all.substr(run.plus ? 2 : 4);  // "(0)", or a 0 wrongly kept, is the national 0
        return PersonalUkNumber(rest.starts_with('0') ? rest : "0" + rest);
    }
    if (run.plus) {
        if (all.size() < kMinInternationalDigits) return std::nullopt;
        return "+" + all;
    }
    const std::string& first = run.groups.front().digits;
    if (first[0] != '0') return std::nullopt;
    if (count > 1 && (first.size() < 3 || first.size() > 6)) return std::nullopt;
    return PersonalUkNumber(all);
}

bool FollowedByWordChar(std::string_view text, std::size_t at) {
    return at < text.size() && IsWordChar(utf8::DecodeAt(text, at).value);
}

}  // namespace

std::vector<PhoneInText> FindPhoneNumbers(std::string_view text) {
    std::vector<PhoneInText> out;
    std::size_t p = 0;
    while (p < text.size()) {
        if (!StartsRun(text, p)) {
            ++p;
            continue;
        }
        const DigitRun run = ReadRun(text, p);
        bool found = false;
        // The longest number the run starts with: "01632 960123 2 copies" is the number and a count.
        for (std::size_t count = run.groups.size(); count > 0 && !found; --count) {
            const std::size_t end = run.groups[count - 1].end;
            if (FollowedByWordChar(text, end)) continue;
            if (auto digits = PhoneDigits(run, count)) {
                out.push_back({{p, end - p}, *digits});
                p = end;
                found = true;
            }
        }
        if (found) continue;
        // Not a number from here: try again from the next group ("room 12 01632 960123").
        ++p;
        while (p < text.size() && (IsAsciiDigit(text[p]) || text[p] == ')')) ++p;
    }
    return out;
}

}  // namespace carevoice::partnership
