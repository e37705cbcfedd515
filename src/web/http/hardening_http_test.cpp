// What a hostile visitor finds at the HTTP layer (issue 8, item 3), on the real server: /metrics only
// for administrators or on its own listener, redirects after sign-in only to local paths, the client
// address from the right-most X-Forwarded-For entry, CSRF tokens never from the query string, HSTS with
// an https public address, and no control characters in static file paths.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kMemberPassword = "member-password-1";

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::unique_ptr<TestServer> ServerWithUsers(const std::function<void(ServerConfig&)>& adjust = {}) {
    auto server = std::make_unique<TestServer>(adjust);
    server->AddUser("admin", "admin", kAdminPassword);
    server->AddUser("morgan", "member", kMemberPassword);
    return server;
}

std::string ErrorCode(const httplib::Result& r) { return nlohmann::json::parse(r->body)["error"]["code"]; }

TEST(MetricsAccessHttpTest, MetricsAreForAdministratorsOnly) {
    auto server = ServerWithUsers();
    Browser visitor(server->port());
    auto anonymous = visitor.Get("/metrics");
    EXPECT_EQ(anonymous->status, 401);
    EXPECT_EQ(ErrorCode(anonymous), "unauthenticated");
    EXPECT_FALSE(Has(anonymous->body, "carevoice_http_requests_total"));
    auto member = SignedInBrowser(*server, "morgan", kMemberPassword)->Get("/metrics");
    EXPECT_EQ(member->status, 403);
    EXPECT_EQ(ErrorCode(member), "forbidden");
    auto admin = SignedInBrowser(*server, "admin", kAdminPassword)->Get("/metrics");
    EXPECT_EQ(admin->status, 200);
    EXPECT_TRUE(Has(admin->body, "carevoice_http_requests_total"));
}

TEST(MetricsAccessHttpTest, MetricsListenerServesMetricsWithoutSignInAndNothingElse) {
    auto server = ServerWithUsers([](ServerConfig& c) { c.metrics_port = 0; });
    const int port = server->server().metrics_port();
    ASSERT_GT(port, 0);
    ASSERT_NE(port, server->port());
    httplib::Client monitoring("127.0.0.1", port);
    auto metrics = monitoring.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
    EXPECT_TRUE(Has(metrics->body, "# TYPE carevoice_http_requests_total counter"));
    EXPECT_EQ(monitoring.Get("/")->status, 404);
    EXPECT_EQ(monitoring.Get("/sign-in")->status, 404);
    // The main address still asks who you are.
    EXPECT_EQ(Browser(server->port()).Get("/metrics")->status, 401);
}

TEST(MetricsAccessHttpTest, MadeUpMethodsAreCountedUnderOneLabel) {
    auto server = ServerWithUsers();
    httplib::Client raw("127.0.0.1", server->port());
    for (const char* method : {"PROPFIND", "BREW"}) {
        httplib::Request req;
        req.method = method;
        req.path = "/";
        raw.send(req);
    }
    auto admin = SignedInBrowser(*server, "admin", kAdminPassword);
    auto r = admin->Get("/metrics");
    for (int i = 0; i < 100 && !Has(r->body, "method=\"OTHER\""); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // counted just after each response
        r = admin->Get("/metrics");
    }
    EXPECT_TRUE(Has(r->body, "method=\"OTHER\"")) << r->body;
    EXPECT_FALSE(Has(r->body, "PROPFIND"));
    EXPECT_FALSE(Has(r->body, "BREW"));
}

TEST(SignInRedirectHttpTest, HostileNextValuesAllGoHome) {
    auto server = ServerWithUsers();
    for (const std::string next :
         {"//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x",
          "/\r\nSet-Cookie: x=1", "/a%00b", "/%09/evil.example", "/%2F%2Fevil.example"}) {
        Browser b(server->port());
        const std::string token = b.CsrfFrom("/sign-in");
        auto r = b.PostForm(
            "/sign-in", {{"username", "admin"}, {"password", kAdminPassword}, {"csrf_token", token}, {"next", next}});
        ASSERT_EQ(r->status, 303) << next;
        EXPECT_EQ(r->get_header_value("Location"), "/") << next;
        EXPECT_EQ(r->get_header_value_count("Set-Cookie"), 2u) << next;  // the session and the flash, no more
    }
    Browser b(server->port());
    const std::string token = b.CsrfFrom("/sign-in");
    auto local = b.PostForm("/sign-in", {{"username", "admin"},
                                         {"password", kAdminPassword},
                                         {"csrf_token", token},
                                         {"next", "/admin/audit?outcome=failure"}});
    EXPECT_EQ(local->get_header_value("Location"), "/admin/audit?outcome=failure");
}

// The address recorded for the sign-in of `username` (the audit log keeps the client address).
std::string SignInAddress(TestServer& server, const std::string& username) {
    auto conn = server.app().database().Acquire();
    auto row = conn->QueryOne(
        "SELECT client_address FROM audit_log WHERE action = 'sign_in' AND username = ? ORDER BY id DESC LIMIT 1",
        {username});
    return row.ok() ? row->Text(0) : "(none)";
}

void SignInFrom(TestServer& server, const std::string& forwarded_for) {
    Browser b(server.port());
    const std::string token = b.CsrfFrom("/sign-in");
    auto r =
        b.Send("POST", "/sign-in", "username=admin&password=" + std::string(kAdminPassword) + "&csrf_token=" + token,
               "application/x-www-form-urlencoded", {{"X-Forwarded-For", forwarded_for}});
    ASSERT_EQ(r->status, 303);
}

TEST(TrustProxyHttpTest, TheRightMostForwardedAddressIsTheClientNotTheSpoofedLeftMostOne) {
    auto server = ServerWithUsers([](ServerConfig& c) { c.trust_proxy = true; });
    SignInFrom(*server, "6.6.6.6, 203.0.113.7");
    EXPECT_EQ(SignInAddress(*server, "admin"), "203.0.113.7");
}

TEST(TrustProxyHttpTest, WithTwoProxiesTheSecondFromTheRightIsTheClient) {
    auto server = ServerWithUsers([](ServerConfig& c) {
        c.trust_proxy = true;
        c.trust_proxy_hops = 2;
    });
    SignInFrom(*server, "6.6.6.6, 198.51.100.9, 203.0.113.7");
    EXPECT_EQ(SignInAddress(*server, "admin"), "198.51.100.9");
}

TEST(TrustProxyHttpTest, WithoutTrustProxyTheHeaderIsIgnored) {
    auto server = ServerWithUsers();
    SignInFrom(*server, "203.0.113.7");
    EXPECT_EQ(SignInAddress(*server, "admin"), "127.0.0.1");
}

TEST(CsrfHttpTest, TokenInTheQueryStringOnlyIsRefused) {
    auto server = ServerWithUsers();
    Browser b(server->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    const std::string form_token = b.CsrfFrom("/");
    auto form = b.PostForm("/sign-out?csrf_token=" + form_token, {});
    EXPECT_EQ(form->status, 403);
    EXPECT_TRUE(Has(form->body, "This form was not sent from this carevoice page")) << form->body;
    EXPECT_EQ(b.Get("/account")->status, 200);  // still signed in

    const std::string api_token = nlohmann::json::parse(b.Get("/api/v1/me")->body)["csrf_token"];
    auto api = b.Send("POST", "/api/v1/users?csrf_token=" + api_token,
                      R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1"})",
                      "application/json");
    EXPECT_EQ(api->status, 403);
    EXPECT_EQ(ErrorCode(api), "csrf_token_invalid");
    // The same token in the form body is accepted.
    EXPECT_EQ(b.PostForm("/sign-out", {{"csrf_token", form_token}})->status, 303);
}

TEST(StrictTransportSecurityHttpTest, SentOnlyWhenThePublicAddressIsHttps) {
    auto https = ServerWithUsers([](ServerConfig& c) { c.public_url = "https://carevoice.example.nhs.uk"; });
    Browser secure(https->port());
    EXPECT_EQ(secure.Get("/")->get_header_value("Strict-Transport-Security"), "max-age=31536000");
    EXPECT_EQ(secure.Get("/static/nhsuk-frontend.min.css")->get_header_value("Strict-Transport-Security"),
              "max-age=31536000");
    EXPECT_EQ(secure.Get("/no/such/page")->get_header_value("Strict-Transport-Security"), "max-age=31536000");

    auto http = ServerWithUsers([](ServerConfig& c) { c.public_url = "http://carevoice.internal"; });
    EXPECT_FALSE(Browser(http->port()).Get("/")->has_header("Strict-Transport-Security"));
    auto unset = ServerWithUsers();
    EXPECT_FALSE(Browser(unset->port()).Get("/")->has_header("Strict-Transport-Security"));
}

TEST(StaticFilesHttpTest, ControlCharactersInAStaticPathAre404) {
    auto server = ServerWithUsers();
    Browser b(server->port());
    ASSERT_EQ(b.Get("/static/nhsuk-frontend.min.css")->status, 200);
    for (const char* path : {"/static/nhsuk-frontend.min.css%00", "/static/nhsuk-frontend.min.css%00.txt",
                             "/static/nhsuk-frontend.min.css%0a", "/assets/%00", "/static/%0d%0aX-Injected:%201"}) {
        auto r = b.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
        EXPECT_TRUE(Has(r->body, "There is no page at this address")) << path;
        EXPECT_FALSE(r->has_header("X-Injected")) << path;
    }
}

}  // namespace
}  // namespace carevoice::web::testing
