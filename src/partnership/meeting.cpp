#include "partnership/meeting.hpp"

#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

void CheckPeople(std::string_view field, const std::vector<std::int64_t>& ids, Problems& problems) {
    std::set<std::int64_t> seen;
    for (std::int64_t id : ids) {
        if (!seen.insert(id).second) problems.Add(std::string(field), "lists person " + std::to_string(id) + " twice");
    }
}

}  // namespace

Status ValidateMeeting(const Meeting& meeting) {
    Problems problems;
    problems.RequireText("place", meeting.place);
    CheckPeople("attendees", meeting.attendees, problems);
    CheckPeople("apologies", meeting.apologies, problems);
    const std::set<std::int64_t> attended(meeting.attendees.begin(), meeting.attendees.end());
    for (std::int64_t id : meeting.apologies) {
        if (attended.count(id)) {
            problems.Add("apologies", "lists person " + std::to_string(id) + ", who is also listed as attending");
        }
    }
    if (meeting.minutes_public && text::Trim(meeting.minutes).empty()) {
        problems.Add("minutes", "are required before they can be made public");
    }
    for (std::size_t at = 0; at < meeting.decisions.size(); ++at) {
        if (text::Trim(meeting.decisions[at]).empty()) problems.Add(Field("decisions", at), "is empty");
    }
    return problems.ToStatus("the meeting");
}

Status ValidateAction(const Action& action) {
    Problems problems;
    problems.RequireText("description", action.description);
    if (action.status == ActionStatus::kOpen && action.closed_on) {
        problems.Add("closed_on", "must be empty while the action is open");
    }
    return problems.ToStatus("the action");
}

}  // namespace carevoice::partnership
