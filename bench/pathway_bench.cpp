// Recomputing the pathway (issue 9, item 11): every clock, 62-day allocation and alert of every pathway, as
// the tracking list does when the events change, on the events of bench/pathway/generate_events.py read once
// from CAREVOICE_BENCH_EVENTS (bench/run.sh generates it; 3,000,000 pathways is the England-scale year).
// Reading the file and copying the events for each run are outside the timings.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/file.hpp"
#include "core/parallel.hpp"
#include "pathway/alerts.hpp"
#include "pathway/events_csv.hpp"
#include "pathway/recompute.hpp"

namespace {

using namespace carevoice;

const CivilDate kAsOf = CivilDate::Parse("2026-06-30").value();

const std::vector<pathway::Event>& Events() {
    static const std::vector<pathway::Event> events = [] {
        const char* path = std::getenv("CAREVOICE_BENCH_EVENTS");
        if (path == nullptr) {
            std::fprintf(stderr, "set CAREVOICE_BENCH_EVENTS to an events CSV (bench/pathway/generate_events.py)\n");
            std::exit(2);
        }
        auto text = ReadTextFile(path, std::size_t{16} << 30);
        if (!text.ok()) {
            std::fprintf(stderr, "%s\n", text.status().ToString().c_str());
            std::exit(2);
        }
        auto read = pathway::ReadEventsCsv(*text);
        if (!read.ok()) {
            std::fprintf(stderr, "%s\n", read.status().ToString().c_str());
            std::exit(2);
        }
        return std::move(*read);
    }();
    return events;
}

// Every clock and allocation of every pathway: pathway::RecomputeAll, what TrackingCache::Get runs. "fresh":
// into memory new to the process, as the first recompute after the server starts; "recycled": into the
// memory of the previous result, as the server does each time the events change (TrackingCache keeps the
// result it replaces when no request holds it any more).
void BM_RecomputeEveryPathway(benchmark::State& state) {
    const bool recycle = state.range(0) == 1;
    const auto& events = Events();
    pathway::Recomputed previous;
    if (recycle) previous = pathway::RecomputeAll(events, kAsOf);  // the result a server would hold
    std::size_t pathways = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<pathway::Event> copy = events;
        previous.events = {};  // the old events are the old snapshot's: freed with it, not by a recompute
        state.ResumeTiming();
        auto recomputed = pathway::RecomputeAll(std::move(copy), kAsOf, std::move(previous));
        pathways = recomputed.size();
        benchmark::DoNotOptimize(recomputed.pools.data());
        state.PauseTiming();
        if (recycle) {
            previous = std::move(recomputed);
        } else {
            recomputed = {};  // freeing 3 million pathways is not part of recomputing them
        }
        copy = {};
        state.ResumeTiming();
    }
    state.counters["pathways"] = static_cast<double>(pathways);
    state.counters["events"] = static_cast<double>(events.size());
    state.SetLabel(recycle ? "recycled" : "fresh");
}
BENCHMARK(BM_RecomputeEveryPathway)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Every alert rule of every pathway, each an active cancer pathway with no key worker and no next action
// (so every rule is evaluated in full), on the machine's cores as the clocks are.
void BM_AlertsOfEveryPathway(benchmark::State& state) {
    static const pathway::Recomputed recomputed = pathway::RecomputeAll(Events(), kAsOf);
    std::vector<const pathway::PathwayState*> states;
    for (const auto& pool : recomputed.pools) {
        for (const auto& s : pool.states) states.push_back(&s);
    }
    std::vector<pathway::PathwayRecord> records(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        records[i].ref = states[i]->pathway_id;
        records[i].status = pathway::PathwayStatus::kActive;
        if (!states[i]->events.empty()) records[i].referral_received_on = states[i]->events.front().date;
    }
    const pathway::AlertSettings settings;
    std::size_t alerts = 0;
    for (auto _ : state) {
        std::vector<std::size_t> fired(kMaxWorkers, 0);
        RunSlices(states.size(), WorkersFor(states.size(), pathway::kPathwaysPerWorker),
                  [&](std::size_t w, std::size_t from, std::size_t to) {
                      for (std::size_t i = from; i < to; ++i) {
                          pathway::AlertInput input{&records[i], states[i]->events, std::nullopt};
                          fired[w] += pathway::ComputeAlerts(input, kAsOf, settings).size();
                      }
                  });
        alerts = 0;
        for (auto n : fired) alerts += n;
    }
    state.counters["pathways"] = static_cast<double>(states.size());
    state.counters["alerts"] = static_cast<double>(alerts);
}
BENCHMARK(BM_AlertsOfEveryPathway)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
