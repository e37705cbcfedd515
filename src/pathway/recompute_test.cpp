// RecomputeAll: each pathway's effective events, providers and clocks, by pathway id, the same clocks as
// computing it alone; a correction leaves the superseded event, and its provider, out.
#include "pathway/recompute.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace carevoice::pathway {
namespace {

CivilDate D(const char* iso) { return CivilDate::Parse(iso).value(); }

Event E(const char* pathway, const char* id, const char* date, EventType type, const char* provider) {
    Event e;
    e.pathway_id = pathway;
    e.event_id = id;
    e.date = D(date);
    e.type = type;
    e.provider = provider;
    return e;
}

TEST(RecomputeAll, KeepsEachPathwaysEffectiveEventsProvidersAndClocksById) {
    std::vector<Event> events;
    events.push_back(E("P2", "e1", "2025-02-03", EventType::kReferralReceived, "RBB"));
    events.back().route = Route::kUrgentSuspectedCancer;
    events.push_back(E("P1", "e1", "2025-01-06", EventType::kReferralReceived, "RAA"));
    events.back().route = Route::kUrgentSuspectedCancer;
    events.push_back(E("P2", "e2", "2025-02-10", EventType::kTransferSent, "RBB"));
    events.back().to_provider = "RCC";
    events.push_back(E("P1", "e2", "2025-01-20", EventType::kFirstSeen, "RXX"));
    events.push_back(E("P1", "e3", "2025-01-21", EventType::kFirstSeen, "RAA"));
    events.back().supersedes = "e2";  // RXX was a mistake
    const auto all = RecomputeAll(events, D("2025-03-01"));
    const auto& states = all;
    ASSERT_EQ(states.size(), 2u);
    EXPECT_EQ(states[0].pathway_id, "P1");
    EXPECT_EQ(states[1].pathway_id, "P2");
    ASSERT_EQ(states[0].events.size(), 2u);
    EXPECT_EQ(states[0].events[1].event_id, "e3");
    using Codes = std::vector<std::string_view>;
    EXPECT_EQ(Codes(states[0].providers.begin(), states[0].providers.end()), (Codes{"RAA"}));
    EXPECT_EQ(Codes(states[1].providers.begin(), states[1].providers.end()), (Codes{"RBB", "RCC"}));
    EXPECT_TRUE(states[1].Involves("RCC"));
    EXPECT_FALSE(states[1].Involves("RXX"));
    EXPECT_FALSE(states[0].Involves("RXX"));  // only the superseded event named it
    const auto alone = ComputeClocks({events[0], events[2]}, D("2025-03-01"));
    ASSERT_EQ(alone.clocks.size(), states[1].clocks.size());
    for (std::size_t c = 0; c < alone.clocks.size(); ++c) {
        EXPECT_EQ(ClockCsvFields("P2", alone.clocks[c]), ClockCsvFields("P2", states[1].clocks[c]));
    }
    ASSERT_NE(all.Find("P2"), nullptr);
    EXPECT_EQ(all.Find("P2")->pathway_id, "P2");
    EXPECT_EQ(all.Find("P3"), nullptr);
    EXPECT_EQ(all.Find("P"), nullptr);
    // Moved, the states still see their events.
    const pathway::Recomputed moved = RecomputeAll(events, D("2025-03-01"));
    EXPECT_EQ(moved.Find("P1")->events.back().event_id, "e3");
    EXPECT_TRUE(RecomputeAll({}, D("2025-03-01")).empty());
}

// Events already in pathway order (as the store reads them) and the same events in another order give the
// same pathways, in the same order, with the same events.
TEST(RecomputeAll, EventsInPathwayOrderOrNotGiveTheSameResult) {
    std::vector<Event> ordered;
    for (const char* p : {"A1", "A2", "B1"}) {
        ordered.push_back(E(p, "e1", "2025-01-06", EventType::kReferralReceived, "RAA"));
        ordered.back().route = Route::kUrgentSuspectedCancer;
        ordered.push_back(E(p, "e2", "2025-01-20", EventType::kFirstSeen, "RAA"));
    }
    std::vector<Event> shuffled = {ordered[5], ordered[0], ordered[3], ordered[4], ordered[1], ordered[2]};
    const auto a = RecomputeAll(ordered, D("2025-03-01"));
    const auto b = RecomputeAll(shuffled, D("2025-03-01"));
    ASSERT_EQ(a.size(), 3u);
    ASSERT_EQ(b.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(a[k].pathway_id, b[k].pathway_id);
        ASSERT_EQ(a[k].events.size(), 2u);
        ASSERT_EQ(b[k].events.size(), 2u);
        EXPECT_EQ(a[k].events[0].event_id, "e1");
        EXPECT_EQ(b[k].events[0].event_id, "e1");
        EXPECT_EQ(b[k].events[1].pathway_id, a[k].pathway_id);
    }
    EXPECT_EQ(a[2].pathway_id, "B1");
}

// Many pathways, each with a correction, so that they span many chunks of kChunkEvents: pathway k's
// referral (e1) is superseded by e3, which moves it a day later.
std::vector<Event> ManyCorrectedPathways(int pathways) {
    std::vector<Event> events;
    for (int k = 0; k < pathways; ++k) {
        char id[16];
        std::snprintf(id, sizeof id, "P%06d", k);
        events.push_back(E(id, "e1", "2025-01-06", EventType::kReferralReceived, k % 2 ? "RAA" : "RBB"));
        events.back().route = Route::kUrgentSuspectedCancer;
        events.push_back(E(id, "e2", "2025-01-20", EventType::kFirstSeen, "RAA"));
        events.push_back(E(id, "e3", "2025-01-07", EventType::kReferralReceived, "RCC"));
        events.back().route = Route::kUrgentSuspectedCancer;
        events.back().supersedes = "e1";
    }
    return events;
}

void ExpectSame(const Recomputed& a, const Recomputed& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        ASSERT_EQ(a[k].pathway_id, b[k].pathway_id);
        ASSERT_EQ(a[k].events.size(), b[k].events.size()) << a[k].pathway_id;
        for (std::size_t i = 0; i < a[k].events.size(); ++i)
            EXPECT_EQ(a[k].events[i].event_id, b[k].events[i].event_id);
        ASSERT_EQ(a[k].clocks.size(), b[k].clocks.size());
        for (std::size_t c = 0; c < a[k].clocks.size(); ++c) {
            EXPECT_EQ(ClockCsvFields(a[k].pathway_id, a[k].clocks[c]), ClockCsvFields(b[k].pathway_id, b[k].clocks[c]));
        }
        EXPECT_EQ(std::vector<std::string_view>(a[k].providers.begin(), a[k].providers.end()),
                  std::vector<std::string_view>(b[k].providers.begin(), b[k].providers.end()));
    }
}

// The disorder shows only after thousands of pathways were computed (and their corrections applied), or
// where one worker's share meets another's: the result is still that of the events in order, every
// corrected referral left out and none lost, however many workers share the work.
TEST(RecomputeAll, EventsOutOfOrderFoundLateGiveTheSameResult) {
    const std::vector<Event> ordered = ManyCorrectedPathways(3'000);  // 9,000 events: three chunks
    const auto expected = RecomputeAll(ordered, D("2025-03-01"), {}, 1);
    ASSERT_EQ(expected.size(), 3'000u);
    std::vector<Event> last = ordered;
    std::rotate(last.begin(), last.begin() + 3, last.end());  // P000000 last: out of order at the very end
    std::vector<Event> at_cut = ordered;                      // with 3 workers, the cuts fall at 3,000 and 6,000
    std::swap_ranges(at_cut.begin() + 2'997, at_cut.begin() + 3'000, at_cut.begin() + 3'000);
    for (std::size_t workers : {1u, 2u, 3u, 4u}) {
        SCOPED_TRACE(workers);
        ExpectSame(expected, RecomputeAll(ordered, D("2025-03-01"), {}, workers));
        ExpectSame(expected, RecomputeAll(last, D("2025-03-01"), {}, workers));
        ExpectSame(expected, RecomputeAll(at_cut, D("2025-03-01"), {}, workers));
    }
    const auto b = RecomputeAll(last, D("2025-03-01"), {}, 3);
    const PathwayState* p = b.Find("P000000");
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(p->events.size(), 2u);
    EXPECT_EQ(p->events[0].event_id, "e3");
    EXPECT_EQ(p->clocks[0].start, D("2025-01-07"));
    EXPECT_EQ(std::vector<std::string_view>(p->providers.begin(), p->providers.end()),
              (std::vector<std::string_view>{"RAA", "RCC"}));
    EXPECT_NE(b.Find("P002999"), nullptr);
    EXPECT_NE(b.Find("P001500"), nullptr);
    EXPECT_EQ(b.Find("P003000"), nullptr);
    EXPECT_EQ(b.Find("P"), nullptr);
}

// A recompute into the memory of a previous result gives what a fresh one does, whatever that result held
// and however many workers made it.
TEST(RecomputeAll, RecycledMemoryGivesTheSameResult) {
    const std::vector<Event> before = ManyCorrectedPathways(4'000);
    std::vector<Event> after = ManyCorrectedPathways(1'500);
    after.push_back(E("Q1", "e1", "2025-02-03", EventType::kReferralReceived, "RDD"));
    after.back().route = Route::kUrgentSuspectedCancer;
    const auto fresh = RecomputeAll(after, D("2025-03-01"));
    const auto recycled = RecomputeAll(after, D("2025-03-01"), RecomputeAll(before, D("2025-03-01"), {}, 3), 2);
    ExpectSame(fresh, recycled);
    EXPECT_EQ(recycled.size(), 1'501u);
    EXPECT_TRUE(recycled.Find("Q1")->Involves("RDD"));
    EXPECT_TRUE(RecomputeAll({}, D("2025-03-01"), RecomputeAll(before, D("2025-03-01"))).empty());
}
}  // namespace
}  // namespace carevoice::pathway
