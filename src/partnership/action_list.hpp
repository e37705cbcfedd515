// One list of the group's actions across meetings, audits and work items, in the order a chair goes
// through them: overdue first. Pure, with "today" passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/civil_date.hpp"
#include "partnership/meeting.hpp"

namespace carevoice::partnership {

struct ActionListEntry {
    Action action;
    bool overdue = false;
    std::int64_t days_overdue = 0;  // 0 unless overdue
};

// Overdue means open with a due date before today (an action due today is not yet overdue).
// Order: (1) overdue, the longest overdue first; (2) open with a due date, the soonest first;
// (3) open without a due date, oldest (lowest id) first; (4) done or dropped, the most recently
// closed first, those without a closing date last. Ties go to the lower id.
std::vector<ActionListEntry> OrderActionList(std::span<const Action> actions, CivilDate today);

}  // namespace carevoice::partnership
