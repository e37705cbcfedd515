// HTTP behaviour of the upload page of national benchmarking (issue 3): a file with one bad line refused whole
// naming its line and column, or imported without it when asked, gzip accepted and a gzip bomb refused at
// the configured limit, only analysts and admins, and pages kept for reuse showing each viewer their own header.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/experience/http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

class ExperienceUploadTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        server_->AddUser("ana", "analyst", "analyst-password-1");
        server_->AddUser("morgan", "member", "member-password-1");
    }
    std::int64_t CountResults() {
        auto conn = server_->app().database().Acquire();
        return conn->QueryOne("SELECT COUNT(*) FROM cpes_results")->Int(0);
    }
    // The header and the first five RA9 2018 adjusted rows of the fixture; with a bad line, the score on
    // line 4 (the third row) is not a number.
    static std::string SmallFile(bool with_bad_line) {
        auto rows = ParseCsv(TheFixture().results);
        std::string out = csv::Row(rows[0]);
        int taken = 0;
        for (std::size_t i = 1; i < rows.size() && taken < 5; ++i) {
            auto row = rows[i];
            if (row[1] != "RA9" || row[4] != "2018" || row[5] != "adjusted") continue;
            if (with_bad_line && ++taken == 3) {
                row[11] = "eighty";
            } else if (!with_bad_line) {
                ++taken;
            }
            out += csv::Row(row);
        }
        return out;
    }
    httplib::Result Upload(Browser& b, const std::string& content, bool skip_invalid) {
        const std::string token = b.CsrfFrom("/experience/import");
        std::vector<std::pair<std::string, std::string>> fields = {{"csrf_token", token}};
        if (skip_invalid) fields.emplace_back("skip_invalid", "yes");
        const std::string boundary = "cvTestBoundary7MA4YWxk";
        return b.Send("POST", "/experience/import", Multipart(boundary, fields, "results", "small.csv", content),
                      "multipart/form-data; boundary=" + boundary);
    }
    std::unique_ptr<TestServer> server_;
};

TEST_F(ExperienceUploadTest, AFileWithOneBadLineIsRefusedWholeNamingLineAndColumn) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, SmallFile(true), false);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("There is a problem"), std::string::npos);
    EXPECT_NE(r->body.find("line 4, column score: &apos;eighty&apos; is not a number"), std::string::npos) << r->body;
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, SkipInvalidImportsTheRestAndListsTheRejectedLine) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, SmallFile(true), true);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("Survey results imported"), std::string::npos);
    EXPECT_NE(r->body.find("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">4</td>"), std::string::npos);
    EXPECT_EQ(CountResults(), 4);
    EXPECT_NE(b.Get("/experience")->body.find("Find a trust"), std::string::npos);
}

TEST_F(ExperienceUploadTest, AGoodGzippedFileIsImported) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, carevoice::testing::Gzip(SmallFile(false)), false);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(CountResults(), 5);
}

TEST_F(ExperienceUploadTest, GzipBombIsRefusedAtTheConfiguredLimitNamingIt) {
    // A 4 MB upload that unpacks to 4 GiB, against a server that takes at most 1 MB unpacked.
    server_ = std::make_unique<TestServer>([](ServerConfig& c) { c.max_unpacked_bytes = std::size_t{1} << 20; });
    server_->AddUser("ana", "analyst", "analyst-password-1");
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, carevoice::testing::ZeroBomb(4096), false);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Results file: the gzip data unpacks to more than 1 MB, the limit"), std::string::npos);
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, OnlyAnalystsAndAdminsMayUpload) {
    Browser anonymous(server_->port());
    auto page = anonymous.Get("/experience/import");
    EXPECT_EQ(page->status, 303);
    EXPECT_EQ(page->get_header_value("Location").rfind("/sign-in", 0), 0u);
    Browser member(server_->port());
    ASSERT_EQ(member.SignIn("morgan", "member-password-1")->status, 303);
    EXPECT_TRUE(IsErrorPage(member.Get("/experience/import"), 403, "Your role (member) does not allow this"));
    const std::string token = member.CsrfFrom("/");
    auto r = member.Send("POST", "/experience/import",
                         Multipart("b0undary", {{"csrf_token", token}}, "results", "x.csv", SmallFile(false)),
                         "multipart/form-data; boundary=b0undary");
    EXPECT_TRUE(IsErrorPage(r, 403, "Your role (member) does not allow this"));
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, AnUploadWithoutAFileSaysWhatIsMissing) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, "", false);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Choose a results file"), std::string::npos);
}

TEST_F(ExperienceUploadTest, PagesKeptForReuseShowEachViewerTheirOwnHeaderAndLinks) {
    Import(*server_, TheFixture().results);
    Browser analyst(server_->port());
    ASSERT_EQ(analyst.SignIn("ana", "analyst-password-1")->status, 303);
    for (const char* path : {"/experience", "/experience/organisations/RA9"}) {
        EXPECT_NE(analyst.Get(path)->body.find("Test ana (analyst)"), std::string::npos) << path;
    }
    EXPECT_NE(analyst.Get("/experience")->body.find("href=\"/experience/import\""), std::string::npos);
    Browser anonymous(server_->port());
    for (const char* path : {"/experience", "/experience/organisations/RA9"}) {
        auto r = anonymous.Get(path);
        EXPECT_EQ(r->body.find("Test ana"), std::string::npos) << path;
        EXPECT_NE(r->body.find(">Sign in</a>"), std::string::npos) << path;
    }
    EXPECT_EQ(anonymous.Get("/experience")->body.find("href=\"/experience/import\""), std::string::npos);
}

}  // namespace
}  // namespace carevoice::web::testing
