// Contract: importing pathway events is idempotent by event id, refuses an event id stored with other
// content and a correction that names nothing, and reads back what it stored — on SQLite and PostgreSQL.
#include "store/pathway_events_repository.hpp"

#include <gtest/gtest.h>

#include "pathway/events_csv.hpp"
#include "store/migrations.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

constexpr std::int64_t kNow = 1'780'000'000;
const std::string kHeader =
    "pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,supersedes\n";

std::vector<pathway::Event> Read(const std::string& body) {
    pathway::EventsCsvLimits limits;
    limits.supersedes_within_file = false;
    auto events = pathway::ReadEventsCsv(kHeader + body, limits);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    return events.ok() ? *events : std::vector<pathway::Event>{};
}

class PathwayEventsRepositoryTest : public testing::MigratedDatabaseTest {
  protected:
    Result<EventImportReport> Import(const std::string& body) {
        auto tx = Transaction::Begin(*conn_);
        EXPECT_TRUE(tx.ok());
        auto report = PathwayEventsRepository(*conn_).Import(Read(body), kNow, "tester");
        if (report.ok()) {
            EXPECT_TRUE(tx->Commit().ok());
        }
        return report;
    }
};

const std::string kFile =
    "P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n"
    "P1,e2,2025-01-13,appointment_missed,RJE,,,,,2025-01-15,,\n"
    "P1,e3,2025-03-17,offer_declined,RJE,,surgery,yes,,2025-03-31,,\n"
    "P2,e1,2025-02-01,referral_received,RL4,other,,,,,,\n";

TEST_F(PathwayEventsRepositoryTest, ImportingTheSameFileTwiceChangesNothing) {
    auto first = Import(kFile);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(first->inserted, 4);
    auto second = Import(kFile);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(second->inserted, 0);
    EXPECT_EQ(second->unchanged, 4);
    EXPECT_EQ(PathwayEventsRepository(*conn_).Count().value(), 4);
}

// The tracking list keeps its clocks under the events version and everything else under the data version:
// an import moves both, a write of anything else only the data version.
TEST_F(PathwayEventsRepositoryTest, AnImportMovesTheEventsVersionOtherWritesOnlyTheDataVersion) {
    PathwayTrackingRepository tracking(*conn_);
    auto start = tracking.CurrentDataVersions();
    ASSERT_TRUE(start.ok()) << start.status().ToString();
    ASSERT_TRUE(Import(kFile).ok());
    auto imported = tracking.CurrentDataVersions();
    ASSERT_TRUE(imported.ok());
    EXPECT_GT(imported->data, start->data);
    EXPECT_GT(imported->events, start->events);
    ASSERT_TRUE(BumpPathwayDataVersion(*conn_).ok());
    auto other = tracking.CurrentDataVersions();
    ASSERT_TRUE(other.ok());
    EXPECT_GT(other->data, imported->data);
    EXPECT_EQ(other->events, imported->events);
}

// Every event is read once, in key order, whatever the page size: pages that end inside a pathway, a last
// page that is exactly full, one page holding all.
TEST_F(PathwayEventsRepositoryTest, ListAllReadsEveryEventOnceInKeyOrderPageByPage) {
    ASSERT_TRUE(Import(kFile + "P10,e1,2025-02-03,referral_received,RL4,other,,,,,,\n").ok());
    for (std::int64_t page : {1, 2, 4, 5, 1000}) {
        auto events = PathwayEventsRepository(*conn_).ListAll(0, page);
        ASSERT_TRUE(events.ok()) << events.status().ToString();
        std::vector<std::string> keys;
        for (const auto& e : *events) keys.push_back(e.pathway_id + "/" + e.event_id);
        EXPECT_EQ(keys, (std::vector<std::string>{"P1/e1", "P1/e2", "P1/e3", "P10/e1", "P2/e1"})) << "page " << page;
    }
}

// The tracking list recomputes only the pathways whose events changed since the clocks it keeps: the events
// of those pathways (all of them, old and new), or none when the log cannot say it cheaply.
TEST_F(PathwayEventsRepositoryTest, ListChangedSinceGivesTheEventsOfThePathwaysWrittenSince) {
    PathwayTrackingRepository tracking(*conn_);
    ASSERT_TRUE(Import(kFile).ok());
    const std::int64_t after_file = tracking.CurrentDataVersions()->events;
    ASSERT_TRUE(Import("P2,e2,2025-02-10,first_seen,RL4,,,,,,,\n").ok());
    ASSERT_TRUE(Import(kFile).ok());  // nothing new: no pathway changed
    const std::int64_t now = tracking.CurrentDataVersions()->events;
    PathwayEventsRepository repo(*conn_);

    auto changed = repo.ListChangedSince(after_file, now, 10);
    ASSERT_TRUE(changed.ok()) << changed.status().ToString();
    ASSERT_TRUE(changed->has_value());
    std::vector<std::string> keys;
    for (const auto& e : **changed) keys.push_back(e.pathway_id + "/" + e.event_id);
    EXPECT_EQ(keys, (std::vector<std::string>{"P2/e1", "P2/e2"}));
    auto none = repo.ListChangedSince(now, now, 10);
    ASSERT_TRUE(none.ok() && none->has_value());
    EXPECT_TRUE((*none)->empty());
    auto since_start = repo.ListChangedSince(0, now, 10);
    ASSERT_TRUE(since_start.ok() && since_start->has_value());
    EXPECT_EQ((*since_start)->size(), 5u);  // P1's three events and P2's two

    // Too many pathways, changes older than those kept, or a write that touched too many to list: none.
    EXPECT_FALSE(repo.ListChangedSince(0, now, 1)->has_value());
    EXPECT_FALSE(
        repo.ListChangedSince(after_file, after_file + PathwayEventsRepository::kChangesKept + 1, 10)->has_value());
    ASSERT_TRUE(
        conn_->Execute("INSERT INTO pathway_event_changes (events_version, pathway_ref) VALUES (?, '*')", {now + 1})
            .ok());
    EXPECT_FALSE(repo.ListChangedSince(after_file, now + 1, 10)->has_value());
    EXPECT_TRUE(repo.ListChangedSince(now + 1, now + 1, 10)->has_value());
}

TEST_F(PathwayEventsRepositoryTest, EventsReadBackWithEveryField) {
    ASSERT_TRUE(Import(kFile).ok());
    auto events = PathwayEventsRepository(*conn_).ListByPathway("P1");
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    ASSERT_EQ(events->size(), 3u);
    const auto& offer = (*events)[2];
    EXPECT_EQ(offer.event_id, "e3");
    EXPECT_EQ(offer.type, pathway::EventType::kOfferDeclined);
    EXPECT_EQ(offer.admitted, true);
    EXPECT_EQ(offer.modality, pathway::Modality::kSurgery);
    EXPECT_EQ(offer.until->ToString(), "2025-03-31");
    EXPECT_EQ(PathwayEventsRepository(*conn_).ListAll()->size(), 4u);
}

TEST_F(PathwayEventsRepositoryTest, AnEventIdStoredWithOtherDetailsIsRefusedNamingTheLine) {
    ASSERT_TRUE(Import(kFile).ok());
    auto changed =
        Import("P1,e9,2025-02-01,first_seen,RJE,,,,,,,\nP1,e2,2025-01-14,appointment_missed,RJE,,,,,2025-01-15,,\n");
    ASSERT_FALSE(changed.ok());
    ASSERT_EQ(changed.status().details().size(), 1u);
    EXPECT_EQ(changed.status().details()[0].field, "line 3, event_id");
    EXPECT_NE(changed.status().details()[0].problem.find("supersedes"), std::string::npos);
    EXPECT_EQ(PathwayEventsRepository(*conn_).Count().value(), 4);  // e9 was not written either
}

TEST_F(PathwayEventsRepositoryTest, ACorrectionMayNameAnEventStoredEarlierButNotOneThatDoesNotExist) {
    ASSERT_TRUE(Import(kFile).ok());
    auto fixed = Import("P1,e4,2025-01-14,appointment_missed,RJE,,,,,2025-01-16,,e2\n");
    ASSERT_TRUE(fixed.ok()) << fixed.status().ToString();
    EXPECT_EQ(fixed->inserted, 1);
    auto dangling = Import("P2,e5,2025-02-02,first_seen,RL4,,,,,,,e2\n");  // e2 is P1's, not P2's
    ASSERT_FALSE(dangling.ok());
    EXPECT_EQ(dangling.status().details()[0].field, "line 2, supersedes");
}

TEST_F(PathwayEventsRepositoryTest, ARefusedImportWritesNothingEvenWithoutTheCallersTransaction) {
    ASSERT_TRUE(Import(kFile).ok());
    // New events first, then a conflict and a dangling correction: the new ones must not stay behind.
    auto refused =
        PathwayEventsRepository(*conn_).Import(Read("P3,e1,2025-03-01,referral_received,RJE,other,,,,,,\n"
                                                    "P1,e2,2025-01-14,appointment_missed,RJE,,,,,2025-01-15,,\n"
                                                    "P3,e2,2025-03-02,first_seen,RJE,,,,,,,nothing\n"),
                                               kNow, "tester");
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.status().details().size(), 2u);
    EXPECT_EQ(refused.status().details()[0].field, "line 3, event_id");
    EXPECT_EQ(refused.status().details()[1].field, "line 4, supersedes");
    EXPECT_EQ(PathwayEventsRepository(*conn_).Count().value(), 4);
    EXPECT_TRUE(PathwayEventsRepository(*conn_).ListByPathway("P3")->empty());
    // The connection is usable afterwards, and the same events without the problems import.
    auto fine = Import("P3,e1,2025-03-01,referral_received,RJE,other,,,,,,\n");
    ASSERT_TRUE(fine.ok()) << fine.status().ToString();
    EXPECT_EQ(fine->inserted, 1);
}

TEST_F(PathwayEventsRepositoryTest, ACorrectionMayComeBeforeTheEventItCorrectsInTheFile) {
    auto imported = Import(
        "P4,e2,2025-01-14,appointment_missed,RJE,,,,,2025-01-16,,e1\n"
        "P4,e1,2025-01-13,appointment_missed,RJE,,,,,2025-01-15,,\n");
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    EXPECT_EQ(imported->inserted, 2);
    auto again = Import(
        "P4,e2,2025-01-14,appointment_missed,RJE,,,,,2025-01-16,,e1\n"
        "P4,e1,2025-01-13,appointment_missed,RJE,,,,,2025-01-15,,\n");
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    EXPECT_EQ(again->unchanged, 2);
}

}  // namespace
}  // namespace carevoice::store
