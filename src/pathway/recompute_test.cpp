// RecomputeAll: each pathway's effective events, providers and clocks, by pathway id, the same clocks as
// computing it alone; a correction leaves the superseded event, and its provider, out.
#include "pathway/recompute.hpp"

#include <gtest/gtest.h>

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
    const auto& states = all.pathways;
    ASSERT_EQ(states.size(), 2u);
    EXPECT_EQ(states[0].clocks.pathway_id, "P1");
    EXPECT_EQ(states[1].clocks.pathway_id, "P2");
    ASSERT_EQ(states[0].events.size(), 2u);
    EXPECT_EQ(states[0].events[1].event_id, "e3");
    EXPECT_EQ(states[0].providers, (std::set<std::string>{"RAA"}));
    EXPECT_EQ(states[1].providers, (std::set<std::string>{"RBB", "RCC"}));
    const auto alone = ComputeClocks({events[0], events[2]}, D("2025-03-01"));
    ASSERT_EQ(alone.clocks.size(), states[1].clocks.clocks.size());
    for (std::size_t c = 0; c < alone.clocks.size(); ++c) {
        EXPECT_EQ(ClockCsvFields("P2", alone.clocks[c]), ClockCsvFields("P2", states[1].clocks.clocks[c]));
    }
    ASSERT_NE(all.Find("P2"), nullptr);
    EXPECT_EQ(all.Find("P2")->clocks.pathway_id, "P2");
    EXPECT_EQ(all.Find("P3"), nullptr);
    EXPECT_EQ(all.Find("P"), nullptr);
    // Moved, the states still see their events.
    const pathway::Recomputed moved = RecomputeAll(events, D("2025-03-01"));
    EXPECT_EQ(moved.Find("P1")->events.back().event_id, "e3");
    EXPECT_TRUE(RecomputeAll({}, D("2025-03-01")).pathways.empty());
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
    ASSERT_EQ(a.pathways.size(), 3u);
    ASSERT_EQ(b.pathways.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(a.pathways[k].clocks.pathway_id, b.pathways[k].clocks.pathway_id);
        ASSERT_EQ(a.pathways[k].events.size(), 2u);
        ASSERT_EQ(b.pathways[k].events.size(), 2u);
        EXPECT_EQ(a.pathways[k].events[0].event_id, "e1");
        EXPECT_EQ(b.pathways[k].events[0].event_id, "e1");
        EXPECT_EQ(b.pathways[k].events[1].pathway_id, a.pathways[k].clocks.pathway_id);
    }
    EXPECT_EQ(a.pathways[2].clocks.pathway_id, "B1");
}

}  // namespace
}  // namespace carevoice::pathway
