// HTTP behaviour of the real server on a free port: the platform's promises of issue 2.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/accounts_repository.hpp"
#include "store/audit_repository.hpp"
#include "web/testing/responses.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";

class HttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_GT(server_->port(), 0);
        server_->AddUser("admin", "admin", kAdminPassword);
        server_->AddUser("morgan", "member", "member-password-1");
    }
    std::int64_t Rows(const std::string& table) { return CountRows(*server_, "SELECT COUNT(*) FROM " + table); }
    std::int64_t CountAudit(const std::string& action, const std::string& outcome) {
        return CountAuditEntries(*server_, action, outcome);
    }
    // A signed-in admin client and its API CSRF token.
    std::pair<std::unique_ptr<Browser>, std::string> AdminApi() {
        auto b = std::make_unique<Browser>(server_->port());
        auto r = b->SignIn("admin", kAdminPassword);
        EXPECT_EQ(r->status, 303);
        auto me = b->Get("/api/v1/me");
        std::string token = nlohmann::json::parse(me->body)["csrf_token"];
        return {std::move(b), token};
    }
    static nlohmann::json ErrorOf(const httplib::Result& r) { return nlohmann::json::parse(r->body)["error"]; }
    std::unique_ptr<TestServer> server_;
};

TEST_F(HttpTest, HomePageIsServedWithNhsStylesAndSecurityHeaders) {
    Browser b(server_->port());
    auto r = b.Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("/static/nhsuk-frontend.min.css"), std::string::npos);
    EXPECT_NE(r->body.find("Skip to main content"), std::string::npos);
    EXPECT_NE(r->body.find("Partnership and improvement"), std::string::npos);
    const std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "same-origin");
    EXPECT_FALSE(r->get_header_value("X-Request-Id").empty());
}

TEST_F(HttpTest, PagesContainNoInlineScript) {
    Browser b(server_->port());
    for (const char* path : {"/", "/sign-in", "/experience", "/partnership", "/about"}) {
        auto r = b.Get(path);
        ASSERT_EQ(r->status, 200) << path;
        EXPECT_EQ(r->body.find("<script>"), std::string::npos) << path;
        EXPECT_EQ(r->body.find("style=\""), std::string::npos) << path;
    }
}

TEST_F(HttpTest, StaticFilesCarrySecurityHeadersToo) {
    Browser b(server_->port());
    auto r = b.Get("/static/nhsuk-frontend.min.css");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(HttpTest, SignInSetsAHardenedSessionCookieAndSignOutEndsIt) {
    Browser b(server_->port());
    auto r = b.SignIn("admin", kAdminPassword);
    ASSERT_EQ(r->status, 303);
    std::string set_cookie;
    for (auto [it, end] = r->headers.equal_range("Set-Cookie"); it != end; ++it) {
        if (it->second.rfind("cv_session=", 0) == 0) set_cookie = it->second;
    }
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(set_cookie.find("Secure"), std::string::npos);  // plain http here
    EXPECT_NE(b.Get("/")->body.find("Test admin"), std::string::npos);
    EXPECT_EQ(CountAudit("sign_in", "success"), 1);

    std::string token = b.CsrfFrom("/");
    auto out = b.PostForm("/sign-out", {{"csrf_token", token}});
    EXPECT_EQ(out->status, 303);
    EXPECT_EQ(b.Get("/admin/users")->status, 303);  // sent to sign in again
    EXPECT_EQ(Rows("sessions"), 0);
}

TEST_F(HttpTest, SessionCookieIsSecureWhenServedOverHttps) {
    TestServer tls([](ServerConfig& c) { c.public_url = "https://carevoice.example.nhs.uk"; });
    tls.AddUser("ann", "admin", kAdminPassword);
    Browser b(tls.port());
    auto r = b.SignIn("ann", kAdminPassword);
    ASSERT_EQ(r->status, 303);
    EXPECT_NE(r->get_header_value("Set-Cookie", 0).find("; Secure"), std::string::npos);
}

TEST_F(HttpTest, WrongPasswordSaysSoAndIsAudited) {
    Browser b(server_->port());
    auto r = b.SignIn("admin", "not-the-password");
    EXPECT_EQ(r->status, 401);
    EXPECT_NE(r->body.find("The username or password is not right"), std::string::npos);
    EXPECT_EQ(CountAudit("sign_in", "failure"), 1);
    EXPECT_EQ(Rows("sessions"), 0);
}

TEST_F(HttpTest, TenWrongPasswordsLockTheAccountAndSaySo) {
    Browser b(server_->port());
    std::vector<int> statuses;
    for (int i = 0; i < 10; ++i) statuses.push_back(b.SignIn("admin", "wrong-" + std::to_string(i))->status);
    EXPECT_EQ(statuses, (std::vector<int>{401, 401, 401, 401, 401, 429, 429, 429, 429, 429}));
    // Even the right password is refused while paused, with the reason and when to retry.
    auto r = b.SignIn("admin", kAdminPassword);
    EXPECT_EQ(r->status, 429);
    EXPECT_NE(r->body.find("too many failed attempts"), std::string::npos);
    EXPECT_NE(r->body.find("try again in 15 minutes"), std::string::npos);
    EXPECT_EQ(r->get_header_value("Retry-After"), "900");
    EXPECT_EQ(Rows("sessions"), 0);
    // After the pause it works again.
    server_->clock().Advance(15 * 60 + 1);
    EXPECT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
}

TEST_F(HttpTest, FailuresFromOneAddressLockOtherAccountsToo) {
    Browser b(server_->port());
    for (int i = 0; i < 5; ++i) b.SignIn("user" + std::to_string(i), "guess-password");
    EXPECT_TRUE(
        HasFieldError(b.SignIn("morgan", "member-password-1"), "username", "too many failed attempts to sign in", 429));
}

TEST_F(HttpTest, DisabledAccountCannotSignInAndLosesItsSessions) {
    Browser member(server_->port());
    ASSERT_EQ(member.SignIn("morgan", "member-password-1")->status, 303);
    auto [admin, token] = AdminApi();
    auto conn = server_->app().database().Acquire();
    auto mo = store::AccountsRepository(*conn).FindUserByUsername("morgan");
    auto r = admin->Send("PATCH", "/api/v1/users/" + std::to_string(mo->id), R"({"disabled": true})",
                         "application/json", {{"X-CSRF-Token", token}});
    ASSERT_EQ(r->status, 200) << r->body;
    // The open session is gone...
    EXPECT_TRUE(IsSentToSignIn(member.Get("/account")));
    // ...and signing in again says the account is disabled.
    auto again = member.SignIn("morgan", "member-password-1");
    EXPECT_EQ(again->status, 403);
    EXPECT_NE(again->body.find("This account has been disabled"), std::string::npos);
    EXPECT_EQ(CountAudit("sign_in", "disabled"), 1);
}

TEST_F(HttpTest, FormWithoutCsrfTokenIsRefusedAndNothingIsWritten) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    const auto before = Rows("users");
    auto r = b.PostForm("/admin/users", {{"username", "newbie"},
                                         {"display_name", "New Person"},
                                         {"role", "member"},
                                         {"password", "long-enough-password"}});
    EXPECT_EQ(r->status, 403);
    EXPECT_NE(r->body.find("reload the page and try again"), std::string::npos);
    EXPECT_EQ(Rows("users"), before);
}

TEST_F(HttpTest, SignInFormWithoutCsrfTokenIsRefused) {
    Browser b(server_->port());
    b.Get("/sign-in");
    auto r = b.PostForm("/sign-in", {{"username", "admin"}, {"password", kAdminPassword}});
    EXPECT_TRUE(IsErrorPage(r, 403, kCsrfRefused));
    EXPECT_EQ(Rows("sessions"), 0);
}

TEST_F(HttpTest, CsrfTokenFromAnotherSessionIsRefused) {
    Browser mallory(server_->port());
    ASSERT_EQ(mallory.SignIn("morgan", "member-password-1")->status, 303);
    std::string foreign = mallory.CsrfFrom("/account");
    Browser admin(server_->port());
    ASSERT_EQ(admin.SignIn("admin", kAdminPassword)->status, 303);
    auto r = admin.PostForm("/admin/users", {{"csrf_token", foreign},
                                             {"username", "x1x"},
                                             {"display_name", "X"},
                                             {"role", "admin"},
                                             {"password", "long-enough-password"}});
    EXPECT_TRUE(IsErrorPage(r, 403, kCsrfRefused));
}

TEST_F(HttpTest, AdminAddsUserThroughTheFormAndItIsAudited) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    std::string token = b.CsrfFrom("/admin/users/new");
    auto r = b.PostForm("/admin/users", {{"csrf_token", token},
                                         {"username", "pat"},
                                         {"display_name", "Pat Analyst"},
                                         {"role", "analyst"},
                                         {"password", "a-long-password"}});
    EXPECT_EQ(r->status, 303);
    auto list = b.Get("/admin/users");
    EXPECT_NE(list->body.find("Pat Analyst"), std::string::npos);
    EXPECT_NE(list->body.find("Added Pat Analyst"), std::string::npos);  // confirmation banner
    EXPECT_EQ(CountAudit("user.create", "success"), 3);                  // two by the fixture, one here
}

TEST_F(HttpTest, AdminHomeLinksEveryAdministrationToolAndIsTheNavigationEntry) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    auto r = b.Get("/admin");
    ASSERT_EQ(r->status, 200);
    for (const char* href : {"/admin/users", "/admin/audit", "/admin/break-glass", "/pathway/alerts/settings"}) {
        EXPECT_NE(r->body.find(std::string("href=\"") + href + "\""), std::string::npos) << href;
    }
    EXPECT_NE(r->body.find("Nothing to review"), std::string::npos);  // no break glass yet
    // The header links the administrator's home, marked current on every administration page.
    EXPECT_NE(b.Get("/admin/users")->body.find("href=\"/admin\" aria-current=\"page\">Administration"),
              std::string::npos);
    Browser member(server_->port());
    ASSERT_EQ(member.SignIn("morgan", "member-password-1")->status, 303);
    EXPECT_EQ(member.Get("/admin")->status, 403);
    EXPECT_EQ(member.Get("/")->body.find("href=\"/admin\""), std::string::npos);
    EXPECT_EQ(Browser(server_->port()).Get("/admin")->status, 303);  // signed out: to sign in
}

TEST_F(HttpTest, AddUserFormNamesEachBadField) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    std::string token = b.CsrfFrom("/admin/users/new");
    auto r = b.PostForm(
        "/admin/users",
        {{"csrf_token", token}, {"username", "A B"}, {"display_name", ""}, {"role", "boss"}, {"password", "short"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("There is a problem"), std::string::npos);
    EXPECT_NE(r->body.find("lower-case letters"), std::string::npos);
    EXPECT_NE(r->body.find("Enter the person&apos;s full name"), std::string::npos);
    EXPECT_NE(r->body.find("at least 10 characters"), std::string::npos);
}

TEST_F(HttpTest, MemberIsForbiddenFromAdminPages) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("morgan", "member-password-1")->status, 303);
    auto r = b.Get("/admin/users");
    EXPECT_EQ(r->status, 403);
    EXPECT_NE(r->body.find("Your role (member) does not allow this"), std::string::npos);
    EXPECT_TRUE(IsApiError(b.Get("/api/v1/users"), 403, "forbidden"));
}

TEST_F(HttpTest, SignedOutVisitorIsSentToSignInAndBackAfterwards) {
    Browser b(server_->port());
    auto r = b.Get("/admin/audit");
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/sign-in?next=/admin/audit");
    std::string token = b.CsrfFrom("/sign-in?next=%2Fadmin%2Faudit");
    auto in = b.PostForm(
        "/sign-in",
        {{"username", "admin"}, {"password", kAdminPassword}, {"csrf_token", token}, {"next", "/admin/audit"}});
    EXPECT_EQ(in->get_header_value("Location"), "/admin/audit");
}

TEST_F(HttpTest, SignInNeverRedirectsToAnotherSite) {
    Browser b(server_->port());
    std::string token = b.CsrfFrom("/sign-in");
    auto in = b.PostForm(
        "/sign-in",
        {{"username", "admin"}, {"password", kAdminPassword}, {"csrf_token", token}, {"next", "//evil.example/"}});
    EXPECT_EQ(in->get_header_value("Location"), "/");
}

TEST_F(HttpTest, IdleSessionExpires) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    EXPECT_EQ(b.Get("/admin/users")->status, 200);
    server_->clock().Advance(31 * 60);
    EXPECT_EQ(b.Get("/admin/users")->status, 303);
}

TEST_F(HttpTest, SessionExpiresAfterTwelveHoursEvenWhenActive) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    for (int i = 0; i < 25; ++i) {
        server_->clock().Advance(29 * 60);
        b.Get("/account");
    }
    EXPECT_EQ(b.Get("/account")->status, 303);
}

TEST_F(HttpTest, ChangePasswordRequiresTheCurrentOne) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("morgan", "member-password-1")->status, 303);
    std::string token = b.CsrfFrom("/account");
    auto bad = b.PostForm(
        "/account/password",
        {{"csrf_token", token}, {"current_password", "wrong-one-here"}, {"new_password", "brand-new-password"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("Your current password is not right"), std::string::npos);
    auto good = b.PostForm(
        "/account/password",
        {{"csrf_token", token}, {"current_password", "member-password-1"}, {"new_password", "brand-new-password"}});
    EXPECT_EQ(good->status, 303);
    Browser other(server_->port());
    EXPECT_EQ(other.SignIn("morgan", "brand-new-password")->status, 303);
}

TEST_F(HttpTest, UnknownPageIs404HtmlAndUnknownApiIs404Json) {
    Browser b(server_->port());
    auto page = b.Get("/no/such/page");
    EXPECT_EQ(page->status, 404);
    EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_NE(page->body.find("Page not found"), std::string::npos);
    auto api = b.Get("/api/v1/nothing-here");
    EXPECT_EQ(api->status, 404);
    EXPECT_EQ(ErrorOf(api)["code"], "not_found");
}

TEST_F(HttpTest, WrongMethodIs405WithAllow) {
    Browser b(server_->port());
    auto r = b.Send("DELETE", "/sign-in", "", "text/plain");
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "GET, POST");
    auto api = b.Send("DELETE", "/api/v1/users", "", "text/plain");
    EXPECT_EQ(api->status, 405);
    EXPECT_EQ(ErrorOf(api)["code"], "method_not_allowed");
}

TEST_F(HttpTest, MalformedJsonIs400AndNothingIsWritten) {
    auto [b, token] = AdminApi();
    const auto before = Rows("users");
    auto r = b->Send("POST", "/api/v1/users", R"({"username": "x", )", "application/json", {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 400);
    auto e = ErrorOf(r);
    EXPECT_EQ(e["code"], "malformed_json");
    EXPECT_NE(e["message"].get<std::string>().find("not valid JSON"), std::string::npos);
    EXPECT_TRUE(e["details"].is_array());
    EXPECT_EQ(Rows("users"), before);
}

TEST_F(HttpTest, UnknownFieldIs422NamingItAndNothingIsWritten) {
    auto [b, token] = AdminApi();
    const auto before = Rows("users");
    auto r = b->Send(
        "POST", "/api/v1/users",
        R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1","shoe_size":9})",
        "application/json", {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 422);
    auto e = ErrorOf(r);
    ASSERT_EQ(e["details"].size(), 1u);
    EXPECT_EQ(e["details"][0]["field"], "shoe_size");
    EXPECT_NE(e["details"][0]["problem"].get<std::string>().find("unknown field"), std::string::npos);
    EXPECT_EQ(Rows("users"), before);
}

TEST_F(HttpTest, InvalidValuesAre422NamingEachField) {
    auto [b, token] = AdminApi();
    auto r = b->Send("POST", "/api/v1/users", R"({"username":"OK NO","display_name":"","role":"boss","password":"x"})",
                     "application/json", {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 422);
    std::set<std::string> fields;
    const auto error = ErrorOf(r);
    for (const auto& d : error["details"]) fields.insert(d["field"]);
    EXPECT_EQ(fields, (std::set<std::string>{"username", "display_name", "role", "password"}));
}

TEST_F(HttpTest, WrongContentTypeIs415) {
    auto [b, token] = AdminApi();
    auto r =
        b->Send("POST", "/api/v1/users", "username=x", "application/x-www-form-urlencoded", {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 415);
    EXPECT_EQ(ErrorOf(r)["code"], "unsupported_media_type");
}

TEST_F(HttpTest, ApiCallWithoutCsrfHeaderIsRefused) {
    auto [b, token] = AdminApi();
    const auto before = Rows("users");
    auto r = b->Send("POST", "/api/v1/users",
                     R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1"})",
                     "application/json");
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(ErrorOf(r)["code"], "csrf_token_invalid");
    EXPECT_EQ(Rows("users"), before);
}

TEST_F(HttpTest, ApiCreatesUserWith201) {
    auto [b, token] = AdminApi();
    auto r = b->Send("POST", "/api/v1/users",
                     R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1"})",
                     "application/json", {{"X-CSRF-Token", token}});
    ASSERT_EQ(r->status, 201) << r->body;
    EXPECT_EQ(nlohmann::json::parse(r->body)["username"], "newbie");
    auto dup = b->Send("POST", "/api/v1/users",
                       R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1"})",
                       "application/json", {{"X-CSRF-Token", token}});
    EXPECT_EQ(dup->status, 409);
    EXPECT_EQ(ErrorOf(dup)["details"][0]["field"], "username");
}

TEST_F(HttpTest, ApiWithoutSessionIs401Json) {
    Browser b(server_->port());
    auto r = b.Get("/api/v1/me");
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(ErrorOf(r)["code"], "unauthenticated");
}

TEST_F(HttpTest, TwentyMegabyteBodyIs413AndNothingIsWritten) {
    auto [b, token] = AdminApi();
    const auto before = Rows("users");
    std::string huge(20u << 20, 'x');
    auto r = b->Send("POST", "/api/v1/users", huge, "application/json", {{"X-CSRF-Token", token}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(ErrorOf(r)["code"], "payload_too_large");
    // An API call is an ordinary form-sized body: the limit named is that route's (1 MB), not the 16 MB of uploads.
    EXPECT_NE(ErrorOf(r)["message"].get<std::string>().find("1 MB"), std::string::npos);
    EXPECT_EQ(Rows("users"), before);
}

TEST_F(HttpTest, LastAdministratorCannotBeDemoted) {
    auto [b, token] = AdminApi();
    auto conn = server_->app().database().Acquire();
    auto admin = store::AccountsRepository(*conn).FindUserByUsername("admin");
    auto r = b->Send("PATCH", "/api/v1/users/" + std::to_string(admin->id), R"({"role":"member"})", "application/json",
                     {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 409);
    EXPECT_NE(ErrorOf(r)["message"].get<std::string>().find("at least one active administrator"), std::string::npos);
}

TEST_F(HttpTest, RoleChangeIsAuditedAndSignsThePersonOut) {
    Browser member(server_->port());
    ASSERT_EQ(member.SignIn("morgan", "member-password-1")->status, 303);
    Browser admin(server_->port());
    ASSERT_EQ(admin.SignIn("admin", kAdminPassword)->status, 303);
    auto conn = server_->app().database().Acquire();
    auto mo = store::AccountsRepository(*conn).FindUserByUsername("morgan");
    std::string token = admin.CsrfFrom("/admin/users");
    auto r = admin.PostForm("/admin/users/" + std::to_string(mo->id) + "/role",
                            {{"csrf_token", token}, {"role", "analyst"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(CountAudit("user.set_role:analyst", "success"), 1);
    EXPECT_TRUE(IsSentToSignIn(member.Get("/account")));
}

TEST_F(HttpTest, AuditLogIsFilterableAndDownloadable) {
    Browser b(server_->port());
    b.SignIn("morgan", "wrong-password-x");
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    auto page = b.Get("/admin/audit?outcome=failure");
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("1 entries match the filter"), std::string::npos);
    auto csv = b.Get("/admin/audit.csv");
    EXPECT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Disposition").find("carevoice-audit-log.csv"), std::string::npos);
    EXPECT_EQ(csv->body.rfind("at,username,role,action,record_type,record_id,outcome,client_address,request_id\r\n", 0),
              0u);
    EXPECT_NE(csv->body.find(",sign_in,user,"), std::string::npos);
}

TEST_F(HttpTest, HealthzChecksTheDatabase) {
    Browser b(server_->port());
    auto r = b.Get("/healthz");
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(nlohmann::json::parse(r->body)["database"], "ok");
}

TEST_F(HttpTest, MetricsCountRequestsByRouteAndStatus) {
    Browser visitor(server_->port());
    visitor.Get("/");
    visitor.Get("/nowhere");
    auto [admin, token] = AdminApi();  // /metrics is for administrators
    Browser& b = *admin;
    // A request is counted by the access logger just after its response is sent, so the count may
    // trail the client by a moment: read /metrics until it shows (at most about two seconds).
    auto r = b.Get("/metrics");
    for (int i = 0; i < 100 && r->body.find(R"x(route="(unmatched)")x") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        r = b.Get("/metrics");
    }
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find(R"(carevoice_http_requests_total{route="/",method="GET",status="200"} 1)"),
              std::string::npos);
    EXPECT_NE(r->body.find(R"x(route="(unmatched)",method="GET",status="404")x"), std::string::npos);
    EXPECT_NE(r->body.find("carevoice_http_request_duration_seconds_bucket{route=\"/\",le=\"+Inf\"} 1"),
              std::string::npos);
}

TEST_F(HttpTest, PathwayIsNeverPublic) {
    Browser b(server_->port());
    EXPECT_EQ(b.Get("/pathway")->status, 303);
}

TEST_F(HttpTest, EveryRouteDeclaresWhoMayUseIt) {
    // Deny by default: a route either is public by declaration or names its roles.
    for (const auto& r : server_->app().router().routes()) {
        EXPECT_TRUE(r.access.is_public() || !r.access.roles().empty()) << r.method << " " << r.pattern;
    }
}

}  // namespace
}  // namespace carevoice::web::testing
