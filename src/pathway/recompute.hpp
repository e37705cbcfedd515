// What the tracking list keeps of every pathway between changes to the events (issue 9): the events that
// count, the providers involved and the clocks, recomputed for every pathway whenever the events change,
// on the machine's cores. Pure: the caller reads the events and keeps the result.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "pathway/clocks.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

struct PathwayState {
    std::string pathway_id;
    std::span<const Event> events;  // effective (EffectiveEvents), in applied order
    std::span<const Clock> clocks;  // fds, then 62, then each 31 in treatment order (ComputeClocks)
    std::span<const DataQualityProblem> problems;
    // Every provider and receiving provider of those events, sorted, each once: the events' own codes.
    std::span<const std::string_view> providers;

    bool Involves(std::string_view provider) const;
};

// Every pathway's state, in pathway id order. The events live in one vector, pathway after pathway; the
// states, clocks, problems and providers in one vector each per core that computed them (a pool holds a
// slice of the pathways), so that 3 million pathways are not millions of allocations. Movable (the spans
// and views stay valid: moving a vector keeps its elements where they are), never copied.
struct Recomputed {
    struct Pool {
        std::vector<PathwayState> states;
        std::vector<Clock> clocks;
        std::vector<DataQualityProblem> problems;
        std::vector<std::string_view> providers;          // views of `events`
        std::vector<std::array<std::size_t, 3>> offsets;  // while computing: where each state's spans begin
        void Clear();                                     // empties each vector, keeping its memory
    };
    std::vector<Event> events;
    std::vector<Pool> pools;

    Recomputed() = default;
    Recomputed(Recomputed&&) = default;
    Recomputed& operator=(Recomputed&&) = default;
    Recomputed(const Recomputed&) = delete;
    Recomputed& operator=(const Recomputed&) = delete;

    std::size_t size() const;  // pathways
    bool empty() const { return size() == 0; }
    const PathwayState& operator[](std::size_t k) const;  // the k-th pathway by id; throws past the end
    // The state of pathway `ref`, or null.
    const PathwayState* Find(std::string_view ref) const;
};

// From `events` of many pathways, in any order, corrections included. `recycled`, a previous result no one
// needs any more, lends its memory: a recompute then fills memory the process already has, instead of
// fresh pages from the system (which a virtual machine makes costly). The result does not depend on it.
// `workers`: how many threads share the work; 0, as many as the machine and the size justify.
Recomputed RecomputeAll(std::vector<Event> events, CivilDate as_of, Recomputed recycled = {}, std::size_t workers = 0);

}  // namespace carevoice::pathway
