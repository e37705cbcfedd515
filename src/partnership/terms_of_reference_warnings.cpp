#include "partnership/terms_of_reference_warnings.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "partnership/dates.hpp"

namespace carevoice::partnership {
namespace {

// A continuous spell in the chair: offices of chair or co-chair that touch or overlap.
struct ChairTerm {
    CivilDate start;
    std::optional<CivilDate> end;  // the first day out of office
};

std::optional<CivilDate> EffectiveEnd(const Person& person, const OfficeHeld& office) {
    if (!person.left_on) return office.ended_on;
    if (!office.ended_on) return person.left_on;
    return std::min(*office.ended_on, *person.left_on);
}

std::vector<ChairTerm> ChairTerms(const Person& person) {
    std::vector<ChairTerm> spells;
    for (const OfficeHeld& office : person.offices) {
        if (IsChairOffice(office.office)) spells.push_back({office.started_on, EffectiveEnd(person, office)});
    }
    std::sort(spells.begin(), spells.end(), [](const ChairTerm& a, const ChairTerm& b) { return a.start < b.start; });
    std::vector<ChairTerm> terms;
    for (const ChairTerm& spell : spells) {
        if (!terms.empty() && (!terms.back().end || spell.start <= *terms.back().end)) {
            ChairTerm& last = terms.back();
            if (last.end && (!spell.end || *spell.end > *last.end)) last.end = spell.end;
            continue;
        }
        terms.push_back(spell);
    }
    return terms;
}

bool CurrentOn(const ChairTerm& term, CivilDate today) {
    return term.start <= today && (!term.end || today < *term.end);
}

std::string Days(std::int64_t days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }
std::string Months(int months) { return std::to_string(months) + (months == 1 ? " month" : " months"); }

std::string Lower(std::string_view label) { return text::ToLower(label); }

void ChairWarnings(const TermsOfReference& terms, const Person& person, CivilDate today, std::vector<TorWarning>& out) {
    const std::vector<ChairTerm> chair_terms = ChairTerms(person);
    for (std::size_t at = 0; at < chair_terms.size(); ++at) {
        const ChairTerm& term = chair_terms[at];
        if (!CurrentOn(term, today)) continue;
        if (terms.chair_eligibility == ChairEligibility::kUserOrCarer && !IsLay(person.member_type)) {
            out.push_back({TorWarningKind::kChairNotEligible,
                           person.name + " chairs the group but is a " +
                               Lower(LabelOf(kMemberTypes, person.member_type)) +
                               "; the terms of reference ask for a user or carer (someone else may chair only "
                               "for a short time, when no user or carer is available)",
                           person.id, std::nullopt, term.start});
        }
        const CivilDate limit = AddMonths(term.start, terms.chair_term_max_months);
        if (today >= limit) {
            out.push_back({TorWarningKind::kChairPastTerm,
                           person.name + " has chaired the group since " + term.start.ToString() +
                               "; the terms of reference allow at most " + Months(terms.chair_term_max_months) +
                               ", which ended on " + limit.ToString(),
                           person.id, std::nullopt, limit});
        } else if (DaysBetween(today, limit) <= kDueWithinDays) {
            out.push_back({TorWarningKind::kChairTermEndsSoon,
                           person.name + "'s term as chair reaches the most the terms of reference allow (" +
                               Months(terms.chair_term_max_months) + ") on " + limit.ToString() + ", in " +
                               Days(DaysBetween(today, limit)) + ": arrange an election",
                           person.id, std::nullopt, limit});
        }
        if (at > 0 && chair_terms[at - 1].end) {
            const CivilDate previous_end = *chair_terms[at - 1].end;
            const CivilDate allowed_from = AddMonths(previous_end, terms.re_election_gap_months);
            if (term.start < allowed_from) {
                out.push_back({TorWarningKind::kChairReElectedTooSoon,
                               person.name + " became chair again on " + term.start.ToString() +
                                   ", but their previous term ended on " + previous_end.ToString() +
                                   " and the terms of reference ask for a gap of " +
                                   Months(terms.re_election_gap_months) + " (not before " + allowed_from.ToString() +
                                   ")",
                               person.id, std::nullopt, term.start});
            }
        }
    }
}

bool ChairsOn(const Person& person, CivilDate today) {
    for (const ChairTerm& term : ChairTerms(person)) {
        if (CurrentOn(term, today)) return true;
    }
    return false;
}

void ViceChairWarnings(const TermsOfReference& terms, std::span<const Person> people, CivilDate today,
                       std::vector<TorWarning>& out) {
    int holding = 0;
    for (const Person& person : people) {
        const bool vice = std::any_of(person.offices.begin(), person.offices.end(), [&](const OfficeHeld& o) {
            return o.office == Office::kViceChair && HoldsOfficeOn(person, o, today);
        });
        if (vice) ++holding;
    }
    const std::string asked = "the terms of reference ask for " + std::to_string(terms.vice_chairs) +
                              (terms.vice_chairs == 1 ? " vice-chair" : " vice-chairs");
    const std::string held = std::to_string(holding) + (holding == 1 ? " holds" : " hold") + " the office";
    if (holding < terms.vice_chairs) {
        out.push_back({TorWarningKind::kTooFewViceChairs, asked + "; " + held, std::nullopt, std::nullopt, today});
    } else if (holding > terms.vice_chairs) {
        out.push_back({TorWarningKind::kTooManyViceChairs, asked + "; " + held, std::nullopt, std::nullopt, today});
    }
}

void ReviewWarnings(const TermsOfReference& terms, CivilDate today, std::vector<TorWarning>& out) {
    const std::int64_t days = DaysBetween(today, terms.review_date);
    if (days < 0) {
        out.push_back({TorWarningKind::kReviewOverdue,
                       "the terms of reference were due for review on " + terms.review_date.ToString() + ", " +
                           Days(-days) + " ago",
                       std::nullopt, std::nullopt, terms.review_date});
    } else if (days <= kDueWithinDays) {
        out.push_back({TorWarningKind::kReviewDueSoon,
                       "the terms of reference are due for review on " + terms.review_date.ToString() +
                           (days == 0 ? ", today" : ", in " + Days(days)),
                       std::nullopt, std::nullopt, terms.review_date});
    }
}

void MeetingWarnings(const TermsOfReference& terms, std::span<const Person> people, std::span<const Meeting> meetings,
                     CivilDate today, std::vector<TorWarning>& out) {
    std::map<std::int64_t, const Person*> by_id;
    for (const Person& person : people) by_id[person.id] = &person;
    std::vector<const Meeting*> held;
    for (const Meeting& meeting : meetings) {
        if (meeting.held_on <= today) held.push_back(&meeting);
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const Meeting* a, const Meeting* b) { return a->held_on < b->held_on; });
    for (const Meeting* meeting : held) {
        const int present = static_cast<int>(meeting->attendees.size());
        int lay = 0;
        for (std::int64_t id : meeting->attendees) {
            auto it = by_id.find(id);
            if (it != by_id.end() && IsLay(it->second->member_type)) ++lay;
        }
        const std::string when = "the meeting of " + meeting->held_on.ToString();
        if (present < terms.quorum) {
            out.push_back({TorWarningKind::kMeetingWithoutQuorum,
                           when + " had " + std::to_string(present) + (present == 1 ? " person" : " people") +
                               " present; the quorum is " + std::to_string(terms.quorum),
                           std::nullopt, meeting->id, meeting->held_on});
        }
        if (lay < terms.quorum_lay) {
            out.push_back({TorWarningKind::kMeetingWithoutLayQuorum,
                           when + " had " + std::to_string(lay) + (lay == 1 ? " user or carer" : " users or carers") +
                               " present; the terms of reference ask for at least " + std::to_string(terms.quorum_lay),
                           std::nullopt, meeting->id, meeting->held_on});
        }
    }
}

}  // namespace

std::vector<TorWarning> TermsOfReferenceWarnings(const TermsOfReference& terms, std::span<const Person> people,
                                                 std::span<const Meeting> meetings, CivilDate today) {
    std::vector<TorWarning> out;
    const bool has_chair =
        std::any_of(people.begin(), people.end(), [&](const Person& p) { return ChairsOn(p, today); });
    if (!has_chair) {
        out.push_back({TorWarningKind::kNoChair, "nobody holds the office of chair or co-chair today", std::nullopt,
                       std::nullopt, today});
    }
    for (const Person& person : people) ChairWarnings(terms, person, today, out);
    ViceChairWarnings(terms, people, today, out);
    ReviewWarnings(terms, today, out);
    MeetingWarnings(terms, people, meetings, today, out);
    return out;
}

}  // namespace carevoice::partnership
