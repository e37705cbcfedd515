#include "pathway/recompute.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

#include "core/memory.hpp"
#include "core/parallel.hpp"

namespace carevoice::pathway {
namespace {

// Appends the distinct providers of `events` to `pool`, sorted.
void AppendProviders(std::span<const Event> events, std::vector<std::string_view>& pool) {
    const std::size_t first = pool.size();
    for (const Event& e : events) {
        if (!e.provider.empty()) pool.push_back(e.provider);
        if (!e.to_provider.empty()) pool.push_back(e.to_provider);
    }
    const auto begin = pool.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, pool.end());
    pool.erase(std::unique(begin, pool.end()), pool.end());
}

// Events a pathway has, about (7.6 in bench/pathway/generate_events.py, like the demo): to guess, from the
// events, how many pathways there are and how much room their clocks and providers need.
constexpr std::size_t kEventsPerPathway = 7;

// Events looked at a chunk at a time: the pathway ids of a chunk are compared (are the pathways in order?)
// while they are in the processor's cache, and the chunk's pathways computed straight after.
constexpr std::size_t kChunkEvents = 4096;

// Where worker w of `workers` starts: the first pathway beginning at or after its share of the events.
std::vector<std::size_t> SliceAtPathways(std::span<const Event> events, std::size_t workers) {
    const std::size_t n = events.size();
    std::vector<std::size_t> cut(workers + 1, n);
    cut[0] = 0;
    for (std::size_t w = 1; w < workers; ++w) {
        std::size_t i = std::max(cut[w - 1], w * (n / workers));
        while (i > 0 && i < n && events[i].pathway_id == events[i - 1].pathway_id) ++i;
        cut[w] = i;
    }
    return cut;
}

// One worker's share: the pathways of events [from, to), which begins where a pathway does. False when the
// events are not in pathway order after all (what the pool holds is then thrown away by the caller).
bool ComputeSlice(std::span<Event> events, std::size_t from, std::size_t to, CivilDate as_of, Recomputed::Pool& pool) {
    const std::size_t pathways = (to - from) / kEventsPerPathway + 1;  // about; the vectors may still grow
    ReserveInHugePages(pool.states, pathways);
    ReserveInHugePages(pool.clocks, 3 * pathways);
    ReserveInHugePages(pool.providers, 2 * pathways);
    std::vector<std::size_t> begins;  // the pathways beginning in a chunk, and the end of the last
    for (std::size_t chunk = from; chunk < to;) {
        begins.clear();
        std::size_t i = chunk;
        for (; i < to && (begins.empty() || i - chunk < kChunkEvents); ++i) {
            if (i > from && events[i].pathway_id == events[i - 1].pathway_id) continue;
            // (Where the slice begins, the caller compared: the event before is another worker's.)
            if (i > from && !(events[i - 1].pathway_id < events[i].pathway_id)) return false;
            begins.push_back(i);
        }
        // The chunk ends where its last pathway does.
        while (i < to && events[i].pathway_id == events[i - 1].pathway_id) ++i;
        begins.push_back(i);
        for (std::size_t k = 0; k + 1 < begins.size(); ++k) {
            const std::span<Event> own = events.subspan(begins[k], begins[k + 1] - begins[k]);
            PathwayState& state = pool.states.emplace_back();
            pool.offsets.push_back({pool.clocks.size(), pool.problems.size(), pool.providers.size()});
            state.pathway_id = own.front().pathway_id;
            state.events = own.first(KeepEffective(own));
            AppendProviders(state.events, pool.providers);
            AppendClocksOfEffective(state.events, as_of, pool.clocks, pool.problems);
        }
        chunk = i;
    }
    // The pools have stopped growing: now the spans can point into them.
    pool.offsets.push_back({pool.clocks.size(), pool.problems.size(), pool.providers.size()});
    for (std::size_t k = 0; k < pool.states.size(); ++k) {
        const auto& [c, p, v] = pool.offsets[k];
        const auto& [c_end, p_end, v_end] = pool.offsets[k + 1];
        pool.states[k].clocks = std::span<const Clock>(pool.clocks).subspan(c, c_end - c);
        pool.states[k].problems = std::span<const DataQualityProblem>(pool.problems).subspan(p, p_end - p);
        pool.states[k].providers = std::span<const std::string_view>(pool.providers).subspan(v, v_end - v);
    }
    return true;
}

// Computes every pathway of `out.events` into out.pools, or returns false if they are not in pathway order.
bool ComputeInOrder(Recomputed& out, CivilDate as_of, std::size_t workers) {
    for (auto& pool : out.pools) pool.Clear();
    out.pools.resize(workers);  // a recycled result's pools first
    const std::vector<std::size_t> cut = SliceAtPathways(out.events, workers);
    for (std::size_t w = 1; w < workers; ++w) {
        const std::size_t i = cut[w];
        if (i > 0 && i < out.events.size() && !(out.events[i - 1].pathway_id < out.events[i].pathway_id)) return false;
    }
    std::vector<char> ordered(workers, 0);
    RunSlices(workers, workers, [&](std::size_t w, std::size_t, std::size_t) {
        ordered[w] = ComputeSlice(out.events, cut[w], cut[w + 1], as_of, out.pools[w]) ? 1 : 0;
    });
    return std::all_of(ordered.begin(), ordered.end(), [](char o) { return o != 0; });
}

}  // namespace

Recomputed RecomputeAll(std::vector<Event> events, CivilDate as_of, Recomputed recycled, std::size_t workers) {
    Recomputed out = std::move(recycled);
    out.events = std::move(events);
    if (workers == 0) workers = WorkersFor(out.events.size() / kEventsPerPathway, kPathwaysPerWorker);
    // The store reads events in pathway order; events in another order are put in it first. Events of the
    // pathways computed before the disorder showed are still all there (KeepEffective keeps every event).
    if (!ComputeInOrder(out, as_of, workers)) {
        SortByPathway(out.events);
        ComputeInOrder(out, as_of, workers);
    }
    return out;
}

std::size_t Recomputed::size() const {
    std::size_t n = 0;
    for (const auto& pool : pools) n += pool.states.size();
    return n;
}

const PathwayState& Recomputed::operator[](std::size_t k) const {
    for (const auto& pool : pools) {
        if (k < pool.states.size()) return pool.states[k];
        k -= pool.states.size();
    }
    throw std::out_of_range("Recomputed: no pathway at that index");
}

void Recomputed::Pool::Clear() {
    states.clear();
    clocks.clear();
    problems.clear();
    providers.clear();
    offsets.clear();
}

bool PathwayState::Involves(std::string_view provider) const {
    return std::binary_search(providers.begin(), providers.end(), provider);
}

const PathwayState* Recomputed::Find(std::string_view ref) const {
    // The pools hold the pathways in id order, one slice after another.
    for (const auto& pool : pools) {
        if (pool.states.empty() || ref > std::string_view(pool.states.back().pathway_id)) continue;
        auto it = std::lower_bound(
            pool.states.begin(), pool.states.end(), ref,
            [](const PathwayState& s, std::string_view r) { return std::string_view(s.pathway_id) < r; });
        return it != pool.states.end() && it->pathway_id == ref ? &*it : nullptr;
    }
    return nullptr;
}

}  // namespace carevoice::pathway
