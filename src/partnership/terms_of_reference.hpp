// A group's terms of reference: the document itself (text or a link) and the rules in it that
// carevoice can check, held as data — who may chair, how long a chair serves, the gap before
// re-election, how many vice-chairs, the quorum, and when the terms are next reviewed.
#pragma once

#include <array>
#include <string>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

enum class ChairEligibility { kUserOrCarer, kAnyMember };

inline constexpr std::array<EnumName<ChairEligibility>, 2> kChairEligibilities = {{
    {ChairEligibility::kUserOrCarer, "user_or_carer", "A user or carer"},
    {ChairEligibility::kAnyMember, "any_member", "Any member"},
}};

struct TermsOfReference {
    std::string document_text;  // the document, or
    std::string document_url;   // where it is published (http:// or https://)
    ChairEligibility chair_eligibility = ChairEligibility::kUserOrCarer;
    int chair_term_min_months = 12;
    int chair_term_max_months = 36;
    int re_election_gap_months = 12;  // after a chair's term ends, how long before they may chair again
    int vice_chairs = 2;
    int quorum = 6;      // people present for decisions to stand
    int quorum_lay = 0;  // of whom at least this many are users or carers
    CivilDate review_date;
};

// The rules of the report's sample terms of reference (§6.2.9): the chair is "a user or carer,
// elected ... for a minimum of one year and a maximum of three and cannot be re-elected for a
// further year"; "there will be two vice chairs"; "the terms of reference will be reviewed
// annually" (so the review falls 12 months after adoption). The sample sets no quorum: carevoice
// suggests 6 people of whom 3 users or carers, so that a meeting is neither a handful nor
// professional-led; groups set their own.
TermsOfReference SampleTermsOfReference(CivilDate adopted_on);

inline constexpr int kMaxTermMonths = 120;
inline constexpr int kMaxViceChairs = 10;

// Names every problem: document_text (neither text nor link given), document_url (not http(s)),
// chair_term_min_months (< 1), chair_term_max_months (< min, or > kMaxTermMonths),
// re_election_gap_months (< 0), vice_chairs (outside 0..kMaxViceChairs), quorum (< 1),
// quorum_lay (< 0 or > quorum).
Status ValidateTermsOfReference(const TermsOfReference& terms);

}  // namespace carevoice::partnership
