// The commissioners' outcomes page on the real server over the synthetic pathway demo: who may see it, the
// four CCG columns under the nine statements, suppression, the breakdown and the CSV — and that no patient's
// name or NHS number reaches any of them.
#include <gtest/gtest.h>

#include <string>

#include "demo/pathway_demo.hpp"
#include "web/http/app.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kPassword = "outcomes-password-1";

bool Has(const httplib::Result& r, const std::string& needle) { return r && r->body.find(needle) != std::string::npos; }

class OutcomesHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.clock().Set(1'795'651'200);  // 2026-11-26
        for (const char* role : {"admin", "coordinator", "analyst", "facilitator", "member"}) {
            server_.AddUser(role, role, kPassword);
        }
        auto conn = server_.app().database().Acquire();
        Status filled = demo::FillPathwayDemo(*conn, server_.clock());
        ASSERT_TRUE(filled.ok()) << filled.ToString();
        demo_ = demo::GeneratePathwayDemo(server_.clock().Today());
    }
    // No name or NHS number of any demo patient, however written.
    void ExpectNoPatientData(const std::string& body) {
        for (const auto& p : demo_) {
            ASSERT_EQ(body.find(p.patient.nhs_number), std::string::npos) << p.patient.nhs_number;
            ASSERT_EQ(body.find(pathway::FormatNhsNumber(p.patient.nhs_number)), std::string::npos);
            ASSERT_EQ(body.find(p.patient.family_name), std::string::npos) << p.patient.family_name;
            ASSERT_EQ(body.find(p.record.ref), std::string::npos) << p.record.ref;
        }
    }
    TestServer server_;
    std::vector<demo::DemoPathway> demo_;
};

TEST_F(OutcomesHttpTest, CommissionersSeeFourAreaColumnsUnderTheNineStatements) {
    for (const char* role : {"admin", "coordinator", "analyst", "facilitator"}) {
        auto browser = SignedInBrowser(server_, role, kPassword);
        auto r = browser->Get("/pathway/outcomes");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200) << role;
    }
    auto browser = SignedInBrowser(server_, "analyst", kPassword);
    auto r = browser->Get("/pathway/outcomes");
    ASSERT_TRUE(r);
    for (const char* area : {"data-area=\"05G\"", "data-area=\"05W\"", "data-area=\"05V\"", "data-area=\"04Y\""}) {
        EXPECT_TRUE(Has(r, area)) << area;
    }
    EXPECT_TRUE(Has(r, "NHS Stoke on Trent CCG"));
    EXPECT_TRUE(Has(r, "I was diagnosed early"));
    EXPECT_TRUE(Has(r, "I want to die well"));
    EXPECT_TRUE(Has(r, "Faster Diagnosis Standard: told within 28 days"));
    EXPECT_TRUE(Has(r, "Died in the preferred place"));
    EXPECT_TRUE(Has(r, "<svg"));
    EXPECT_TRUE(Has(r, "the page says &quot;fewer than 8&quot;") || Has(r, "the page says \"fewer than 8\""));
    ExpectNoPatientData(r->body);
}

TEST_F(OutcomesHttpTest, MembersAreRefused) {
    auto browser = SignedInBrowser(server_, "member", kPassword);
    auto r = browser->Get("/pathway/outcomes");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_FALSE(Has(r, "data-area="));
    EXPECT_EQ(browser->Get("/pathway/outcomes.csv")->status, 403);
    EXPECT_EQ(browser->Get("/pathway/outcomes/fds")->status, 403);
}

TEST_F(OutcomesHttpTest, SmallCountsAreSuppressedOnTheBreakdownAndInTheCsv) {
    auto browser = SignedInBrowser(server_, "analyst", kPassword);
    auto r = browser->Get("/pathway/outcomes/died_in_preferred_place");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(Has(r, "By Deprivation quintile"));
    EXPECT_TRUE(Has(r, "By Ethnic group"));
    EXPECT_TRUE(Has(r, "fewer than 8"));  // the small ethnic groups
    ExpectNoPatientData(r->body);

    auto csv = browser->Get("/pathway/outcomes.csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("measure,dimension,group,shown,numerator,denominator,value", 0), 0u);
    EXPECT_TRUE(Has(csv, "fds,area,NHS Cannock Chase CCG,"));
    // A suppressed row shows no counts and no share.
    EXPECT_TRUE(Has(csv, ",fewer than 8,,,,"));
    ExpectNoPatientData(csv->body);

    auto unknown = browser->Get("/pathway/outcomes/no_such_measure");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_TRUE(Has(unknown, "There is no such measure"));
}

TEST_F(OutcomesHttpTest, TheThresholdIsConfiguration) {
    TestServer strict([](ServerConfig& c) { c.pathway_small_count_threshold = 1000; });
    strict.AddUser("analyst", "analyst", kPassword);
    auto conn = strict.app().database().Acquire();
    ASSERT_TRUE(demo::FillPathwayDemo(*conn, strict.clock()).ok());
    auto r = SignedInBrowser(strict, "analyst", kPassword)->Get("/pathway/outcomes");
    ASSERT_TRUE(r);
    EXPECT_TRUE(Has(r, "fewer than 1000"));
    EXPECT_FALSE(Has(r, "% ("));  // no share shown anywhere
}

}  // namespace
}  // namespace carevoice::web::testing
