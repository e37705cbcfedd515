// Nobody named without consent: the check every free text passes before it reaches a public page (a
// meeting's published minutes, a public "you said, we did", the group's own public details). It finds
// the names of the group's people who have not agreed to be named publicly, and e-mail addresses and
// phone numbers (partnership/text_contacts.hpp), and says which, in which field and where.
//
// How a name is matched. Words are runs of letters and digits (an apostrophe between letters is part
// of the word: O'Brien, O’Brien); they compare case-insensitively (core/utf8.hpp: Latin, Greek and
// Cyrillic), so "SIOBHÁN NÍ BHRIAIN" is Siobhán Ní Bhriain. The words of one name may be separated by
// spaces and at most one line break, or by one '.', '_' or '-' (jane.example@…, Mary-Jane). For each
// person of the group who has not agreed to be named:
// 1. the full name, every word in order, is always flagged;
// 2. so is the first and last word of a name of three or more words (John Smith for John Michael Smith);
// 3. a title (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Professor) followed by the end of the name is flagged:
//    "Mrs Bhriain", "Dr Ní Bhriain";
// 4. the first name alone is flagged when written with a capital ("Polly said", "POLLY"), as minutes
//    usually name people;
// but 3 and 4 only when unambiguous: not when the same words end, or begin, the name of someone who
// agreed to be named (with Vic Vicechair named, "Mrs Vicechair" may be Vic), nor for month names (a
// person called May or June: "14 May 2026"), nor for one-letter initials.
// Deliberately not flagged: a surname alone without a title, and a first name in lower case, because so
// many are ordinary words ("patient", "will", "hope", "Green", "Bell") that flagging them would refuse
// most minutes; write people's names as names and the check finds them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "partnership/person.hpp"

namespace carevoice::partnership {

// A text bound for a public page, and the form field it came from.
struct PublicText {
    std::string field;  // e.g. "minutes"
    std::string text;
    // The field is itself a published contact route of the group (its phone, its e-mail address): only
    // names are looked for in it.
    bool is_contact_route = false;
};

enum class PublicTextProblem {
    kName,     // names someone who has not agreed to be named publicly
    kEmail,    // an e-mail address
    kPhone,    // a phone number
    kTooLong,  // longer than kMaxPublicTextBytes: not checked, so not publishable
};

struct PublicTextFinding {
    PublicTextProblem problem = PublicTextProblem::kName;
    std::string field;
    std::size_t line = 1;    // from 1
    std::size_t offset = 0;  // bytes from the start of the field's text
    std::size_t length = 0;  // bytes
    std::string found;       // the text as written, e.g. "Polly", "polly@example.org"
    std::string excerpt;     // the line around it, shortened with "…"
    // kName: who it names (more than one when a first name alone belongs to several people), and
    // whether it is their whole name (rules 1 and 2) or part of it (3 and 4).
    std::vector<std::int64_t> person_ids;
    std::vector<std::string> person_names;
    bool whole_name = true;
};

// A longer text is not checked (the check's work grows with it) and is refused: minutes run to a few
// thousand words, far below this.
inline constexpr std::size_t kMaxPublicTextBytes = 200'000;
// Findings beyond this many are not listed; `more` says there were some.
inline constexpr std::size_t kMaxPublicTextFindings = 50;

struct PublicTextCheck {
    std::vector<PublicTextFinding> findings;  // in field order, then by offset; never overlapping
    bool more = false;
    bool ok() const { return findings.empty(); }
};

// Checks `texts` against the group's `people` (everyone recorded, members past and present: the check
// itself picks out who has not agreed to be named). `group_contacts` are the group's own published
// e-mail address and phone number, which may appear in any text.
PublicTextCheck CheckPublicText(std::span<const PublicText> texts, std::span<const Person> people,
                                std::span<const std::string> group_contacts = {});

}  // namespace carevoice::partnership
