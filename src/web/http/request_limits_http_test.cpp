// Size limits on what a request may carry (issue 8, item 3), on the real server and the same for
// URL-encoded and multipart forms: 1 MB for an ordinary form (413 saying so), the larger upload limit
// only where a route declares it, and a most characters for every text field (422 naming the field),
// with longer documents (minutes) where a route says so.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kBoundary = "cvlimitsboundary";

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::string MultipartField(const std::string& name, const std::string& value) {
    return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
           "\r\n";
}
std::string MultipartFile(const std::string& name, const std::string& filename, const std::string& content) {
    return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" +
           filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
}
std::string MultipartEnd() { return std::string("--") + kBoundary + "--\r\n"; }
std::string MultipartType() { return std::string("multipart/form-data; boundary=") + kBoundary; }

class RequestLimitsHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_GT(server_->port(), 0);
        server_->AddUser("admin", "admin", kAdminPassword);
        browser_ = std::make_unique<Browser>(server_->port());
        ASSERT_EQ(browser_->SignIn("admin", kAdminPassword)->status, 303);
        token_ = browser_->CsrfFrom("/");
    }
    httplib::Result UrlEncoded(const std::string& path, const std::string& field, const std::string& value) {
        return browser_->Send("POST", path, "csrf_token=" + token_ + "&" + field + "=" + value,
                              "application/x-www-form-urlencoded");
    }
    httplib::Result Multipart(const std::string& path, const std::string& parts) {
        return browser_->Send("POST", path, MultipartField("csrf_token", token_) + parts + MultipartEnd(),
                              MultipartType());
    }
    std::unique_ptr<TestServer> server_;
    std::unique_ptr<Browser> browser_;
    std::string token_;
};

TEST_F(RequestLimitsHttpTest, AFormOverOneMegabyteIs413SayingTheLimitInBothEncodings) {
    const std::string big(1'100'000, 'a');
    auto url_encoded = UrlEncoded("/admin/users", "display_name", big);
    ASSERT_TRUE(url_encoded);
    EXPECT_EQ(url_encoded->status, 413);
    EXPECT_TRUE(Has(url_encoded->body, "The request is larger than 1 MB, the most this address accepts"))
        << url_encoded->body;
    auto multipart = Multipart("/admin/users", MultipartField("display_name", big));
    ASSERT_TRUE(multipart);
    EXPECT_EQ(multipart->status, 413);
    EXPECT_TRUE(Has(multipart->body, "larger than 1 MB")) << multipart->body;
}

TEST_F(RequestLimitsHttpTest, AJsonBodyOverOneMegabyteIs413WithTheApiErrorShape) {
    const std::string token = nlohmann::json::parse(browser_->Get("/api/v1/me")->body)["csrf_token"];
    auto r = browser_->Send("POST", "/api/v1/users", R"({"display_name":")" + std::string(1'100'000, 'a') + "\"}",
                            "application/json", {{"X-CSRF-Token", token}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    const auto error = nlohmann::json::parse(r->body)["error"];
    EXPECT_EQ(error["code"], "payload_too_large");
    EXPECT_TRUE(Has(error["message"].get<std::string>(), "1 MB"));
}

TEST_F(RequestLimitsHttpTest, AnUploadRouteKeepsTheLargerLimit) {
    // Two megabytes of CSV to the CPES import: past the size checks (the file itself is then judged).
    const std::string csv = "a,b\n" + std::string(2'000'000, 'x') + "\n";
    auto r = Multipart("/experience/import", MultipartFile("results", "results.csv", csv));
    ASSERT_TRUE(r);
    EXPECT_NE(r->status, 413) << r->body.substr(0, 500);
    EXPECT_FALSE(Has(r->body, "larger than")) << r->body.substr(0, 500);
}

TEST_F(RequestLimitsHttpTest, ATextFieldOverTenThousandCharactersIs422NamingItInBothEncodings) {
    const std::string long_name(10'001, 'a');
    auto url_encoded = UrlEncoded("/admin/users", "display_name", long_name);
    EXPECT_EQ(url_encoded->status, 422);
    EXPECT_TRUE(Has(url_encoded->body, "display_name: must be at most 10,000 characters; this has 10,001"))
        << url_encoded->body.substr(0, 2000);
    auto multipart = Multipart("/admin/users", MultipartField("display_name", long_name));
    EXPECT_EQ(multipart->status, 422);
    EXPECT_TRUE(Has(multipart->body, "display_name: must be at most 10,000 characters")) << multipart->body;
    // Characters, not bytes: 10,000 two-byte characters are within the limit.
    std::string accents;
    for (int i = 0; i < 10'000; ++i) accents += "%C3%A9";
    auto within = UrlEncoded("/admin/users", "display_name", accents);
    EXPECT_FALSE(Has(within->body, "must be at most")) << within->status;
}

TEST_F(RequestLimitsHttpTest, MinutesMayBeAHundredThousandCharactersButNoMore) {
    const std::string path = "/groups/999/meetings";
    // 20,000 characters URL-encoded: over the 8 KB cpp-httplib would take by itself, within the route's limit.
    auto within = UrlEncoded(path, "minutes", std::string(20'000, 'm'));
    EXPECT_NE(within->status, 413);
    EXPECT_NE(within->status, 422);
    EXPECT_FALSE(Has(within->body, "must be at most")) << within->body.substr(0, 2000);
    auto multipart_within = Multipart(path, MultipartField("minutes", std::string(100'000, 'm')));
    EXPECT_FALSE(Has(multipart_within->body, "must be at most")) << multipart_within->status;

    auto over = UrlEncoded(path, "minutes", std::string(100'001, 'm'));
    EXPECT_EQ(over->status, 422);
    EXPECT_TRUE(Has(over->body, "minutes: must be at most 100,000 characters")) << over->body.substr(0, 2000);
    // Other fields of the same form keep the ordinary limit.
    auto agenda = Multipart(path, MultipartField("agenda", std::string(10'001, 'a')));
    EXPECT_EQ(agenda->status, 422);
    EXPECT_TRUE(Has(agenda->body, "agenda: must be at most 10,000 characters")) << agenda->body.substr(0, 2000);
}

}  // namespace
}  // namespace carevoice::web::testing
