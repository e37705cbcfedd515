#include "pathway/recompute.hpp"

#include <algorithm>

#include "core/parallel.hpp"

namespace carevoice::pathway {

PathwayState RecomputePathway(std::vector<Event> events, CivilDate as_of) {
    PathwayState state;
    const std::string id = events.empty() ? std::string() : events.front().pathway_id;
    state.events = EffectiveEvents(std::move(events));
    for (const auto& e : state.events) {
        if (!e.provider.empty()) state.providers.insert(e.provider);
        if (!e.to_provider.empty()) state.providers.insert(e.to_provider);
    }
    state.clocks = ComputeClocks(state.events, as_of);
    state.clocks.pathway_id = id;  // even if no event were left to count
    return state;
}

std::vector<PathwayState> RecomputeAll(std::vector<Event> events, CivilDate as_of) {
    const auto groups = GroupByPathway(events);
    std::vector<PathwayState> out(groups.size());
    RunSlices(groups.size(), WorkersFor(groups.size(), kPathwaysPerWorker),
              [&](std::size_t, std::size_t from, std::size_t to) {
                  for (std::size_t k = from; k < to; ++k)
                      out[k] = RecomputePathway(TakeGroup(events, groups[k]), as_of);
              });
    return out;
}

const PathwayState* FindState(const std::vector<PathwayState>& states, std::string_view ref) {
    auto it = std::lower_bound(states.begin(), states.end(), ref, [](const PathwayState& s, std::string_view r) {
        return std::string_view(s.clocks.pathway_id) < r;
    });
    return it != states.end() && it->clocks.pathway_id == ref ? &*it : nullptr;
}

}  // namespace carevoice::pathway
