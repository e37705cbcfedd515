// The tracking cache computes every pathway's clocks again only when the day changes or many pathways' events
// did; a write of a few events computes those pathways again over the kept clocks; a write that leaves the
// events as they were (key worker, next action, acknowledgement, alert settings) gives a new snapshot, so the
// lists and pages are built again, around the same clocks.
#include <gtest/gtest.h>

#include "pathway/events_csv.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "store/test_database.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web::pathway_tracking {
namespace {

const CivilDate kToday = CivilDate::FromYmd(2025, 3, 1).value();

class TrackingCacheTest : public store::testing::MigratedDatabaseTest {
  protected:
    void Import(const std::string& rows) {
        auto events = pathway::ReadEventsCsv(
            "pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,supersedes\n" +
            rows);
        ASSERT_TRUE(events.ok()) << events.status().ToString();
        auto tx = store::Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok());
        auto report = store::PathwayEventsRepository(*conn_).Import(*events, 1'740'000'000, "tester");
        ASSERT_TRUE(report.ok()) << report.status().ToString();
        ASSERT_TRUE(tx->Commit().ok());
    }
    std::shared_ptr<const TrackingCache::Snapshot> Get(CivilDate day = kToday) {
        auto snapshot = cache_.Get(*conn_, day);
        EXPECT_TRUE(snapshot.ok()) << snapshot.status().ToString();
        return snapshot.ok() ? *snapshot : nullptr;
    }
    TrackingCache cache_;
};

TEST_F(TrackingCacheTest, ClocksAreComputedAgainOnlyWhenTheEventsOrTheDayChange) {
    Import(
        "P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n"
        "P3,e1,2025-01-20,referral_received,RJE,other,,,,,,\n");
    auto first = Get();
    ASSERT_TRUE(first && first->Find("P1") && first->Find("P3"));
    EXPECT_FALSE(first->changed);
    EXPECT_EQ(Get(), first);  // nothing written: the same snapshot

    ASSERT_TRUE(store::BumpPathwayDataVersion(*conn_).ok());  // a key worker named, say
    auto other = Get();
    ASSERT_TRUE(other);
    EXPECT_NE(other, first);              // lists and pages are built again...
    EXPECT_EQ(other->base, first->base);  // ...around the same clocks
    EXPECT_FALSE(other->changed);
    EXPECT_GT(other->version.data, first->version.data);

    // New events: only their pathways are computed again, over the same base.
    Import(
        "P2,e1,2025-02-01,referral_received,RL4,other,,,,,,\n"
        "P1,e2,2025-01-20,first_seen,RJE,,,,,,,\n");
    auto after_event = Get();
    ASSERT_TRUE(after_event && after_event->changed);
    EXPECT_EQ(after_event->base, first->base);
    EXPECT_EQ(after_event->changed->size(), 2u);  // P1 and P2, not P3
    ASSERT_TRUE(after_event->Find("P2"));
    ASSERT_TRUE(after_event->Find("P3"));
    EXPECT_EQ(after_event->Find("P3"), first->Find("P3"));
    const auto* p1 = after_event->Find("P1");
    ASSERT_TRUE(p1);
    EXPECT_EQ(p1->events.size(), 2u);  // both of P1's events, the new and the old
    EXPECT_EQ(first->Find("P1")->events.size(), 1u);

    auto next_day = Get(kToday.AddDays(1));
    ASSERT_TRUE(next_day);
    EXPECT_NE(next_day->base, after_event->base);
    EXPECT_FALSE(next_day->changed);
    EXPECT_EQ(next_day->as_of, kToday.AddDays(1));
    ASSERT_TRUE(next_day->Find("P1"));
    EXPECT_EQ(next_day->Find("P1")->events.size(), 2u);
}

// Whatever the route — every pathway computed again, or only those changed over a kept base — the clocks are
// the same as computing every pathway from the stored events.
TEST_F(TrackingCacheTest, ChangedPathwaysOverABaseGiveTheClocksOfAFullRecompute) {
    Import(
        "P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n"
        "P2,e1,2025-01-08,referral_received,RJE,urgent_suspected_cancer,,,,,,\n");
    ASSERT_TRUE(Get());
    Import(
        "P1,e2,2025-01-20,diagnosis_communicated,RJE,,,,cancer,,,\n"
        "P2,e2,2025-01-13,appointment_missed,RJE,,,,,2025-01-15,,\n");
    auto incremental = Get();
    ASSERT_TRUE(incremental && incremental->changed);
    TrackingCache fresh_cache;
    auto full = fresh_cache.Get(*conn_, kToday);
    ASSERT_TRUE(full.ok());
    EXPECT_FALSE((*full)->changed);
    for (const char* ref : {"P1", "P2"}) {
        const auto* a = incremental->Find(ref);
        const auto* b = (*full)->Find(ref);
        ASSERT_TRUE(a && b) << ref;
        ASSERT_EQ(a->clocks.size(), b->clocks.size()) << ref;
        for (std::size_t i = 0; i < a->clocks.size(); ++i) {
            EXPECT_EQ(a->clocks[i].kind, b->clocks[i].kind) << ref;
            EXPECT_EQ(a->clocks[i].status, b->clocks[i].status) << ref;
            EXPECT_EQ(a->clocks[i].stop, b->clocks[i].stop) << ref;
            EXPECT_EQ(a->clocks[i].wait_days, b->clocks[i].wait_days) << ref;
            EXPECT_EQ(a->clocks[i].adjustment_days, b->clocks[i].adjustment_days) << ref;
        }
    }
}

// When every pathway is computed again (here: a write that touched too many pathways to list), the clocks
// it replaces, once nobody reads them, hold the next full recompute (memory the process already has).
TEST_F(TrackingCacheTest, ClocksReplacedLendTheirMemoryToTheNextFullRecompute) {
    Import("P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n");
    const auto everything_changed = [&] {
        auto version = store::BumpPathwayEventsVersion(*conn_);
        ASSERT_TRUE(version.ok());
        ASSERT_TRUE(
            conn_
                ->Execute("INSERT INTO pathway_event_changes (events_version, pathway_ref) VALUES (?, '*')", {*version})
                .ok());
    };
    const void* memory = nullptr;
    {
        auto first = Get();
        ASSERT_TRUE(first && !first->base->pools.empty());
        memory = first->base->pools[0].states.data();
    }
    everything_changed();
    auto second = Get();
    ASSERT_TRUE(second && !second->changed);
    EXPECT_NE(second->base->pools[0].states.data(), memory);  // the first clocks were still in the cache
    second.reset();
    everything_changed();
    auto third = Get();
    ASSERT_TRUE(third && !third->changed && !third->base->pools.empty());
    EXPECT_EQ(third->base->pools[0].states.data(), memory);
    ASSERT_TRUE(third->Find("P1"));
}

}  // namespace
}  // namespace carevoice::web::pathway_tracking
