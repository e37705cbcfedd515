#include "partnership/group.hpp"

#include <set>

#include "core/text.hpp"
#include "partnership/problems.hpp"

namespace carevoice::partnership {

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
    return problems.ToStatus("the group");
}

}  // namespace carevoice::partnership
