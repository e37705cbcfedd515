// What a group's own rules say is wrong or due today: a chair past their term or about to reach it,
// a chair who is not a user or carer, a chair back too soon, missing vice-chairs, a review overdue
// or coming up, a meeting without quorum. Pure: the caller passes the group's records and "today".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "partnership/terms_of_reference.hpp"

namespace carevoice::partnership {

enum class TorWarningKind {
    kNoChair,
    kChairNotEligible,
    kChairPastTerm,
    kChairTermEndsSoon,
    kChairReElectedTooSoon,
    kTooFewViceChairs,
    kTooManyViceChairs,
    kReviewOverdue,
    kReviewDueSoon,
    kMeetingWithoutQuorum,
    kMeetingWithoutLayQuorum,
};

inline constexpr std::array<EnumName<TorWarningKind>, 11> kTorWarningKinds = {{
    {TorWarningKind::kNoChair, "no_chair", "No chair"},
    {TorWarningKind::kChairNotEligible, "chair_not_eligible", "Chair is not a user or carer"},
    {TorWarningKind::kChairPastTerm, "chair_past_term", "Chair past their term"},
    {TorWarningKind::kChairTermEndsSoon, "chair_term_ends_soon", "Chair's term ends soon"},
    {TorWarningKind::kChairReElectedTooSoon, "chair_re_elected_too_soon", "Chair re-elected too soon"},
    {TorWarningKind::kTooFewViceChairs, "too_few_vice_chairs", "Too few vice-chairs"},
    {TorWarningKind::kTooManyViceChairs, "too_many_vice_chairs", "More vice-chairs than the terms allow"},
    {TorWarningKind::kReviewOverdue, "review_overdue", "Review of the terms of reference overdue"},
    {TorWarningKind::kReviewDueSoon, "review_due_soon", "Review of the terms of reference due soon"},
    {TorWarningKind::kMeetingWithoutQuorum, "meeting_without_quorum", "Meeting without quorum"},
    {TorWarningKind::kMeetingWithoutLayQuorum, "meeting_without_lay_quorum", "Meeting without enough users"},
}};

struct TorWarning {
    TorWarningKind kind = TorWarningKind::kNoChair;
    std::string message;  // a sentence a facilitator can act on, naming the person, meeting and dates
    std::optional<std::int64_t> person_id;
    std::optional<std::int64_t> meeting_id;
    std::optional<CivilDate> date;  // when the rule was or will be broken
};

// "Due" means within this many days. Groups meet every six weeks to three months (§4.1.1), so 90
// days leaves at least one meeting to hold an election or agree a review.
inline constexpr int kDueWithinDays = 90;

// The rules, exactly:
// - The chair: anyone holding the office of chair or co-chair today (an office ends when its holder
//   leaves the group). None: kNoChair. A chair who is not a user or carer under kUserOrCarer:
//   kChairNotEligible.
// - Term: a chair's offices that touch or overlap make one continuous term. When today is on or after
//   the term's start + chair_term_max_months: kChairPastTerm; within kDueWithinDays before it:
//   kChairTermEndsSoon.
// - Re-election: a current term that began less than re_election_gap_months after the same person's
//   previous term ended: kChairReElectedTooSoon.
// - Vice-chairs holding office today, fewer or more than the terms ask: kTooFew/kTooManyViceChairs.
// - Review: today after review_date: kReviewOverdue; on it or within kDueWithinDays before: kReviewDueSoon.
// - Each meeting held on or before today (pass the meetings you want checked) with fewer attendees than
//   the quorum: kMeetingWithoutQuorum; with fewer users or carers among them than quorum_lay:
//   kMeetingWithoutLayQuorum. An attendee not among `people` counts towards the quorum but not as a user.
// Warnings come in that order: chair, vice-chairs, review, then meetings oldest first.
std::vector<TorWarning> TermsOfReferenceWarnings(const TermsOfReference& terms, std::span<const Person> people,
                                                 std::span<const Meeting> meetings, CivilDate today);

}  // namespace carevoice::partnership
