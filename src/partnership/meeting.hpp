// Meetings of a group — date, place or call, agenda, who attended and who sent apologies, minutes
// (Markdown, kept as text: rendering is the web layer's job), decisions — and the actions that come
// out of meetings, audits and work items, each with an owner, a due date and a status.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

enum class MeetingMode { kInPerson, kCall, kHybrid };

inline constexpr std::array<EnumName<MeetingMode>, 3> kMeetingModes = {{
    {MeetingMode::kInPerson, "in_person", "In person"},
    {MeetingMode::kCall, "call", "Phone or video call"},
    {MeetingMode::kHybrid, "hybrid", "In person and by call"},
}};

struct Meeting {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    CivilDate held_on;
    MeetingMode mode = MeetingMode::kInPerson;
    std::string place;  // the venue, or how to join the call
    std::string agenda;
    std::vector<std::int64_t> attendees;  // person ids
    std::vector<std::int64_t> apologies;  // person ids
    std::string minutes;                  // Markdown
    // §6.2.9: "Minutes of the meetings will be considered public documents"; carevoice publishes
    // them only when marked, as draft minutes may still name people.
    bool minutes_public = false;
    std::vector<std::string> decisions;
};

enum class ActionStatus { kOpen, kDone, kDropped };

inline constexpr std::array<EnumName<ActionStatus>, 3> kActionStatuses = {{
    {ActionStatus::kOpen, "open", "Open"},
    {ActionStatus::kDone, "done", "Done"},
    {ActionStatus::kDropped, "dropped", "Dropped"},
}};

// An action of the group. It may come from a meeting, an environmental audit's finding or a work
// item; all appear in one action list.
struct Action {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> audit_id;
    std::optional<std::int64_t> work_item_id;
    std::string description;
    std::optional<std::int64_t> owner_person_id;
    std::optional<CivilDate> due_on;
    ActionStatus status = ActionStatus::kOpen;
    std::optional<CivilDate> closed_on;  // when it was done or dropped
};

// Names every problem: place; attendees/apologies (a person twice, or in both lists); minutes
// (required to make them public); decisions[N].
Status ValidateMeeting(const Meeting& meeting);
// Names every problem: description; closed_on (must be empty while the action is open).
Status ValidateAction(const Action& action);

}  // namespace carevoice::partnership
