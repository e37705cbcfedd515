// What the tracking list keeps of every pathway between changes to the events (issue 9): the events that
// count, the providers involved and the clocks, recomputed for every pathway whenever the events change,
// on the machine's cores. Pure: the caller reads the events and keeps the result.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "pathway/clocks.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

struct PathwayState {
    PathwayClocks clocks;             // clocks.pathway_id names the pathway
    std::vector<Event> events;        // effective (EffectiveEvents), in applied order
    std::set<std::string> providers;  // every provider and receiving provider of those events
};

// One pathway's state from its events (any order, corrections included).
PathwayState RecomputePathway(std::vector<Event> events, CivilDate as_of);

// Every pathway's state from `events` (of many pathways, any order), by pathway id.
std::vector<PathwayState> RecomputeAll(std::vector<Event> events, CivilDate as_of);

// The state of pathway `ref` in a RecomputeAll result, or null.
const PathwayState* FindState(const std::vector<PathwayState>& states, std::string_view ref);

}  // namespace carevoice::pathway
