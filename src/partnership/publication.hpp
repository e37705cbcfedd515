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

}  // namespace carevoice::partnership
