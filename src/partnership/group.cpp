#include "partnership/group.hpp"

#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

// The same light checks as a person's contact details (person.cpp): "a@b" without spaces, and at
// least 6 digits in a phone number.
bool LooksLikeEmail(std::string_view email) {
    const std::size_t at = email.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string_view::npos && email.find(' ') == std::string_view::npos;
}

constexpr int kMinPhoneDigits = 6;

int Digits(std::string_view s) {
    int n = 0;
    for (char c : s) n += (c >= '0' && c <= '9') ? 1 : 0;
    return n;
}

}  // namespace

Status ValidateGroup(const Group& group) {
    Problems problems;
    problems.RequireText("name", group.name);
    problems.RequireText("area_name", group.area_name);
    if (!group.model && text::Trim(group.model_description).empty()) {
        problems.Add("model_description", "is required when none of the models A to E describes the group");
    }
    if (group.year_founded &&
        (*group.year_founded < kEarliestYearFounded || *group.year_founded > kLatestYearFounded)) {
        problems.Add("year_founded", "must be between " + std::to_string(kEarliestYearFounded) + " and " +
                                         std::to_string(kLatestYearFounded) + ", not " +
                                         std::to_string(*group.year_founded));
    }
    if (group.meeting_interval_weeks &&
        (*group.meeting_interval_weeks < 1 || *group.meeting_interval_weeks > kMaxMeetingIntervalWeeks)) {
        problems.Add("meeting_interval_weeks", "must be between 1 and " + std::to_string(kMaxMeetingIntervalWeeks) +
                                                   " weeks, not " + std::to_string(*group.meeting_interval_weeks));
    }
    for (std::size_t at = 0; at < group.links.size(); ++at) {
        const GroupLink& link = group.links[at];
        problems.RequireText(Field("links", at, "body_name"), link.body_name);
        std::set<std::int64_t> seen;
        for (std::int64_t person : link.representative_ids) {
            if (!seen.insert(person).second) {
                problems.Add(Field("links", at, "representative_ids"),
                             "names person " + std::to_string(person) + " twice");
            }
        }
    }
    const std::string_view email = text::Trim(group.contact_email);
    if (!email.empty() && !LooksLikeEmail(email)) {
        problems.Add("contact_email", "'" + group.contact_email + "' is not an e-mail address");
    }
    const std::string_view phone = text::Trim(group.contact_phone);
    if (!phone.empty() && Digits(phone) < kMinPhoneDigits) {
        problems.Add("contact_phone",
                     "'" + group.contact_phone + "' has fewer than " + std::to_string(kMinPhoneDigits) + " digits");
    }
    return problems.ToStatus("the group");
}

}  // namespace carevoice::partnership
