#include "pathway/recompute.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "core/parallel.hpp"

namespace carevoice::pathway {

namespace {

// Puts `events` in pathway order (by id; within a pathway, in the order given) in place, and returns where
// each pathway begins, with the end last. No event is copied, and events already in that order (as the
// store reads them) are not moved at all.
std::vector<std::size_t> SortByPathway(std::vector<Event>& events) {
    const std::size_t n = events.size();
    {
        // Already in pathway order (the store reads them so): each pathway begins where the id changes.
        std::vector<std::size_t> start;
        bool ordered = true;
        for (std::size_t i = 0; i < n && ordered; ++i) {
            if (i == 0 || events[i].pathway_id != events[i - 1].pathway_id) {
                ordered = i == 0 || events[i - 1].pathway_id < events[i].pathway_id;
                start.push_back(i);
            }
        }
        if (ordered) {
            start.push_back(n);
            return start;
        }
    }
    std::vector<std::uint32_t> group(n);  // each event's pathway, numbered as first seen
    std::vector<std::size_t> first;       // an event of each pathway, for its id
    std::vector<std::size_t> count;       // events of each pathway
    {
        std::unordered_map<std::string_view, std::uint32_t> number;
        std::uint32_t current = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // Events of a pathway come together: the hash is consulted once a run.
            if (first.empty() || events[i].pathway_id != events[first[current]].pathway_id) {
                auto [it, fresh] = number.try_emplace(events[i].pathway_id, static_cast<std::uint32_t>(first.size()));
                if (fresh) {
                    first.push_back(i);
                    count.push_back(0);
                }
                current = it->second;
            }
            group[i] = current;
            ++count[current];
        }
    }
    std::vector<std::uint32_t> by_id(first.size());
    std::iota(by_id.begin(), by_id.end(), 0u);
    std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
        return events[first[a]].pathway_id < events[first[b]].pathway_id;
    });
    std::vector<std::size_t> start(first.size() + 1, n), next(first.size());
    std::size_t at = 0;
    for (std::size_t rank = 0; rank < by_id.size(); ++rank) {
        start[rank] = next[by_id[rank]] = at;
        at += count[by_id[rank]];
    }
    std::vector<std::size_t> dest(n);
    for (std::size_t i = 0; i < n; ++i) dest[i] = next[group[i]]++;
    // Each swap puts one event in its place.
    for (std::size_t i = 0; i < n; ++i) {
        while (dest[i] != i) {
            const std::size_t j = dest[i];
            std::swap(events[i], events[j]);
            std::swap(dest[i], dest[j]);
        }
    }
    return start;
}

}  // namespace

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
