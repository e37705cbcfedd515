// Repository contract: the same behaviour on SQLite and PostgreSQL (CAREVOICE_TEST_DB_URL).
#include <gtest/gtest.h>

#include "store/accounts_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/experience_repository.hpp"
#include "store/migrations.hpp"
#include "store/organisations_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

class RepositoriesTest : public testing::MigratedDatabaseTest {
  protected:
    NewUser Someone(const std::string& name, Role role = Role::kMember) {
        return NewUser{name, "Someone " + name, role, std::nullopt, "$argon2id$fake"};
    }
};

TEST_F(RepositoriesTest, CreatedUserIsFoundByNameAndId) {
    AccountsRepository repo(*conn_);
    auto u = repo.CreateUser(Someone("ann", Role::kFacilitator), 100);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    EXPECT_GT(u->id, 0);
    auto by_name = repo.FindUserByUsername("ann");
    ASSERT_TRUE(by_name.ok());
    EXPECT_EQ(by_name->id, u->id);
    EXPECT_EQ(by_name->role, Role::kFacilitator);
    EXPECT_FALSE(by_name->disabled);
    EXPECT_EQ(repo.FindUserById(u->id)->username, "ann");
}

TEST_F(RepositoriesTest, DuplicateUsernameIsAlreadyExists) {
    AccountsRepository repo(*conn_);
    ASSERT_TRUE(repo.CreateUser(Someone("bob"), 1).ok());
    auto dup = repo.CreateUser(Someone("bob"), 2);
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
    EXPECT_EQ(*repo.CountUsers(), 1);
}

TEST_F(RepositoriesTest, UnknownUserIsNotFound) {
    AccountsRepository repo(*conn_);
    EXPECT_EQ(repo.FindUserByUsername("nobody").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(repo.SetRole(999, Role::kAdmin).code(), StatusCode::kNotFound);
}

TEST_F(RepositoriesTest, RoleAndDisabledChangesPersist) {
    AccountsRepository repo(*conn_);
    auto u = *repo.CreateUser(Someone("cat"), 1);
    ASSERT_TRUE(repo.SetRole(u.id, Role::kAnalyst).ok());
    ASSERT_TRUE(repo.SetDisabled(u.id, true).ok());
    auto again = *repo.FindUserById(u.id);
    EXPECT_EQ(again.role, Role::kAnalyst);
    EXPECT_TRUE(again.disabled);
}

TEST_F(RepositoriesTest, ListUsersIsOrderedByUsername) {
    AccountsRepository repo(*conn_);
    for (const char* n : {"zoe", "amy", "mo"}) ASSERT_TRUE(repo.CreateUser(Someone(n), 1).ok());
    auto users = *repo.ListUsers();
    ASSERT_EQ(users.size(), 3u);
    EXPECT_EQ(users[0].username, "amy");
    EXPECT_EQ(users[2].username, "zoe");
}

TEST_F(RepositoriesTest, SessionsExpireAndEndWithTheirUser) {
    AccountsRepository repo(*conn_);
    auto u = *repo.CreateUser(Someone("dee"), 1);
    ASSERT_TRUE(repo.CreateSession({"h1", u.id, 1000, 1000}).ok());
    ASSERT_TRUE(repo.CreateSession({"h2", u.id, 1000, 5000}).ok());
    EXPECT_EQ(repo.FindSession("h1")->user_id, u.id);
    EXPECT_EQ(*repo.DeleteExpiredSessions(/*idle_before=*/2000, /*created_before=*/0), 1);
    EXPECT_EQ(repo.FindSession("h1").status().code(), StatusCode::kNotFound);
    ASSERT_TRUE(repo.DeleteSessionsOfUser(u.id).ok());
    EXPECT_EQ(repo.FindSession("h2").status().code(), StatusCode::kNotFound);
}

TEST_F(RepositoriesTest, LoginFailuresCountByAccountAndAddressWithinWindow) {
    AccountsRepository repo(*conn_);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(repo.RecordLoginFailure("eve", "10.0.0.1", 100 + i).ok());
    ASSERT_TRUE(repo.RecordLoginFailure("fay", "10.0.0.1", 200).ok());
    EXPECT_EQ(*repo.CountLoginFailuresForUser("eve", 0), 3);
    EXPECT_EQ(*repo.CountLoginFailuresForUser("eve", 102), 1);
    EXPECT_EQ(*repo.CountLoginFailuresFromAddress("10.0.0.1", 0), 4);
    EXPECT_EQ(**repo.LastLoginFailure("eve", "none", 0), 102);
    EXPECT_FALSE(repo.LastLoginFailure("nobody", "none", 0)->has_value());
    ASSERT_TRUE(repo.ClearLoginFailures("eve").ok());
    EXPECT_EQ(*repo.CountLoginFailuresForUser("eve", 0), 0);
}

TEST_F(RepositoriesTest, AuditLogAppendsAndFiltersNewestFirst) {
    AuditRepository audit(*conn_);
    ASSERT_TRUE(
        audit.Append({0, 10, std::nullopt, "ann", "admin", "sign_in", "user", "1", "success", "127.0.0.1", "r1"}).ok());
    ASSERT_TRUE(
        audit.Append({0, 20, std::nullopt, "bob", "public", "sign_in", "", "", "failure", "127.0.0.1", "r2"}).ok());
    ASSERT_TRUE(audit.Append({0, 30, 5, "ann", "admin", "user.set_role", "user", "7", "success", "", "r3"}).ok());
    auto all = *audit.Find({});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].action, "user.set_role");
    EXPECT_EQ(all[0].user_id, 5);
    AuditFilter only_ann;
    only_ann.username = "ann";
    EXPECT_EQ(*audit.Count(only_ann), 2);
    AuditFilter failures;
    failures.outcome = "failure";
    failures.from = 15;
    EXPECT_EQ(audit.Find(failures)->at(0).username, "bob");
}

TEST_F(RepositoriesTest, AuditLogRefusesUpdateAndDelete) {
    AuditRepository audit(*conn_);
    ASSERT_TRUE(audit.Append({0, 10, std::nullopt, "ann", "admin", "sign_in", "", "", "success", "", ""}).ok());
    EXPECT_FALSE(conn_->Execute("UPDATE audit_log SET outcome = 'failure'").ok());
    EXPECT_FALSE(conn_->Execute("DELETE FROM audit_log").ok());
    EXPECT_EQ(*audit.Count({}), 1);
}

TEST_F(RepositoriesTest, SettingGetOrInsertKeepsTheFirstValue) {
    SettingsRepository settings(*conn_);
    EXPECT_FALSE(settings.Get("csrf_secret")->has_value());
    EXPECT_EQ(*settings.GetOrInsert("csrf_secret", "first"), "first");
    EXPECT_EQ(*settings.GetOrInsert("csrf_secret", "second"), "first");
    ASSERT_TRUE(settings.Set("csrf_secret", "third").ok());
    EXPECT_EQ(**settings.Get("csrf_secret"), "third");
}

TEST_F(RepositoriesTest, OrganisationsUpsertByCodeAndSearch) {
    OrganisationsRepository orgs(*conn_);
    auto alliance = *orgs.Upsert({0, "EMCA", "East Midlands", "alliance", std::nullopt}, 1);
    auto trust = *orgs.Upsert({0, "RA9", "Torbay Trust", "trust", alliance.id}, 1);
    auto renamed = *orgs.Upsert({0, "RA9", "Torbay and South Devon", "trust", alliance.id}, 2);
    EXPECT_EQ(renamed.id, trust.id);
    EXPECT_EQ(orgs.FindByCode("RA9")->name, "Torbay and South Devon");
    EXPECT_EQ(orgs.FindByCode("ZZZ").status().code(), StatusCode::kNotFound);
    auto found = *orgs.Search("torbay");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].parent_id, alliance.id);
    EXPECT_EQ(orgs.Search("ra9")->at(0).code, "RA9");
    EXPECT_TRUE(orgs.Search("100%")->empty());
    EXPECT_EQ(orgs.List("trust")->size(), 1u);
}

TEST_F(RepositoriesTest, ForeignKeysAreEnforced) {
    AccountsRepository repo(*conn_);
    auto bad = repo.CreateSession({"h", /*user_id=*/424242, 1, 1});
    EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace carevoice::store

namespace carevoice::store {
namespace {

const char* kCpesHeader =
    "level,org_code,org_name,cancer_alliance,year,kind,sex,imd_quintile,tumour_group,question,n,score,ci_lower,"
    "ci_upper,expected_lower,expected_upper,rating,change_2017_2018,change_all_years\n";

experience::CpesResultsFile ParseOrDie(const std::string& body) {
    auto f = experience::ParseCpesResults(std::string(kCpesHeader) + body);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return std::move(*f);
}

class ExperienceImportTest : public RepositoriesTest {};

TEST_F(ExperienceImportTest, ImportLinksTrustsToTheirAllianceAndReadsBack) {
    auto file = ParseOrDie(
        "Cancer Alliance,E56000014,Peninsula,South West,2018,adjusted,Both,All,All Cancers,Q1,900,80,,,78,82,within,,\n"
        "Trust,RA9,Torbay,Peninsula,2018,adjusted,Both,All,All Cancers,Q1,120,80,72.1,86.0,70.5,85.5,within,,\n"
        "Trust,RA9,Torbay,Peninsula,2018,unadjusted,Both,All,Breast,Q1,30,77,,,,,,,\n");
    ExperienceRepository repo(*conn_);
    auto summary = repo.ImportResults(file, 100);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->rows_imported, 3);
    ResultQuery q;
    q.level = "trust";
    q.kind = "adjusted";
    auto rows = *repo.Results(q);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].org_code, "RA9");
    EXPECT_EQ(rows[0].alliance_code, "E56000014");
    EXPECT_DOUBLE_EQ(*rows[0].ci_upper, 86.0);
    EXPECT_EQ(rows[0].rating, "within");
    q.all_cancers_only = false;
    q.kind = "unadjusted";
    EXPECT_EQ(repo.Results(q)->at(0).tumour_group, "Breast");
}

TEST_F(ExperienceImportTest, ReimportReplacesOnlyTheSameYearAndKind) {
    ExperienceRepository repo(*conn_);
    ASSERT_TRUE(repo.ImportResults(ParseOrDie("Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,120,80,,,,,,,\n"
                                              "Trust,RA9,T,P,2017,yearonyear,Both,All,All Cancers,Q1,100,70,,,,,,,\n"),
                                   1)
                    .ok());
    auto again =
        repo.ImportResults(ParseOrDie("Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,130,90,,,,,,,\n"), 2);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->rows_replaced, 1);
    EXPECT_EQ(*repo.CountResults(), 2);
    ResultQuery q;
    q.kind = "adjusted";
    EXPECT_DOUBLE_EQ(*repo.Results(q)->at(0).score, 90);
}

TEST_F(ExperienceImportTest, RolledBackImportLeavesNothing) {
    ExperienceRepository repo(*conn_);
    {
        auto tx = Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(
            repo.ImportResults(ParseOrDie("Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,1,1,,,,,,,\n"), 1).ok());
    }
    EXPECT_EQ(*repo.CountResults(), 0);
    EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM organisations")->Int(0), 0);
}

TEST_F(ExperienceImportTest, ParametersAndQuestionsRoundTrip) {
    ExperienceRepository repo(*conn_);
    experience::RangeParameters mean{experience::Measure::kMean, 8.8038, 1.3883, 0.00191};
    experience::RangeParameters pct{experience::Measure::kPercent, 77.3196, 0, 0};
    ASSERT_TRUE(repo.ReplaceParameters(2018, {{"Q1", pct}, {"Q59", mean}}).ok());
    auto params = *repo.Parameters(2018);
    ASSERT_EQ(params.size(), 2u);
    EXPECT_EQ(params[1].parameters.measure, experience::Measure::kMean);
    EXPECT_DOUBLE_EQ(params[1].parameters.sd, 1.3883);
    EXPECT_TRUE(repo.Parameters(2017)->empty());
    ASSERT_TRUE(repo.ReplaceQuestions({{"Q2", "S", "Second", 2}, {"Q1", "S", "First", 1}}).ok());
    EXPECT_EQ(repo.Questions()->at(0).id, "Q1");
}

}  // namespace
}  // namespace carevoice::store
