// The pathway pages over HTTP: who may see a patient (coordinators of an organisation involved, admins,
// others only by breaking glass with a reason), that every view and search is audited without patient
// data, that recording an event changes the clocks, and that a wrong NHS number is refused by name.
#include <gtest/gtest.h>

#include <string>

#include "app/pathway_service.hpp"
#include "web/http/app.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kPassword = "pathway-password-1";
constexpr const char* kNhs = "9434765919";

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

class PathwayHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* u : {"coord_rje", "coord_rxw"}) server_.AddUser(u, "coordinator", kPassword);
        server_.AddUser("boss", "admin", kPassword);
        server_.AddUser("mem", "member", kPassword);
        server_.AddUser("ana", "analyst", kPassword);
        server_.AddUser("fac", "facilitator", kPassword);
        auto conn = server_.app().database().Acquire();
        for (const char* code : {"RJE", "RXW"}) {
            ASSERT_TRUE(conn->Execute("INSERT INTO organisations (code, name, level, created_at) VALUES (?, ?, "
                                      "'trust', 0)",
                                      {std::string(code), std::string(code) + " trust"})
                            .ok());
        }
        ASSERT_TRUE(conn->Execute("UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE code = "
                                  "'RJE') WHERE username = 'coord_rje'")
                        .ok());
        ASSERT_TRUE(conn->Execute("UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE code = "
                                  "'RXW') WHERE username = 'coord_rxw'")
                        .ok());
        app::Actor actor{std::nullopt, "(test)", "admin", "127.0.0.1", "test"};
        pathway::Patient p;
        p.nhs_number = kNhs;
        p.given_name = "Ada";
        p.family_name = "Okafor";
        p.date_of_birth = CivilDate::FromYmd(1950, 3, 31).value();
        auto patient = app::CreatePatient(*conn, server_.clock(), p, actor);
        ASSERT_TRUE(patient.ok()) << patient.status().ToString();
        pathway::PathwayRecord r;
        r.patient_id = patient->id;
        r.kind = pathway::PathwayKind::kCancer;
        r.route = pathway::Route::kUrgentSuspectedCancer;
        r.referral_received_on = server_.clock().Today();
        r.tumour_group = "lung";
        r.prime_provider = "RJE";
        r.crisis_contact = {"Hospice 24/7 line", "01908 000 000"};
        r.summary.about_me = "I was a bus driver for thirty years";
        auto record = app::CreatePathway(*conn, server_.clock(), r, actor);
        ASSERT_TRUE(record.ok()) << record.status().ToString();
        patient_id_ = patient->id;
        pathway_id_ = record->id;
    }
    std::string PathwayPath(const std::string& rest = "") { return "/pathways/" + std::to_string(pathway_id_) + rest; }

    TestServer server_;
    std::int64_t patient_id_ = 0, pathway_id_ = 0;
};

TEST_F(PathwayHttpTest, ACoordinatorOfThePrimeProviderSeesThePathwayAndTheViewIsAudited) {
    auto b = SignedInBrowser(server_, "coord_rje", kPassword);
    const auto before = CountAuditEntries(server_, "patient.view");
    auto r = b->Get(PathwayPath());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_TRUE(Has(r->body, "Hospice 24/7 line")) << "the crisis contact is at the top";
    EXPECT_TRUE(Has(r->body, "I was a bus driver for thirty years"));
    EXPECT_EQ(CountAuditEntries(server_, "patient.view"), before + 1);
    EXPECT_EQ(CountRows(server_,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.view' AND outcome = "
                        "'success' AND record_id = '" +
                            std::to_string(pathway_id_) + "'"),
              1);
}

TEST_F(PathwayHttpTest, ACoordinatorOfAnotherOrganisationMustBreakGlassWithAReason) {
    auto b = SignedInBrowser(server_, "coord_rxw", kPassword);
    auto r = b->Get(PathwayPath());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_TRUE(Has(r->body, "action=\"" + PathwayPath("/break-glass") + "\"")) << r->body;
    EXPECT_FALSE(Has(r->body, "Okafor")) << "no patient data before breaking glass";
    const std::string csrf = b->CsrfFrom(PathwayPath());
    auto short_reason = b->PostForm(PathwayPath("/break-glass"), {{"csrf_token", csrf}, {"reason", "because"}});
    ASSERT_TRUE(short_reason);
    EXPECT_EQ(short_reason->status, 400);
    EXPECT_TRUE(Has(short_reason->body, "at least 10 characters")) << short_reason->body;
    auto glass = b->PostForm(
        PathwayPath("/break-glass"),
        {{"csrf_token", csrf}, {"reason", "Daughter rang the crisis line out of hours"}, {"next", PathwayPath()}});
    ASSERT_TRUE(glass);
    EXPECT_EQ(glass->status, 303);
    auto seen = b->Get(PathwayPath());
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->status, 200);
    EXPECT_TRUE(Has(seen->body, "Okafor"));
    EXPECT_EQ(CountAuditEntries(server_, "pathway.break_glass"), 1);
    EXPECT_EQ(CountRows(server_,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.view' AND outcome = "
                        "'success: break glass'"),
              1);
    auto admin = SignedInBrowser(server_, "boss", kPassword);
    auto list = admin->Get("/admin/break-glass");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->status, 200);
    EXPECT_TRUE(Has(list->body, "coord_rxw"));
    EXPECT_TRUE(Has(list->body, "Daughter rang the crisis line out of hours")) << list->body;
    // Four hours later the access has lapsed (signed in afresh: the old session has expired too).
    server_.clock().Advance(4 * 3600 + 1);
    auto lapsed = SignedInBrowser(server_, "coord_rxw", kPassword)->Get(PathwayPath());
    ASSERT_TRUE(lapsed);
    EXPECT_EQ(lapsed->status, 403);
}

TEST_F(PathwayHttpTest, OtherRolesAreRefusedAndThePublicIsSentToSignIn) {
    for (const char* u : {"mem", "ana", "fac"}) {
        auto b = SignedInBrowser(server_, u, kPassword);
        for (const std::string& path :
             {PathwayPath(), std::string("/pathway"), "/patients/" + std::to_string(patient_id_)}) {
            auto r = b->Get(path);
            ASSERT_TRUE(r);
            EXPECT_EQ(r->status, 403) << u << " " << path;
            EXPECT_FALSE(Has(r->body, "Okafor"));
        }
    }
    Browser visitor(server_.port());
    auto r = visitor.Get(PathwayPath());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_TRUE(Has(r->get_header_value("Location"), "/sign-in")) << r->get_header_value("Location");
}

TEST_F(PathwayHttpTest, SearchIsAPostAndNoPatientDataReachesTheAuditLog) {
    auto b = SignedInBrowser(server_, "coord_rje", kPassword);
    const std::string csrf = b->CsrfFrom("/pathway");
    auto r = b->PostForm("/pathway/search", {{"csrf_token", csrf}, {"nhs_number", "943 476 5919"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(Has(r->body, "Ada Okafor")) << r->body;
    EXPECT_TRUE(Has(r->body, "action=\"/pathway/search\" method=\"post\""));
    auto by_name = b->PostForm("/pathway/search", {{"csrf_token", csrf}, {"name", "okaf"}});
    ASSERT_TRUE(by_name);
    EXPECT_TRUE(Has(by_name->body, "Ada Okafor"));
    EXPECT_EQ(CountAuditEntries(server_, "patient.search"), 2);
    EXPECT_EQ(CountRows(server_,
                        "SELECT COUNT(*) FROM audit_log WHERE outcome LIKE '%943%' OR outcome LIKE "
                        "'%Okafor%' OR outcome LIKE '%okaf%' OR record_id LIKE '%943%'"),
              0);
    // The other organisation's coordinator learns only that a record exists.
    auto other = SignedInBrowser(server_, "coord_rxw", kPassword);
    auto hidden = other->PostForm("/pathway/search", {{"csrf_token", other->CsrfFrom("/pathway")}, {"name", "okaf"}});
    ASSERT_TRUE(hidden);
    EXPECT_TRUE(Has(hidden->body, "A record outside your organisation"));
    EXPECT_FALSE(Has(hidden->body, "Okafor"));
}

TEST_F(PathwayHttpTest, RecordingAnEventStartsTheClocks) {
    auto b = SignedInBrowser(server_, "coord_rje", kPassword);
    auto before = b->Get(PathwayPath());
    ASSERT_TRUE(before);
    EXPECT_TRUE(Has(before->body, "No clock has started"));
    const CivilDate today = server_.clock().Today();
    auto r = b->PostForm(PathwayPath("/events"), {{"csrf_token", b->CsrfFrom(PathwayPath("/events/new"))},
                                                  {"type", "referral_received"},
                                                  {"date-day", std::to_string(today.day())},
                                                  {"date-month", std::to_string(today.month())},
                                                  {"date-year", std::to_string(today.year())},
                                                  {"provider", "RJE"},
                                                  {"route", "urgent_suspected_cancer"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303) << r->body;
    auto after = b->Get(PathwayPath());
    ASSERT_TRUE(after);
    EXPECT_FALSE(Has(after->body, "No clock has started"));
    EXPECT_TRUE(Has(after->body, "id=\"clock-table\"")) << after->body;
    EXPECT_TRUE(Has(after->body, ">open</strong>"));
    EXPECT_EQ(CountAuditEntries(server_, "pathway.event.add"), 2) << "the access check and the write";
    // A type that needs a route, without one, is refused naming the field.
    auto bad = b->PostForm(PathwayPath("/events"), {{"csrf_token", b->CsrfFrom(PathwayPath("/events/new"))},
                                                    {"type", "referral_received"},
                                                    {"date-day", "1"},
                                                    {"date-month", "1"},
                                                    {"date-year", "2026"},
                                                    {"provider", "RJE"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_TRUE(Has(bad->body, "href=\"#route\"")) << bad->body;
}

TEST_F(PathwayHttpTest, AWrongNhsNumberIsRefusedNamingTheField) {
    auto b = SignedInBrowser(server_, "coord_rje", kPassword);
    auto r = b->PostForm("/patients", {{"csrf_token", b->CsrfFrom("/patients/new")},
                                       {"nhs_number", "943 476 5918"},
                                       {"given_name", "Ben"},
                                       {"family_name", "Jones"},
                                       {"date_of_birth-day", "1"},
                                       {"date_of_birth-month", "2"},
                                       {"date_of_birth-year", "1960"},
                                       {"sex", "male"},
                                       {"ethnic_group", "white"},
                                       {"preferred_language", "English"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_TRUE(Has(r->body, "href=\"#nhs_number\"")) << r->body;
    EXPECT_TRUE(Has(r->body, "NHS number is not a valid NHS number")) << r->body;
    EXPECT_EQ(CountRows(server_, "SELECT COUNT(*) FROM patients"), 1);
}

}  // namespace
}  // namespace carevoice::web::testing
