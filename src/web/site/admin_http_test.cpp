// Administration as an administrator uses it (issue 10, item 7), on the real server: disabling asks first and
// says whose account it was; a password reset gives a temporary password once, which the person must change
// before anything else; the audit log names people and can be filtered by whose account was acted on.
#include <gtest/gtest.h>

#include <regex>

#include "web/testing/responses.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kMemberPassword = "member-password-1";

class AdminHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.AddUser("admin", "admin", kAdminPassword);
        server_.AddUser("morgan", "member", kMemberPassword);
        morgan_ = CountRows(server_, "SELECT id FROM users WHERE username = 'morgan'");
        admin_ = SignedInBrowser(server_, "admin", kAdminPassword);
    }
    std::string UserPath(const std::string& rest) { return "/admin/users/" + std::to_string(morgan_) + rest; }
    TestServer server_;
    std::int64_t morgan_ = 0;
    std::unique_ptr<Browser> admin_;
};

TEST_F(AdminHttpTest, DisablingAsksFirstAndSaysWhoseAccountItWas) {
    auto users = admin_->Get("/admin/users");
    EXPECT_TRUE(Contains(users->body, "href=\"" + UserPath("/disable") + "\""));
    auto confirm = admin_->Get(UserPath("/disable"));
    ASSERT_EQ(confirm->status, 200);
    EXPECT_TRUE(Contains(confirm->body, "Disable Test morgan&apos;s account?"));
    EXPECT_TRUE(Contains(confirm->body, "Disable the account"));
    EXPECT_EQ(CountRows(server_, "SELECT disabled FROM users WHERE username = 'morgan'"), 0);  // nothing yet
    auto done = admin_->PostForm(UserPath("/disable"), {{"csrf_token", admin_->CsrfFrom("/admin/users")}});
    ASSERT_EQ(done->status, 303);
    EXPECT_EQ(CountRows(server_, "SELECT disabled FROM users WHERE username = 'morgan'"), 1);
    EXPECT_TRUE(Contains(admin_->Get("/admin/users")->body, "Test morgan (morgan)&apos;s account has been disabled"));
}

TEST_F(AdminHttpTest, AResetPasswordIsShownOnceAndMustBeChangedBeforeAnythingElse) {
    auto person = SignedInBrowser(server_, "morgan", kMemberPassword);
    EXPECT_TRUE(Contains(admin_->Get(UserPath("/reset-password"))->body, "Reset Test morgan&apos;s password?"));
    auto reset = admin_->PostForm(UserPath("/reset-password"), {{"csrf_token", admin_->CsrfFrom("/admin/users")}});
    ASSERT_EQ(reset->status, 200);
    EXPECT_EQ(reset->get_header_value("Cache-Control"), "no-store");
    std::smatch found;
    ASSERT_TRUE(std::regex_search(reset->body, found,
                                  std::regex("<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>")));
    const std::string temporary = found[1];
    EXPECT_EQ(CountAuditEntries(server_, "user.password_reset", "success"), 1);
    EXPECT_EQ(CountRows(server_, "SELECT COUNT(*) FROM audit_log WHERE record_id = '" + temporary + "'"), 0);
    // Signed out everywhere; the old password no longer works.
    EXPECT_TRUE(IsSentToSignIn(person->Get("/account")));
    EXPECT_EQ(Browser(server_.port()).SignIn("morgan", kMemberPassword)->status, 401);

    Browser b(server_.port());
    ASSERT_EQ(b.SignIn("morgan", temporary)->status, 303);
    auto elsewhere = b.Get("/partnership");
    ASSERT_EQ(elsewhere->status, 303);
    EXPECT_EQ(elsewhere->get_header_value("Location"), "/account");
    EXPECT_TRUE(Contains(b.Get("/account")->body, "Choose a new password"));
    EXPECT_EQ(b.PostForm("/sign-out", {{"csrf_token", b.CsrfFrom("/account")}})->status, 303);  // may sign out
    ASSERT_EQ(b.SignIn("morgan", temporary)->status, 303);
    auto changed = b.PostForm("/account/password", {{"csrf_token", b.CsrfFrom("/account")},
                                                    {"current_password", temporary},
                                                    {"new_password", "a-password-of-my-own"}});
    ASSERT_EQ(changed->status, 303);
    EXPECT_EQ(b.Get("/partnership")->status, 200);
    EXPECT_EQ(CountRows(server_, "SELECT must_change_password FROM users WHERE username = 'morgan'"), 0);
}

TEST_F(AdminHttpTest, TheAuditLogNamesPeopleAndFiltersByWhoseAccountWasActedOn) {
    ASSERT_EQ(
        admin_->PostForm(UserPath("/role"), {{"csrf_token", admin_->CsrfFrom("/admin/users")}, {"role", "analyst"}})
            ->status,
        303);
    auto log = admin_->Get("/admin/audit");
    EXPECT_TRUE(Contains(log->body, "Test admin (admin)"));
    EXPECT_TRUE(Contains(log->body, "Account of Test morgan (morgan)"));
    auto morgan = admin_->Get("/admin/audit?person=morgan");
    ASSERT_EQ(morgan->status, 200);
    EXPECT_TRUE(Contains(morgan->body, "user.set_role:analyst"));
    EXPECT_FALSE(Contains(morgan->body, "Account of Test admin (admin)"));  // the admin sign-in is not about morgan
    auto nobody = admin_->Get("/admin/audit?person=nobody&from=yesterday");
    EXPECT_TRUE(HasFieldError(nobody, "f-person", "No one has the username nobody", 200));
    EXPECT_TRUE(HasFieldError(nobody, "f-from", "The from date must be a date", 200));
    EXPECT_TRUE(IsErrorPage(admin_->Get("/admin/audit.csv?from=yesterday"), 422, "The from date must be a date"));
}

}  // namespace
}  // namespace carevoice::web::testing
