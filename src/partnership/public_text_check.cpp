#include "partnership/public_text_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "core/utf8.hpp"
#include "partnership/text_contacts.hpp"

namespace carevoice::partnership {
namespace {

// The words of one name may be this far apart ("Polly \n  Patient" in an indented list).
constexpr std::size_t kMaxNameGap = 16;
// Characters of the line kept either side of a finding in its excerpt.
constexpr std::size_t kExcerptContext = 40;

constexpr std::array<std::string_view, 8> kTitles = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"};
constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

template <std::size_t N>
bool IsOneOf(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// ---------------------------------------------------------------------------------------------
// Words

struct Word {
    std::size_t begin = 0, end = 0;  // bytes
    std::string folded;              // lower case, apostrophes as '
    std::string base;                // without a possessive 's: "patient's" is "patient"
    std::size_t letters = 0;
    bool capitalised = false;
};

bool IsWordChar(char32_t c) { return utf8::IsLetter(c) || utf8::IsDigit(c); }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

std::vector<Word> Words(std::string_view text) {
    std::vector<Word> words;
    std::size_t p = 0;
    while (p < text.size()) {
        utf8::CodePoint c = utf8::DecodeAt(text, p);
        if (!IsWordChar(c.value)) {
            p += c.length;
            continue;
        }
        Word w;
        w.begin = p;
        w.capitalised = utf8::IsUpper(c.value);
        while (p < text.size()) {
            c = utf8::DecodeAt(text, p);
            const bool inner_apostrophe = IsApostrophe(c.value) && p + c.length < text.size() &&
                                          IsWordChar(utf8::DecodeAt(text, p + c.length).value);
            if (!IsWordChar(c.value) && !inner_apostrophe) break;
            if (inner_apostrophe) {
                w.folded += '\'';
            } else {
                utf8::Append(w.folded, utf8::FoldCase(c.value));
                ++w.letters;
            }
            p += c.length;
        }
        w.end = p;
        w.base = w.folded.ends_with("'s") ? w.folded.substr(0, w.folded.size() - 2) : w.folded;
        words.push_back(std::move(w));
    }
    return words;
}

std::vector<std::string> FoldedWords(std::string_view name) {
    std::vector<std::string> out;
    for (auto& w : Words(name)) out.push_back(std::move(w.folded));
    return out;
}

std::string Joined(const std::vector<std::string>& words, std::size_t from) {
    std::string out;
    for (std::size_t k = from; k < words.size(); ++k) out += (k > from ? " " : "") + words[k];
    return out;
}

// True when the bytes between two words let them be one name: spaces with at most one line break, or
// one '.', '_' or '-'.
bool JoinsName(std::string_view text, std::size_t from, std::size_t to) {
    if (to <= from || to - from > kMaxNameGap) return false;
    const std::string_view gap = text.substr(from, to - from);
    if (gap == "." || gap == "_" || gap == "-") return true;
    int breaks = 0;
    for (std::size_t p = 0; p < gap.size();) {
        const utf8::CodePoint c = utf8::DecodeAt(gap, p);
        if (c.value == '\n') {
            if (++breaks > 1) return false;
        } else if (c.value != ' ' && c.value != '\t' && c.value != '\r' && c.value != 0xA0) {
            return false;
        }
        p += c.length;
    }
    return true;
}

// After a title a full stop may come first: "Dr. Bhriain", "Dr.Bhriain".
bool JoinsTitle(std::string_view text, std::size_t from, std::size_t to) {
    if (from < to && text[from] == '.') ++from;
    return from == to || JoinsName(text, from, to);
}

// ---------------------------------------------------------------------------------------------
// The names to look for

struct NamePattern {
    std::size_t person = 0;  // index into people
    std::vector<std::string> words;
    bool whole = true;
};

struct NameIndex {
    // By the first word of the pattern.
    std::map<std::string, std::vector<NamePattern>, std::less<>> whole;   // rules 1 and 2
    std::map<std::string, std::vector<NamePattern>, std::less<>> ending;  // rule 3, without the title
    std::map<std::string, std::vector<std::size_t>, std::less<>> first;   // rule 4: people by first name
};

NameIndex IndexNames(std::span<const Person> people) {
    std::set<std::string> named_first, named_endings;  // of people who agreed to be named
    std::vector<std::vector<std::string>> words(people.size());
    for (std::size_t k = 0; k < people.size(); ++k) {
        words[k] = FoldedWords(people[k].name);
        if (!people[k].consent_to_be_named || words[k].empty()) continue;
        named_first.insert(words[k].front());
        for (std::size_t from = 1; from < words[k].size(); ++from) named_endings.insert(Joined(words[k], from));
    }
    NameIndex index;
    for (std::size_t k = 0; k < people.size(); ++k) {
        const auto& w = words[k];
        if (people[k].consent_to_be_named || w.empty()) continue;
        index.whole[w.front()].push_back({k, w, true});
        if (w.size() >= 3) index.whole[w.front()].push_back({k, {w.front(), w.back()}, true});
        for (std::size_t from = 1; from < w.size(); ++from) {
            if (named_endings.count(Joined(w, from))) continue;
            index.ending[w[from]].push_back({k, std::vector<std::string>(w.begin() + from, w.end()), false});
        }
        const bool initial = Words(people[k].name).front().letters < 2;
        if (w.size() >= 2 && !initial && !named_first.count(w.front()) && !IsOneOf(kMonths, w.front())) {
            index.first[w.front()].push_back(k);
        }
    }
    return index;
}

// ---------------------------------------------------------------------------------------------
// Finding names in one text

struct NameMatch {
    std::size_t first_word = 0, words = 0;
    std::vector<std::size_t> people;
    bool whole = true;
};

// The entry for the word as written, or else without its possessive 's.
template <typename Map>
const typename Map::mapped_type* Lookup(const Map& map, const Word& w) {
    auto it = map.find(w.folded);
    if (it == map.end()) it = map.find(w.base);
    return it == map.end() ? nullptr : &it->second;
}

class NameFinder {
  public:
    NameFinder(std::string_view text, const std::vector<Word>& words, const std::vector<bool>& blocked)
        : text_(text), words_(words), blocked_(blocked) {}

    // The longest of `patterns` found with its first word at `at`, and everyone it may name.
    std::optional<NameMatch> Longest(std::size_t at, const std::vector<NamePattern>& patterns) const {
        std::optional<NameMatch> best;
        for (const auto& pattern : patterns) {
            if (!MatchesAt(at, pattern.words)) continue;
            if (!best || pattern.words.size() > best->words) {
                best = NameMatch{at, pattern.words.size(), {pattern.person}, pattern.whole};
            } else if (pattern.words.size() == best->words &&
                       std::find(best->people.begin(), best->people.end(), pattern.person) == best->people.end()) {
                best->people.push_back(pattern.person);
            }
        }
        return best;
    }

    std::optional<NameMatch> At(std::size_t at, const NameIndex& index) const {
        const Word& w = words_[at];
        if (blocked_[at]) return std::nullopt;
        if (const auto* patterns = Lookup(index.whole, w)) {
            if (auto m = Longest(at, *patterns)) return m;
        }
        if (IsOneOf(kTitles, w.folded) && at + 1 < words_.size() && JoinsTitle(text_, w.end, words_[at + 1].begin)) {
            if (const auto* patterns = Lookup(index.ending, words_[at + 1])) {
                if (auto m = Longest(at + 1, *patterns)) {
                    m->first_word = at;
                    ++m->words;
                    return m;
                }
            }
        }
        if (w.capitalised) {
            if (const auto* people = Lookup(index.first, w)) return NameMatch{at, 1, *people, false};
        }
        return std::nullopt;
    }

  private:
    bool MatchesAt(std::size_t at, const std::vector<std::string>& name) const {
        if (at + name.size() > words_.size()) return false;
        for (std::size_t k = 0; k < name.size(); ++k) {
            const Word& w = words_[at + k];
            if (blocked_[at + k] || (w.folded != name[k] && w.base != name[k])) return false;
            if (k > 0 && !JoinsName(text_, words_[at + k - 1].end, w.begin)) return false;
        }
        return true;
    }

    std::string_view text_;
    const std::vector<Word>& words_;
    const std::vector<bool>& blocked_;
};

// ---------------------------------------------------------------------------------------------
// Contact details

struct GroupContacts {
    std::set<std::string> emails;  // lower case
    std::set<std::string> phones;  // PhoneInText::digits
};

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

GroupContacts ReadGroupContacts(std::span<const std::string> contacts) {
    GroupContacts out;
    for (const auto& c : contacts) {
        for (const auto& e : FindEmailAddresses(c)) out.emails.insert(AsciiLower(c.substr(e.offset, e.length)));
        for (const auto& p : FindPhoneNumbers(c)) out.phones.insert(p.digits);
    }
    return out;
}

PublicTextFinding Found(PublicTextProblem problem, const PublicText& t, std::size_t offset, std::size_t length) {
    PublicTextFinding f;
    f.problem = problem;
    f.field = t.field;
    f.offset = offset;
    f.length = length;
    f.found = t.text.substr(offset, length);
    return f;
}

std::vector<PublicTextFinding> ContactFindings(const PublicText& t, const GroupContacts& group) {
    std::vector<PublicTextFinding> out;
    if (t.is_contact_route) return out;
    for (const auto& e : FindEmailAddresses(t.text)) {
        if (group.emails.count(AsciiLower(std::string_view(t.text).substr(e.offset, e.length)))) continue;
        out.push_back(Found(PublicTextProblem::kEmail, t, e.offset, e.length));
    }
    for (const auto& p : FindPhoneNumbers(t.text)) {
        if (group.phones.count(p.digits)) continue;
        out.push_back(Found(PublicTextProblem::kPhone, t, p.span.offset, p.span.length));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Where

std::size_t CodePointStartAtOrAfter(std::string_view text, std::size_t at) {
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
}

void Locate(std::string_view text, PublicTextFinding& f) {
    f.line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + f.offset, '\n'));
    const std::size_t line_start = f.offset == 0 ? 0 : text.rfind('\n', f.offset - 1) + 1;  // npos + 1 == 0
    std::size_t line_end = text.find('\n', f.offset + f.length);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::size_t from = CodePointStartAtOrAfter(
        text, f.offset - line_start > kExcerptContext ? f.offset - kExcerptContext : line_start);
    const std::size_t to = CodePointStartAtOrAfter(
        text, line_end - (f.offset + f.length) > kExcerptContext ? f.offset + f.length + kExcerptContext : line_end);
    f.excerpt = (from > line_start ? "…" : "") + std::string(text.substr(from, to - from)) + (to < line_end ? "…" : "");
    std::replace(f.excerpt.begin(), f.excerpt.end(), '\n', ' ');
}

std::vector<PublicTextFinding> CheckOne(const PublicText& t, std::span<const Person> people, const NameIndex& index,
                                        const GroupContacts& group) {
    if (t.text.size() > kMaxPublicTextBytes) return {Found(PublicTextProblem::kTooLong, t, 0, 0)};
    std::vector<PublicTextFinding> out = ContactFindings(t, group);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
    });
    // "01632960123@example.org" is an address and a number: report the address.
    const auto overlaps = [](const PublicTextFinding& a, const PublicTextFinding& b) {
        return b.offset < a.offset + a.length;
    };
    out.erase(std::unique(out.begin(), out.end(), overlaps), out.end());
    const std::vector<Word> words = Words(t.text);
    // A word inside an e-mail address or phone number is not looked at again: the address goes anyway.
    std::vector<bool> blocked(words.size(), false);
    std::size_t contact = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        while (contact < out.size() && out[contact].offset + out[contact].length <= words[k].begin) ++contact;
        blocked[k] = contact < out.size() && out[contact].offset < words[k].end;
    }
    const NameFinder finder(t.text, words, blocked);
    for (std::size_t at = 0; at < words.size(); ++at) {
        auto m = finder.At(at, index);
        if (!m) continue;
        const Word& last = words[m->first_word + m->words - 1];
        PublicTextFinding f =
            Found(PublicTextProblem::kName, t, words[m->first_word].begin, last.end - words[m->first_word].begin);
        f.whole_name = m->whole;
        for (std::size_t person : m->people) {
            f.person_ids.push_back(people[person].id);
            f.person_names.push_back(people[person].name);
        }
        out.push_back(std::move(f));
        at = m->first_word + m->words - 1;
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
    // Only those that can be listed are located (each costs a pass over its line), and one more to say so.
    if (out.size() > kMaxPublicTextFindings) out.resize(kMaxPublicTextFindings + 1);
    for (auto& f : out) Locate(t.text, f);
    return out;
}

}  // namespace

PublicTextCheck CheckPublicText(std::span<const PublicText> texts, std::span<const Person> people,
                                std::span<const std::string> group_contacts) {
    const NameIndex index = IndexNames(people);
    const GroupContacts group = ReadGroupContacts(group_contacts);
    PublicTextCheck check;
    for (const auto& t : texts) {
        for (auto& f : CheckOne(t, people, index, group)) {
            if (check.findings.size() == kMaxPublicTextFindings) {
                check.more = true;
                return check;
            }
            check.findings.push_back(std::move(f));
        }
    }
    return check;
}

}  // namespace carevoice::partnership
