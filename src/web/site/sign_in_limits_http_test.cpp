// Sign-in against a hostile visitor (issue 8): over-long input is refused before anything is written,
// refused sign-ins cannot grow the append-only audit log faster than a bound from one address (the rest
// are counted and summarised), and changing a password signs the person out everywhere else.
#include <gtest/gtest.h>

#include "store/accounts_repository.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kMemberPassword = "member-password-1";
constexpr std::int64_t kPerMinute = 10;  // ServerConfig::sign_in_audit_per_minute's default

class SignInLimitsTest : public ::testing::Test {
  protected:
    void SetUp() override { Start({}); }
    void Start(const std::function<void(ServerConfig&)>& adjust) {
        server_ = std::make_unique<TestServer>(adjust);
        ASSERT_GT(server_->port(), 0);
        server_->AddUser("admin", "admin", kAdminPassword);
        server_->AddUser("morgan", "member", kMemberPassword);
    }
    std::int64_t Count(const std::string& sql) { return CountRows(*server_, sql); }
    std::int64_t AuditRows() { return Count("SELECT COUNT(*) FROM audit_log"); }
    // Attempts counted rather than written, by the "sign_in.counted" summaries of one scope.
    std::int64_t Counted(const std::string& scope) {
        return Count(
            "SELECT COALESCE(SUM(CAST(record_id AS BIGINT)), 0) FROM audit_log WHERE action = 'sign_in.counted' "
            "AND record_type = '" +
            scope + "'");
    }
    // Posts the sign-in form `times` times with one CSRF token, as a script would.
    void Hammer(Browser& b, int times, const std::function<std::string(int)>& username, const std::string& password) {
        const std::string token = b.CsrfFrom("/sign-in");
        for (int i = 0; i < times; ++i) {
            auto r = b.PostForm("/sign-in", {{"username", username(i)}, {"password", password}, {"csrf_token", token}});
            ASSERT_TRUE(r) << "attempt " << i;
        }
    }
    std::unique_ptr<TestServer> server_;
};

TEST_F(SignInLimitsTest, UsernameOverSixtyFourCharactersIsRefusedBeforeAnythingIsWritten) {
    const std::int64_t audit_before = AuditRows();
    Browser b(server_->port());
    const std::string token = b.CsrfFrom("/sign-in");
    const std::string long_name = std::string(65, 'a') + "-username-marker";
    auto r = b.PostForm("/sign-in", {{"username", long_name}, {"password", "a-password-here"}, {"csrf_token", token}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("id=\"username-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> Enter a "
                           "username of at most 64 characters"),
              std::string::npos);
    EXPECT_EQ(r->body.find("username-marker"), std::string::npos);  // not echoed back
    EXPECT_EQ(AuditRows(), audit_before);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sign_in_counters"), 0);
}

TEST_F(SignInLimitsTest, UsernameOfSixtyFourCharactersIsAnOrdinaryFailure) {
    Browser b(server_->port());
    auto r = b.SignIn(std::string(64, 'a'), "a-password-here");
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 1);
}

TEST_F(SignInLimitsTest, PasswordOverTheLongestAllowedIsRefusedBeforeAnythingIsWritten) {
    const std::int64_t audit_before = AuditRows();
    Browser b(server_->port());
    auto r = b.SignIn("admin", std::string(257, 'p'));
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("id=\"password-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> Enter a "
                           "password of at most 256 characters"),
              std::string::npos);
    EXPECT_EQ(AuditRows(), audit_before);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 0);
}

TEST_F(SignInLimitsTest, FiveHundredAttemptsFromOneAddressAddAtMostTheBoundToTheAuditLog) {
    const std::int64_t audit_before = AuditRows();
    Browser b(server_->port());
    // Every other attempt has the longest username allowed; the rest are far longer (refused unwritten).
    Hammer(
        b, 500,
        [](int i) { return i % 2 == 0 ? std::string(60, 'u') + std::to_string(1000 + i) : std::string(4096 + i, 'v'); },
        std::string(256, 'p'));
    EXPECT_LE(AuditRows() - audit_before, kPerMinute);
    // 5 failures lock the address; the lock's first refusal is written and the rest only counted.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'failure'"), 5);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'locked'"), 1);
    EXPECT_LE(Count("SELECT COALESCE(SUM(LENGTH(username)), 0) FROM audit_log"), kPerMinute * 64);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 5);

    // When the minute has ended and the lock lifted, the next sign-in summarises what was counted: every
    // one of the 250 attempts is accounted for, in 6 entries and 2 summaries.
    server_->clock().Advance(15 * 60 + 1);
    ASSERT_EQ(b.SignIn("morgan", kMemberPassword)->status, 303);
    EXPECT_EQ(Counted("address"), 250 - kPerMinute);
    EXPECT_EQ(Counted("address_lock"), kPerMinute - 6);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.counted' AND client_address = "
                    "'127.0.0.1' AND outcome = 'counted'"),
              2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sign_in_counters WHERE window_end <= " +
                    std::to_string(server_->clock().NowSeconds())),
              0);
}

TEST_F(SignInLimitsTest, WithoutALockTheBoundIsPerAddressAndMinute) {
    Start([](ServerConfig& c) { c.lockout_threshold = 1000; });
    Browser b(server_->port());
    const std::int64_t audit_before = AuditRows();
    Hammer(
        b, 30, [](int i) { return "nobody" + std::to_string(i); }, "wrong-password");
    EXPECT_EQ(AuditRows() - audit_before, kPerMinute);
    // The next minute has its own entries, and the last minute's 20 others are summarised once.
    server_->clock().Advance(60);
    Hammer(
        b, 3, [](int i) { return "someone" + std::to_string(i); }, "wrong-password");
    EXPECT_EQ(AuditRows() - audit_before, kPerMinute + 1 + 3);
    EXPECT_EQ(Counted("address"), 20);
}

TEST_F(SignInLimitsTest, LockedAccountWritesOneEntryPerLockAndCountsTheRest) {
    // Five failures for admin from another address lock the account, not this address.
    const std::int64_t now = server_->clock().NowSeconds();
    {
        auto conn = server_->app().database().Acquire();
        store::AccountsRepository accounts(*conn);
        for (int i = 0; i < 5; ++i) ASSERT_TRUE(accounts.RecordLoginFailure("admin", "192.0.2.9", now - 10 + i).ok());
    }
    Browser b(server_->port());
    for (int i = 0; i < 4; ++i) EXPECT_EQ(b.SignIn("admin", kAdminPassword)->status, 429);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'locked' AND username = "
                    "'admin'"),
              1);
    // Once the pause has lifted, the lock's other three refusals are summarised under the account's name.
    server_->clock().Advance(15 * 60);
    EXPECT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    EXPECT_EQ(Counted("account_lock"), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.counted' AND username = 'admin'"), 1);
}

TEST_F(SignInLimitsTest, ChangingThePasswordEndsOtherSessionsAndKeepsThisOne) {
    auto laptop = SignedInBrowser(*server_, "morgan", kMemberPassword);
    auto phone = SignedInBrowser(*server_, "morgan", kMemberPassword);
    auto admin = SignedInBrowser(*server_, "admin", kAdminPassword);
    ASSERT_EQ(phone->Get("/account")->status, 200);

    const std::string token = laptop->CsrfFrom("/account");
    auto changed = laptop->PostForm(
        "/account/password",
        {{"csrf_token", token}, {"current_password", kMemberPassword}, {"new_password", "brand-new-password"}});
    ASSERT_EQ(changed->status, 303);
    auto page = laptop->Get("/account");
    EXPECT_EQ(page->status, 200);  // this browser stays signed in...
    EXPECT_NE(page->body.find("Anywhere else you were signed in, you have been signed out."), std::string::npos);
    auto elsewhere = phone->Get("/account");  // ...the other is sent to sign in again
    EXPECT_EQ(elsewhere->status, 303);
    EXPECT_EQ(elsewhere->get_header_value("Location").rfind("/sign-in", 0), 0u);
    EXPECT_EQ(admin->Get("/account")->status, 200);  // nobody else is touched
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'morgan'"), 1);
}

}  // namespace
}  // namespace carevoice::web::testing
