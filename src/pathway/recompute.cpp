#include "pathway/recompute.hpp"

#include <algorithm>
#include <string_view>

#include "core/parallel.hpp"

namespace carevoice::pathway {

Recomputed RecomputeAll(std::vector<Event> events, CivilDate as_of) {
    const std::vector<std::size_t> start = SortByPathway(events);
    Recomputed out;
    out.events = std::move(events);
    out.pathways.resize(start.size() - 1);
    RunSlices(out.pathways.size(), WorkersFor(out.pathways.size(), kPathwaysPerWorker),
              [&](std::size_t, std::size_t from, std::size_t to) {
                  for (std::size_t k = from; k < to; ++k) {
                      const std::span<Event> own(out.events.data() + start[k], start[k + 1] - start[k]);
                      const std::string id = own.front().pathway_id;
                      PathwayState& state = out.pathways[k];
                      state.events = own.first(KeepEffective(own));
                      for (const auto& e : state.events) {
                          if (!e.provider.empty()) state.providers.insert(e.provider);
                          if (!e.to_provider.empty()) state.providers.insert(e.to_provider);
                      }
                      state.clocks = ComputeClocksOfEffective(state.events, as_of);
                      state.clocks.pathway_id = id;  // even if no event were left to count
                  }
              });
    return out;
}

const PathwayState* Recomputed::Find(std::string_view ref) const {
    auto it = std::lower_bound(pathways.begin(), pathways.end(), ref, [](const PathwayState& s, std::string_view r) {
        return std::string_view(s.clocks.pathway_id) < r;
    });
    return it != pathways.end() && it->clocks.pathway_id == ref ? &*it : nullptr;
}

}  // namespace carevoice::pathway
