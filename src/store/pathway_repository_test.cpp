// Contract: patients, pathways, key workers, preferences, actions and break glass round-trip the same on
// SQLite and PostgreSQL.
#include "store/pathway_repository.hpp"

#include <gtest/gtest.h>

#include "store/accounts_repository.hpp"
#include "store/migrations.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

constexpr std::int64_t kNow = 1'780'000'000;
const CivilDate kToday = CivilDate::Parse("2026-06-01").value();

class PathwayRepositoryTest : public testing::MigratedDatabaseTest {
  protected:
    pathway::Patient APatient() {
        pathway::Patient p;
        p.nhs_number = "9434765919";
        p.given_name = "Ada";
        p.family_name = "Example";
        p.date_of_birth = CivilDate::Parse("1950-03-14").value();
        p.sex = pathway::Sex::kFemale;
        p.area_code = "05G";
        p.deprivation_quintile = 2;
        p.ethnic_group = pathway::EthnicGroup::kWhite;
        p.interpreter_needed = true;
        p.preferred_language = "Polish";
        p.people_who_matter = {{0, "Ben Example", "son", "01632 960001", "everything"}};
        return p;
    }
    pathway::PathwayRecord APathway(std::int64_t patient_id) {
        pathway::PathwayRecord r;
        r.ref = "STA-0001";
        r.patient_id = patient_id;
        r.route = pathway::Route::kUrgentSuspectedCancer;
        r.referral_received_on = CivilDate::Parse("2026-05-01").value();
        r.tumour_group = "lung";
        r.prime_provider = "RJE";
        r.crisis_contact = {"Acute oncology 24/7 line", "01632 960999"};
        r.summary.about_me = "I look after my husband.";
        r.key_worker = pathway::KeyWorker{"Kim Nurse", "Lung CNS", "01632 960123", std::nullopt, kNow, "coordinator"};
        return r;
    }
};

TEST_F(PathwayRepositoryTest, APatientRoundTripsWithThePeopleWhoMatter) {
    PathwayRepository repo(*conn_);
    auto created = repo.CreatePatient(APatient(), kNow, kToday);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = repo.FindPatient(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->FullName(), "Ada Example");
    EXPECT_EQ(found->deprivation_quintile, 2);
    EXPECT_TRUE(found->interpreter_needed);
    ASSERT_EQ(found->people_who_matter.size(), 1u);
    EXPECT_EQ(found->people_who_matter[0].relationship, "son");
    auto again = repo.CreatePatient(APatient(), kNow, kToday);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().details()[0].field, "nhs_number");
}

TEST_F(PathwayRepositoryTest, APathwayKeepsItsKeyWorkerHistoryAndLatestPreferences) {
    PathwayRepository repo(*conn_);
    auto patient = repo.CreatePatient(APatient(), kNow, kToday);
    ASSERT_TRUE(patient.ok());
    auto created = repo.CreatePathway(APathway(patient->id), kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    ASSERT_TRUE(repo.AssignKeyWorker(created->id,
                                     {"Lee Nurse", "Lung CNS", "01632 960124", std::nullopt, kNow + 10, "coordinator"})
                    .ok());
    pathway::Preference asked{pathway::PreferenceKind::kPlaceOfDeath,
                              pathway::PreferenceState::kNotYetDecided,
                              "",
                              "wants to talk to her son first",
                              std::nullopt,
                              "coordinator",
                              kNow};
    pathway::Preference decided{pathway::PreferenceKind::kPlaceOfDeath,
                                pathway::PreferenceState::kDecided,
                                "home",
                                "with her son",
                                std::nullopt,
                                "coordinator",
                                kNow + 20};
    ASSERT_TRUE(repo.RecordPreference(created->id, asked).ok());
    ASSERT_TRUE(repo.RecordPreference(created->id, decided).ok());
    auto found = repo.FindPathway(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    ASSERT_TRUE(found->key_worker);
    EXPECT_EQ(found->key_worker->name, "Lee Nurse");
    ASSERT_EQ(found->key_worker_history.size(), 2u);
    EXPECT_EQ(found->key_worker_history[1].name, "Kim Nurse");
    const auto* latest = pathway::LatestPreference(*found, pathway::PreferenceKind::kPlaceOfDeath);
    ASSERT_NE(latest, nullptr);
    EXPECT_EQ(latest->value, "home");
    EXPECT_EQ(pathway::LatestPreference(*found, pathway::PreferenceKind::kCpr), nullptr);  // never asked
    EXPECT_EQ(found->crisis_contact.phone, "01632 960999");
    auto list = repo.ListPathways();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].key_worker->name, "Lee Nurse");
    EXPECT_EQ(*repo.ListAreaCodes(), (std::vector<std::string>{"05G"}));
}

TEST_F(PathwayRepositoryTest, ActionsAndBreakGlass) {
    PathwayRepository repo(*conn_);
    auto patient = repo.CreatePatient(APatient(), kNow, kToday);
    auto created = repo.CreatePathway(APathway(patient->id), kNow);
    ASSERT_TRUE(created.ok());
    auto later = repo.AddAction({0, created->id, "Book CT", "Kim Nurse", CivilDate::Parse("2026-06-10").value(),
                                 std::nullopt, kNow, "coordinator"});
    auto sooner = repo.AddAction({0, created->id, "Call patient", "Kim Nurse", CivilDate::Parse("2026-06-03").value(),
                                  std::nullopt, kNow, "coordinator"});
    ASSERT_TRUE(later.ok() && sooner.ok());
    auto next = repo.ListNextActions();
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->size(), 1u);
    EXPECT_EQ((*next)[0].description, "Call patient");
    ASSERT_TRUE(repo.CompleteAction(created->id, sooner->id, kNow).ok());
    EXPECT_EQ(repo.ListNextActions()->at(0).description, "Book CT");
    EXPECT_EQ(repo.CompleteAction(created->id, sooner->id, kNow).code(), StatusCode::kNotFound);

    auto user = AccountsRepository(*conn_).CreateUser(
        {"coord2", "Coordinator Two", Role::kCoordinator, std::nullopt, "$argon2id$fake"}, kNow);
    ASSERT_TRUE(user.ok());
    EXPECT_FALSE(repo.HasActiveBreakGlass(user->id, created->id, kNow).value());
    ASSERT_TRUE(repo.OpenBreakGlass(user->id, created->id, "patient arrived in our A&E", kNow, 3600).ok());
    EXPECT_TRUE(repo.HasActiveBreakGlass(user->id, created->id, kNow + 60).value());
    EXPECT_FALSE(repo.HasActiveBreakGlass(user->id, created->id, kNow + 3600).value());
    auto unreviewed = repo.ListUnreviewedBreakGlass();
    ASSERT_TRUE(unreviewed.ok());
    ASSERT_EQ(unreviewed->size(), 1u);
    EXPECT_EQ((*unreviewed)[0].username, "coord2");
    ASSERT_TRUE(repo.ReviewBreakGlass((*unreviewed)[0].id, "admin", kNow).ok());
    EXPECT_TRUE(repo.ListUnreviewedBreakGlass()->empty());
}

}  // namespace
}  // namespace carevoice::store
