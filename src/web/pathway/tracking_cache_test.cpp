// The tracking cache computes every pathway's clocks again only when the events or the day change: a write
// that leaves the events as they were (key worker, next action, acknowledgement, alert settings) gives a new
// snapshot, so the lists and pages are built again, around the same clocks.
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
    Import("P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n");
    auto first = Get();
    ASSERT_TRUE(first && first->Find("P1"));
    EXPECT_EQ(Get(), first);  // nothing written: the same snapshot

    ASSERT_TRUE(store::BumpPathwayDataVersion(*conn_).ok());  // a key worker named, say
    auto other = Get();
    ASSERT_TRUE(other);
    EXPECT_NE(other, first);                          // lists and pages are built again...
    EXPECT_EQ(other->recomputed, first->recomputed);  // ...around the same clocks
    EXPECT_GT(other->version.data, first->version.data);

    Import("P2,e1,2025-02-01,referral_received,RL4,other,,,,,,\n");
    auto after_event = Get();
    ASSERT_TRUE(after_event);
    EXPECT_NE(after_event->recomputed, first->recomputed);
    EXPECT_TRUE(after_event->Find("P2"));
    EXPECT_TRUE(after_event->Find("P1"));

    auto next_day = Get(kToday.AddDays(1));
    ASSERT_TRUE(next_day);
    EXPECT_NE(next_day->recomputed, after_event->recomputed);
    EXPECT_EQ(next_day->as_of, kToday.AddDays(1));
    ASSERT_TRUE(next_day->Find("P1"));
}

}  // namespace
}  // namespace carevoice::web::pathway_tracking
