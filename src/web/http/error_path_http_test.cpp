// The one error path (issue 8, item 2), on the real server: a failure on our side is logged once with
// the request id, route and cause, and the person sees a plain message with the request id as the
// reference, never a database or driver message; a busy database is 503 with Retry-After; text that is
// not UTF-8 anywhere carevoice reads it is a 400 naming where, never a 500.
#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Collects the server's log lines (Log::SetSink), for the test to read while the server runs.
class LogCapture {
  public:
    explicit LogCapture(App& app) {
        app.log().SetSink([this](const std::string& line) {
            std::lock_guard lock(mu_);
            lines_.push_back(line);
        });
    }
    // The error lines about one request.
    std::vector<std::string> ErrorsFor(const std::string& request_id) {
        std::lock_guard lock(mu_);
        std::vector<std::string> out;
        for (const auto& l : lines_) {
            if (Has(l, "request_id=" + request_id + " ") && Has(l, "level=error")) out.push_back(l);
        }
        return out;
    }

  private:
    std::mutex mu_;
    std::vector<std::string> lines_;
};

class ErrorPathHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_GT(server_->port(), 0);
        server_->AddUser("admin", "admin", kAdminPassword);
        log_ = std::make_unique<LogCapture>(server_->app());
    }
    // A second connection to the server's SQLite file, to hold its write lock.
    std::unique_ptr<store::Connection> SecondConnection() {
        const std::string url = server_->app().config().db_url;
        auto conn = store::OpenSqlite(url.substr(std::string("sqlite:").size()));
        EXPECT_TRUE(conn.ok()) << conn.status().ToString();
        return conn.ok() ? std::move(*conn) : nullptr;
    }
    // A client that waits long enough for the server's 5 s SQLite busy timeout.
    httplib::Client PatientClient() {
        httplib::Client c("127.0.0.1", server_->port());
        c.set_read_timeout(std::chrono::seconds(30));
        return c;
    }
    std::unique_ptr<TestServer> server_;
    std::unique_ptr<LogCapture> log_;
};

void ExpectNoDatabaseWords(const std::string& body) {
    for (const char* leak : {"BEGIN", "locked", "sqlite", "SQLite", "no such table", "audit_log"}) {
        EXPECT_FALSE(Has(body, leak)) << "'" << leak << "' reached the response: " << body;
    }
}

TEST_F(ErrorPathHttpTest, BusyDatabaseIs503WithRetryAfterAPlainMessageAndTheReference) {
    // Signed in as admin for the API call, and a visitor with a sign-in form, before the lock is taken.
    Browser admin(server_->port());
    ASSERT_EQ(admin.SignIn("admin", kAdminPassword)->status, 303);
    const std::string api_token = nlohmann::json::parse(admin.Get("/api/v1/me")->body)["csrf_token"];
    Browser visitor(server_->port());
    const std::string form_token = visitor.CsrfFrom("/sign-in");

    auto holder = SecondConnection();
    ASSERT_TRUE(holder);
    ASSERT_TRUE(holder->Begin().ok());  // BEGIN IMMEDIATE: the write lock, until rolled back
    auto page = std::async(std::launch::async, [&] {
        return PatientClient().Post(
            "/sign-in", {{"Cookie", "cv_anon=" + visitor.Cookie("cv_anon")}},
            "username=admin&password=" + std::string(kAdminPassword) + "&csrf_token=" + form_token,
            "application/x-www-form-urlencoded");
    });
    auto api = std::async(std::launch::async, [&] {
        return PatientClient().Post(
            "/api/v1/users", {{"Cookie", "cv_session=" + admin.Cookie("cv_session")}, {"X-CSRF-Token", api_token}},
            R"({"username":"newbie","display_name":"New","role":"member","password":"long-enough-1"})",
            "application/json");
    });
    auto page_response = page.get();
    auto api_response = api.get();
    ASSERT_TRUE(holder->Rollback().ok());

    ASSERT_TRUE(page_response);
    EXPECT_EQ(page_response->status, 503);
    EXPECT_EQ(page_response->get_header_value("Retry-After"), "5");
    const std::string page_id = page_response->get_header_value("X-Request-Id");
    EXPECT_TRUE(Has(page_response->body, "The service is busy just now")) << page_response->body;
    EXPECT_TRUE(Has(page_response->body, "give the administrator this reference: " + page_id));
    ExpectNoDatabaseWords(page_response->body);

    ASSERT_TRUE(api_response);
    EXPECT_EQ(api_response->status, 503);
    EXPECT_EQ(api_response->get_header_value("Retry-After"), "5");
    const auto error = nlohmann::json::parse(api_response->body)["error"];
    EXPECT_EQ(error["code"], "busy");
    EXPECT_EQ(error["reference"], api_response->get_header_value("X-Request-Id"));
    EXPECT_TRUE(error["details"].empty());
    ExpectNoDatabaseWords(api_response->body);

    // The cause is in the log, once, with the request id and the route.
    const auto logged = log_->ErrorsFor(page_id);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_TRUE(Has(logged[0], "route=\"/sign-in\"")) << logged[0];
    EXPECT_TRUE(Has(logged[0], "status=503")) << logged[0];
    EXPECT_TRUE(Has(logged[0], "database is locked")) << logged[0];
}

TEST_F(ErrorPathHttpTest, HandlerFailureIsLoggedOnceWithRequestIdRouteAndCauseAndShownPlainly) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    const std::string token = b.CsrfFrom("/");
    // Signing out appends to the audit log; without its table, the append throws inside the handler.
    ASSERT_TRUE(SecondConnection()->ExecuteScript("ALTER TABLE audit_log RENAME TO audit_log_moved").ok());

    auto r = b.PostForm("/sign-out", {{"csrf_token", token}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    const std::string id = r->get_header_value("X-Request-Id");
    EXPECT_TRUE(Has(r->body, "Something went wrong on our side")) << r->body;
    EXPECT_TRUE(Has(r->body, "reference: " + id));
    ExpectNoDatabaseWords(r->body);

    const auto logged = log_->ErrorsFor(id);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_TRUE(Has(logged[0], "route=\"/sign-out\"")) << logged[0];
    EXPECT_TRUE(Has(logged[0], "status=500")) << logged[0];
    EXPECT_TRUE(Has(logged[0], "audit log write failed")) << logged[0];
    EXPECT_TRUE(Has(logged[0], "audit_log")) << logged[0];
}

TEST_F(ErrorPathHttpTest, InvalidUtf8InAQueryValueIs400NamingTheParameter) {
    Browser b(server_->port());
    auto page = b.Get("/experience?year=20%FF18");
    EXPECT_EQ(page->status, 400);
    EXPECT_TRUE(Has(page->body, "year: is not valid UTF-8 text")) << page->body;
    auto api = b.Get("/api/v1/ratings?year=%C3%28");
    EXPECT_EQ(api->status, 400);
    const auto error = nlohmann::json::parse(api->body)["error"];
    EXPECT_EQ(error["code"], "invalid_encoding");
    EXPECT_EQ(error["details"][0]["field"], "year");
}

TEST_F(ErrorPathHttpTest, InvalidUtf8InAFormValueIs400NamingTheFieldInBothEncodings) {
    Browser b(server_->port());
    const std::string token = b.CsrfFrom("/sign-in");
    auto url_encoded = b.Send("POST", "/sign-in", "username=ad%C3%28min&password=x&csrf_token=" + token,
                              "application/x-www-form-urlencoded");
    EXPECT_EQ(url_encoded->status, 400);
    EXPECT_TRUE(Has(url_encoded->body, "username: is not valid UTF-8 text")) << url_encoded->body;

    const std::string boundary = "cvboundary";
    const std::string multipart = "--" + boundary +
                                  "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nad\xC3\x28min\r\n--" +
                                  boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + token +
                                  "\r\n--" + boundary + "--\r\n";
    auto r = b.Send("POST", "/sign-in", multipart, "multipart/form-data; boundary=" + boundary);
    EXPECT_EQ(r->status, 400);
    EXPECT_TRUE(Has(r->body, "username: is not valid UTF-8 text")) << r->body;
}

TEST_F(ErrorPathHttpTest, InvalidUtf8InAJsonBodyIs400NamingTheBody) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("admin", kAdminPassword)->status, 303);
    const std::string token = nlohmann::json::parse(b.Get("/api/v1/me")->body)["csrf_token"];
    auto r = b.Send("POST", "/api/v1/users",
                    "{\"username\":\"new\xFF\",\"display_name\":\"New\",\"role\":\"member\",\"password\":\"long-1\"}",
                    "application/json", {{"X-CSRF-Token", token}});
    EXPECT_EQ(r->status, 400);
    const auto error = nlohmann::json::parse(r->body)["error"];
    EXPECT_EQ(error["code"], "invalid_encoding");
    EXPECT_EQ(error["details"][0]["field"], "body");
}

TEST_F(ErrorPathHttpTest, InvalidUtf8InThePathOrAHeaderReadIs400NamingIt) {
    Browser b(server_->port());
    auto path = b.Get("/experience/organisations/%FF");
    EXPECT_EQ(path->status, 400);
    EXPECT_TRUE(Has(path->body, "path: is not valid UTF-8 text")) << path->body;
    auto header = b.Get("/api/v1", {{"X-Forwarded-For", "\xC3\x28"}});
    EXPECT_EQ(header->status, 400);
    EXPECT_EQ(nlohmann::json::parse(header->body)["error"]["details"][0]["field"], "header X-Forwarded-For");
}

}  // namespace
}  // namespace carevoice::web::testing
