#include "app/accounts.hpp"

#include <gtest/gtest.h>

#include "app/crypto.hpp"
#include "store/migrations.hpp"
#include "store/test_database.hpp"

namespace carevoice::app {
namespace {

TEST(ValidateNewAccountTest, AcceptsAGoodAccount) {
    EXPECT_TRUE(ValidateNewAccount({"ann.smith", "Ann Smith", "facilitator", "a-long-password"}).empty());
}

TEST(ValidateNewAccountTest, NamesEveryBadField) {
    auto problems = ValidateNewAccount({"Ann Smith", "", "chief", "short"});
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0].field, "username");
    EXPECT_EQ(problems[1].field, "display_name");
    EXPECT_EQ(problems[2].field, "role");
    EXPECT_EQ(problems[3].field, "password");
}

class AccountsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(InitCrypto().ok());
        conn_ = std::move(*store::testing::OpenFreshConnection());
        ASSERT_TRUE(store::Migrate(*conn_).ok());
        actor_.username = "(test)";
        actor_.role = "admin";
    }
    std::unique_ptr<store::Connection> conn_;
    FakeClock clock_{1000};
    Actor actor_;
};

TEST_F(AccountsTest, AddUserWritesUserAndAuditTogether) {
    auto u = AddUser(*conn_, clock_, PasswordCost::kMinimum, {"ann", "Ann", "admin", "a-long-password"}, actor_);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create'")->Int(0), 1);
}

TEST_F(AccountsTest, OnlyAdministratorCannotBeDisabled) {
    auto u = *AddUser(*conn_, clock_, PasswordCost::kMinimum, {"ann", "Ann", "admin", "a-long-password"}, actor_);
    Status s = SetDisabled(*conn_, clock_, u.id, true, actor_);
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
    auto second = *AddUser(*conn_, clock_, PasswordCost::kMinimum, {"bob", "Bob", "admin", "a-long-password"}, actor_);
    EXPECT_TRUE(SetDisabled(*conn_, clock_, u.id, true, actor_).ok());
    EXPECT_EQ(SetDisabled(*conn_, clock_, second.id, true, actor_).code(), StatusCode::kFailedPrecondition);
}

TEST_F(AccountsTest, FailedPasswordChangeKeepsTheOldPassword) {
    auto u = *AddUser(*conn_, clock_, PasswordCost::kMinimum, {"ann", "Ann", "member", "a-long-password"}, actor_);
    Status s = ChangePassword(*conn_, clock_, PasswordCost::kMinimum, u.id, "a-long-password", "short", actor_,
                              "session-hash");
    ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.details()[0].field, "new_password");
    auto hash = conn_->QueryOne("SELECT password_hash FROM users WHERE id = ?", {u.id})->Text(0);
    EXPECT_TRUE(VerifyPassword("a-long-password", hash));
}

}  // namespace
}  // namespace carevoice::app
