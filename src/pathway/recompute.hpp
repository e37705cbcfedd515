// What the tracking list keeps of every pathway between changes to the events (issue 9): the events that
// count, the providers involved and the clocks, recomputed for every pathway whenever the events change,
// on the machine's cores. Pure: the caller reads the events and keeps the result.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "pathway/clocks.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

struct PathwayState {
    PathwayClocks clocks;             // clocks.pathway_id names the pathway
    std::span<const Event> events;    // effective (EffectiveEvents), in applied order: part of Recomputed::events
    std::set<std::string> providers;  // every provider and receiving provider of those events
};

// Every pathway's state. Its events live in one vector, pathway after pathway, so that 3 million pathways
// are not 3 million allocations: movable (the spans stay valid), never copied.
struct Recomputed {
    std::vector<Event> events;
    std::vector<PathwayState> pathways;  // by pathway id

    Recomputed() = default;
    Recomputed(Recomputed&&) = default;
    Recomputed& operator=(Recomputed&&) = default;
    Recomputed(const Recomputed&) = delete;
    Recomputed& operator=(const Recomputed&) = delete;

    // The state of pathway `ref`, or null.
    const PathwayState* Find(std::string_view ref) const;
};

// From `events` of many pathways, in any order, corrections included.
Recomputed RecomputeAll(std::vector<Event> events, CivilDate as_of);

}  // namespace carevoice::pathway
