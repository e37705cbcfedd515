// What may be shown to the public about people. Public pages of a group show no member details at
// all; a count of people (members, attendees, auditors) is published only when it is large enough
// that nobody can be picked out of it. The facilitator's own views are internal and unsuppressed.
#pragma once

#include <cstdint>

namespace carevoice::partnership {

// The same threshold as the survey's disclosure control (CPES publishes no figure from fewer than 21
// respondents; experience/disclosure.hpp). Configuration may raise or lower it; this is its default.
inline constexpr int kDefaultPublicCountThreshold = 21;

// True when a count of people may appear on a public page. Zero is a small number too: "no members
// from X" about a small group can identify as surely as "one", so it is withheld like any other.
constexpr bool MayPublishCount(std::int64_t count, int threshold = kDefaultPublicCountThreshold) {
    return count >= threshold;
}

// The one rule for a group's published diversity figures (issue 10, item 5): wherever they are shown to anyone
// but the group's facilitators and chairs — the diversity page for analysts, the annual report and its
// download — a count of fewer than 5 people (none included) reads "fewer than 5", and a dimension's totals are
// withheld whenever one of its counts is, so that a withheld count cannot be worked out. For a group of 16 the
// larger groups still show. Stated once, on the privacy page (kDiversityDisclosureRule), and applied by
// web/partnership/programme DiversityJson alone.
inline constexpr int kDiversityDisclosureMinimum = 5;
constexpr bool MayPublishDiversityCount(std::int64_t count) { return count >= kDiversityDisclosureMinimum; }
inline constexpr const char* kDiversityDisclosureRule =
    "A partnership group's diversity figures, wherever they are shown beyond its facilitators and chairs (the "
    "diversity page for analysts, the annual report and its download), show any count of fewer than 5 people as "
    "\"fewer than 5\", and withhold a dimension's totals whenever one of its counts is withheld, so that the "
    "count cannot be worked out.";

}  // namespace carevoice::partnership
