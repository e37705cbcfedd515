// The pathway demo fills a fresh database on either engine with a synthetic Staffordshire-like area whose
// records pass every validation and show what each view is for: breaches, both adjustments, transfers,
// alerts, and deaths with and without a recorded preference.
#include "demo/pathway_demo.hpp"

#include <set>

#include "core/csv.hpp"
#include "pathway/clocks.hpp"
#include "pathway/events_csv.hpp"
#include "store/accounts_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"

namespace carevoice::store {
namespace {

class PathwayDemoTest : public testing::PartnershipStoreTest {
  protected:
    static constexpr std::int64_t kToday = 1'795'651'200;  // 2026-11-26T00:00:00Z

    void SetUp() override {
        PartnershipStoreTest::SetUp();
        AccountsRepository accounts(*conn_);
        for (const char* name : {demo::kCancerCoordinator, demo::kEndOfLifeCoordinator}) {
            ASSERT_TRUE(
                accounts.CreateUser({name, name, Role::kCoordinator, std::nullopt, "$argon2id$fake"}, kNow).ok());
        }
        ASSERT_TRUE(demo::FillPathwayDemo(*conn_, clock_).ok());
    }
    FakeClock clock_{kToday};
};

TEST_F(PathwayDemoTest, FourCcgAreasTwoPrimeProvidersAndLinkedCoordinators) {
    OrganisationsRepository orgs(*conn_);
    auto ccgs = *orgs.List(std::string("ccg"));
    std::set<std::string> codes;
    for (const auto& o : ccgs) codes.insert(o.code);
    EXPECT_EQ(codes, (std::set<std::string>{"05G", "05W", "05V", "04Y"}));
    auto others = *orgs.List(std::string("other"));
    EXPECT_EQ(others.size(), demo::kDemoProviders.size());
    for (const auto& o : others) EXPECT_NE(o.name.find("synthetic demo"), std::string::npos) << o.name;
    const auto cancer = *orgs.FindByCode(demo::kCancerPrime);
    EXPECT_EQ(orgs.FindByCode("ZC4")->parent_id, cancer.id);
    AccountsRepository accounts(*conn_);
    EXPECT_EQ(accounts.FindUserByUsername(demo::kCancerCoordinator)->organisation_id, cancer.id);
    EXPECT_EQ(accounts.FindUserByUsername(demo::kEndOfLifeCoordinator)->organisation_id,
              orgs.FindByCode(demo::kEndOfLifePrime)->id);
}

TEST_F(PathwayDemoTest, AFewHundredInventedPatientsWithTestRangeNhsNumbersInEveryArea) {
    EXPECT_EQ(Count("patients"), 340);
    EXPECT_EQ(Count("pathways"), 340);
    PathwayRepository repo(*conn_);
    auto pathways = *repo.ListPathways();
    std::set<std::string> areas;
    int key_workers = 0;
    for (const auto& r : pathways) {
        auto patient = *repo.FindPatient(r.patient_id);
        EXPECT_EQ(patient.nhs_number.substr(0, 3), "999");
        EXPECT_TRUE(pathway::ParseNhsNumber(patient.nhs_number).ok()) << patient.nhs_number;
        EXPECT_NE(patient.family_name.find("(invented)"), std::string::npos);
        areas.insert(patient.area_code);
        key_workers += r.key_worker ? 1 : 0;
    }
    EXPECT_EQ(areas.size(), 4u);
    EXPECT_GT(key_workers, 200);
    EXPECT_LT(key_workers, 340);  // some without a key worker: an alert and a measure
}

TEST_F(PathwayDemoTest, EveryEventValidatesAndTheClocksShowBreachesAdjustmentsAndTransfers) {
    auto events = *PathwayEventsRepository(*conn_).ListAll();
    EXPECT_GT(events.size(), 1500u);
    // As an events file, the whole demo reads back without a problem.
    std::string csv =
        csv::Row(std::vector<std::string>(std::begin(pathway::kEventColumns), std::end(pathway::kEventColumns)));
    for (const auto& e : events) csv += csv::Row(pathway::EventCsvFields(e));
    auto read = pathway::ReadEventsCsv(csv);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->size(), events.size());

    int breached = 0, fds_adjusted = 0, offer_adjusted = 0, shared = 0, open_past_target = 0, problems = 0;
    for (const auto& p : pathway::ComputeAllClocks(events, clock_.Today())) {
        problems += static_cast<int>(p.problems.size());
        for (const auto& q : p.problems) ADD_FAILURE() << p.pathway_id << " " << q.event_id << ": " << q.problem;
        for (const auto& c : p.clocks) {
            breached += c.status == pathway::ClockStatus::kBreached;
            fds_adjusted += c.kind == pathway::ClockKind::kFds && c.adjustment_days > 0;
            offer_adjusted += c.kind == pathway::ClockKind::k31 && c.adjustment_days > 0;
            open_past_target += c.status == pathway::ClockStatus::kOpen && c.days_to_breach && *c.days_to_breach < 0;
            shared += c.allocation && c.allocation->shares.size() == 2;
        }
    }
    EXPECT_EQ(problems, 0);
    EXPECT_GT(breached, 10);
    EXPECT_GT(fds_adjusted, 0);
    EXPECT_GT(offer_adjusted, 0);
    EXPECT_GT(shared, 0);
    EXPECT_GT(open_past_target, 0);  // lost in the system
}

TEST_F(PathwayDemoTest, AlertsAndDeathsWithAndWithoutARecordedPreference) {
    PathwayRepository repo(*conn_);
    EXPECT_FALSE(repo.ListAcknowledgements()->empty());
    int overdue = 0;
    const auto actions = *repo.ListNextActions();
    for (const auto& a : actions) overdue += a.due_on < clock_.Today();
    EXPECT_GT(overdue, 0);
    int with_wish = 0, without_wish = 0, in_place = 0;
    const auto pathways = *repo.ListPathways();
    for (const auto& light : pathways) {
        if (light.status != pathway::PathwayStatus::kDied) continue;
        auto r = *repo.FindPathway(light.id);
        auto died_in_place = pathway::DiedInPreferredPlace(r);
        (died_in_place ? with_wish : without_wish) += 1;
        in_place += died_in_place.value_or(false);
    }
    EXPECT_GT(with_wish, 8);
    EXPECT_GT(without_wish, 0);
    EXPECT_GT(in_place, 0);
    EXPECT_LT(in_place, with_wish);
}

TEST_F(PathwayDemoTest, IsTheSameEveryTimeAndLoadsOnce) {
    const auto a = demo::GeneratePathwayDemo(clock_.Today());
    const auto b = demo::GeneratePathwayDemo(clock_.Today());
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].patient.nhs_number, b[i].patient.nhs_number);
        EXPECT_EQ(a[i].events.size(), b[i].events.size());
    }
    ASSERT_TRUE(demo::FillPathwayDemo(*conn_, clock_).ok());
    EXPECT_EQ(Count("patients"), 340);
}

}  // namespace
}  // namespace carevoice::store
