#include "partnership/action_list.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace carevoice::partnership {
namespace {

enum class Band { kOverdue = 0, kDue = 1, kUndated = 2, kClosed = 3 };

Band BandOf(const Action& action, CivilDate today) {
    if (action.status != ActionStatus::kOpen) return Band::kClosed;
    if (!action.due_on) return Band::kUndated;
    return *action.due_on < today ? Band::kOverdue : Band::kDue;
}

// Within a band, the smaller key comes first.
std::int64_t KeyWithin(const Action& action, Band band) {
    switch (band) {
        case Band::kOverdue:
        case Band::kDue:
            return action.due_on->days_since_epoch();
        case Band::kUndated:
            return 0;
        case Band::kClosed:
            // Most recently closed first; no closing date after every dated one.
            return action.closed_on ? -action.closed_on->days_since_epoch() : std::numeric_limits<std::int64_t>::max();
    }
    return 0;
}

}  // namespace

std::vector<ActionListEntry> OrderActionList(std::span<const Action> actions, CivilDate today) {
    std::vector<ActionListEntry> entries;
    entries.reserve(actions.size());
    for (const Action& action : actions) {
        ActionListEntry entry{action};
        if (BandOf(action, today) == Band::kOverdue) {
            entry.overdue = true;
            entry.days_overdue = DaysBetween(*action.due_on, today);
        }
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [today](const ActionListEntry& a, const ActionListEntry& b) {
        const Band band_a = BandOf(a.action, today);
        const Band band_b = BandOf(b.action, today);
        return std::make_tuple(band_a, KeyWithin(a.action, band_a), a.action.id) <
               std::make_tuple(band_b, KeyWithin(b.action, band_b), b.action.id);
    });
    return entries;
}

}  // namespace carevoice::partnership
