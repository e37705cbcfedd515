// Contract: a group's survey organisation and its account-to-person links behave the same on SQLite and
// PostgreSQL.
#include "store/programme_settings_repository.hpp"

#include "store/accounts_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/people_repository.hpp"

namespace carevoice::store {
namespace {

using testing::NamesField;

class ProgrammeSettingsRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
        other_group_ = MakeGroup("Other partnership");
        ann_ = MakePerson(group_, "Ann");
        bob_ = MakePerson(group_, "Bob");
        stranger_ = MakePerson(other_group_, "Cat");
        user_ = User("ann");
    }
    std::int64_t User(const std::string& username) {
        auto u = AccountsRepository(*conn_).CreateUser({username, username, Role::kMember, std::nullopt, "x"}, kNow);
        EXPECT_TRUE(u.ok()) << u.status().ToString();
        return u->id;
    }
    std::int64_t group_ = 0, other_group_ = 0, ann_ = 0, bob_ = 0, stranger_ = 0, user_ = 0;
};

TEST_F(ProgrammeSettingsRepositoryTest, SurveyOrganisationIsNoneUntilSetThenReplaced) {
    ProgrammeSettingsRepository repo(*conn_);
    EXPECT_FALSE(repo.SurveyOrganisation(group_)->has_value());
    ASSERT_TRUE(repo.SetSurveyOrganisation(group_, "RD8", kNow).ok());
    ASSERT_TRUE(repo.SetSurveyOrganisation(group_, "RA9", kNow + 1).ok());
    EXPECT_EQ(repo.SurveyOrganisation(group_)->value_or(""), "RA9");
    EXPECT_FALSE(repo.SurveyOrganisation(other_group_)->has_value());
    EXPECT_EQ(repo.SetSurveyOrganisation(999999, "RD8", kNow).code(), StatusCode::kNotFound);
}

TEST_F(ProgrammeSettingsRepositoryTest, AccountLinksToOnePersonAndRelinkingMovesIt) {
    ProgrammeSettingsRepository repo(*conn_);
    EXPECT_FALSE(repo.PersonOfUser(group_, user_)->has_value());
    ASSERT_TRUE(repo.LinkAccount(group_, user_, ann_, kNow).ok());
    EXPECT_EQ(repo.PersonOfUser(group_, user_)->value_or(0), ann_);
    ASSERT_TRUE(repo.LinkAccount(group_, user_, bob_, kNow).ok());
    EXPECT_EQ(repo.PersonOfUser(group_, user_)->value_or(0), bob_);
    EXPECT_EQ(Count("person_accounts"), 1);
    // Another account linked to Bob takes him over.
    const std::int64_t second = User("bob");
    ASSERT_TRUE(repo.LinkAccount(group_, second, bob_, kNow).ok());
    EXPECT_FALSE(repo.PersonOfUser(group_, user_)->has_value());
    auto accounts = repo.Accounts(group_);
    ASSERT_TRUE(accounts.ok());
    ASSERT_EQ(accounts->size(), 1u);
    EXPECT_EQ((*accounts)[0].username, "bob");
    EXPECT_EQ((*accounts)[0].person_id, bob_);
}

TEST_F(ProgrammeSettingsRepositoryTest, PersonOfAnotherGroupIsRefused) {
    ProgrammeSettingsRepository repo(*conn_);
    EXPECT_TRUE(NamesField(repo.LinkAccount(group_, user_, stranger_, kNow), "person_id"));
    EXPECT_EQ(Count("person_accounts"), 0);
}

TEST_F(ProgrammeSettingsRepositoryTest, DeletingThePersonRemovesTheLink) {
    ProgrammeSettingsRepository repo(*conn_);
    ASSERT_TRUE(repo.LinkAccount(group_, user_, ann_, kNow).ok());
    ASSERT_TRUE(PeopleRepository(*conn_).Delete(ann_).ok());
    EXPECT_FALSE(repo.PersonOfUser(group_, user_)->has_value());
}

}  // namespace
}  // namespace carevoice::store
