// HTTP behaviour of the pathway JSON API (/api/v1/pathway/…) over TrackingFixture's pathways: the same
// access rule as the pages (a coordinator of another organisation is told to break glass, and gets no data
// until they have), the clocks, events
// added one at a time and imported as CSV, the tracking list and alerts, and the one error shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "web/pathway/tracking_fixture.hpp"

namespace carevoice::web::testing {
namespace {

class PathwayApiTest : public ::testing::Test {
  protected:
    TrackingFixture fx;
    nlohmann::json Json(const httplib::Result& r) { return nlohmann::json::parse(r->body, nullptr, false); }
    std::string Path(const std::string& ref, const std::string& rest = "") {
        return "/api/v1/pathway/pathways/" + std::to_string(fx.PathwayId(ref)) + rest;
    }
    void ExpectError(const httplib::Result& r, int status, const std::string& code, const std::string& field) {
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        auto j = Json(r);
        ASSERT_TRUE(j.contains("error")) << r->body;
        EXPECT_EQ(j["error"]["code"], code);
        EXPECT_TRUE(j["error"]["message"].is_string());
        if (!field.empty()) {
            ASSERT_FALSE(j["error"]["details"].empty()) << r->body;
            EXPECT_EQ(j["error"]["details"][0]["field"], field) << r->body;
        }
    }
};

TEST_F(PathwayApiTest, APathwayComesWithItsClocksAndIsAudited) {
    auto coord = fx.As("coord");
    auto r = coord->Get(Path("AMB14"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto j = Json(r);
    EXPECT_EQ(j["ref"], "AMB14");
    ASSERT_EQ(j["clocks"].size(), 2u);
    EXPECT_EQ(j["clocks"][0]["clock"], "fds");
    EXPECT_EQ(j["clocks"][0]["status"], "met");
    EXPECT_EQ(j["clocks"][1]["clock"], "62");
    EXPECT_EQ(j["clocks"][1]["days_to_breach"], 14);
    EXPECT_EQ(j["clocks"][1]["rag"], "amber");
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.view"), 1);
}

TEST_F(PathwayApiTest, ACoordinatorOfAnotherOrganisationIsToldToBreakGlassAndGetsNoData) {
    auto other = fx.As("coord_ryy");
    ExpectError(other->Get(Path("RED0")), 403, "break_glass_needed", "");
    ExpectError(other->Get(Path("RED0", "/events")), 403, "break_glass_needed", "");
    const auto patient = CountRows(fx.server(), "SELECT patient_id FROM pathways WHERE ref = 'RED0'");
    auto r = other->Get("/api/v1/pathway/patients/" + std::to_string(patient));
    ExpectError(r, 404, "not_found", "");
    EXPECT_EQ(r->body.find("Ann"), std::string::npos);
    auto list = other->Get("/api/v1/pathway/tracking");
    ASSERT_TRUE(list);
    EXPECT_EQ(Json(list)["total"], 0);
    // Every refusal is in the audit log, none as a view.
    EXPECT_EQ(CountAuditEntries(fx.server(), "patient.view", "success"), 0);
    EXPECT_EQ(CountAuditEntries(fx.server(), "patient.view", "denied"), 1);
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.view", "denied: needs break glass"), 1);
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.events.view", "denied: needs break glass"), 1);
    ExpectError(fx.As("member")->Get(Path("RED0")), 403, "forbidden", "");
    Browser anonymous(fx.server().port());
    ExpectError(anonymous.Get(Path("RED0")), 401, "unauthenticated", "");
}

// The API decides as the pages do: glass broken on the pathway's page opens it through the API too.
TEST_F(PathwayApiTest, GlassBrokenOnThePageOpensThePathwayThroughTheApi) {
    auto other = fx.As("coord_ryy");
    const std::string page = "/pathways/" + std::to_string(fx.PathwayId("RED0"));
    const std::string csrf = other->CsrfFrom(page);
    auto glass = other->PostForm(
        page + "/break-glass",
        {{"csrf_token", csrf}, {"reason", "Patient rang our crisis line out of hours"}, {"next", page}});
    ASSERT_TRUE(glass);
    ASSERT_EQ(glass->status, 303) << glass->body;
    auto r = other->Get(Path("RED0"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(Json(r)["ref"], "RED0");
    const auto patient = CountRows(fx.server(), "SELECT patient_id FROM pathways WHERE ref = 'RED0'");
    auto p = other->Get("/api/v1/pathway/patients/" + std::to_string(patient));
    ASSERT_TRUE(p);
    ASSERT_EQ(p->status, 200) << p->body;
    EXPECT_EQ(Json(p)["given_name"], "Ann");
    // Still not on their list: the list is the pathways their organisation is involved in.
    EXPECT_EQ(Json(other->Get("/api/v1/pathway/tracking"))["total"], 0);
}

TEST_F(PathwayApiTest, APatientOnTheListIsReturnedAndAudited) {
    const auto patient = CountRows(fx.server(), "SELECT patient_id FROM pathways WHERE ref = 'RED0'");
    auto r = fx.As("coord")->Get("/api/v1/pathway/patients/" + std::to_string(patient));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto j = Json(r);
    EXPECT_EQ(j["given_name"], "Ann");
    EXPECT_EQ(j["pathways"][0]["ref"], "RED0");
    EXPECT_EQ(CountAuditEntries(fx.server(), "patient.view"), 1);
    ExpectError(fx.As("coord")->Get("/api/v1/pathway/patients/abc"), 400, "invalid_argument", "id");
}

TEST_F(PathwayApiTest, AnEventAddedChangesTheClocksAndABadOneNamesTheField) {
    auto coord = fx.As("coord");
    const std::string token = coord->CsrfFrom("/pathway/tracking");
    auto bad = coord->Send(
        "POST", Path("RED0", "/events"),
        R"({"event_id":"dx","date":"2025-02-30","type":"diagnosis_communicated","provider":"RAA","outcome":"cancer"})",
        "application/json", {{"X-CSRF-Token", token}});
    ExpectError(bad, 422, "invalid_argument", "date");
    auto ok = coord->Send(
        "POST", Path("RED0", "/events"),
        R"({"event_id":"dx","date":"2025-02-20","type":"diagnosis_communicated","provider":"RAA","outcome":"cancer"})",
        "application/json", {{"X-CSRF-Token", token}});
    ASSERT_TRUE(ok);
    ASSERT_EQ(ok->status, 201) << ok->body;
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.event.add"), 1);
    auto j = Json(coord->Get(Path("RED0")));
    EXPECT_EQ(j["clocks"][0]["clock"], "fds");
    EXPECT_EQ(j["clocks"][0]["status"], "met");  // stopped on day 19
    auto events = Json(coord->Get(Path("RED0", "/events")));
    ASSERT_EQ(events["events"].size(), 2u);
    EXPECT_EQ(events["events"][1]["type"], "diagnosis_communicated");
}

TEST_F(PathwayApiTest, ImportTakesTheEventsCsvAndRefusesPathwaysOffTheList) {
    auto coord = fx.As("coord");
    const std::string token = coord->CsrfFrom("/pathway/tracking");
    const std::string header =
        "pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,"
        "to_provider,supersedes\n";
    auto r = coord->Send("POST", "/api/v1/pathway/events/import", header + "GRN8,fs,2025-02-20,first_seen,RAA,,,,,,,\n",
                         "text/csv", {{"X-CSRF-Token", token}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(Json(r)["inserted"], 1);
    r = coord->Send("POST", "/api/v1/pathway/events/import", header + "OTHER,fs,2025-02-20,first_seen,RZZ,,,,,,,\n",
                    "text/csv", {{"X-CSRF-Token", token}});
    ExpectError(r, 403, "forbidden", "line 2, pathway_id");
    r = coord->Send("POST", "/api/v1/pathway/events/import", header + "GRN8,x,2025-02-20,nonsense,RAA,,,,,,,\n",
                    "text/csv", {{"X-CSRF-Token", token}});
    ExpectError(r, 422, "invalid_argument", "line 2, type");
    r = coord->Send("POST", "/api/v1/pathway/events/import", "{}", "application/json", {{"X-CSRF-Token", token}});
    ExpectError(r, 415, "unsupported_media_type", "Content-Type");
}

TEST_F(PathwayApiTest, TrackingAndAlertsMirrorThePageAndAcknowledge) {
    auto coord = fx.As("coord");
    auto r = coord->Get("/api/v1/pathway/tracking?rag=amber&sort=ref");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto j = Json(r);
    EXPECT_EQ(j["total"], 2);
    EXPECT_EQ(j["pathways"][0]["ref"], "AMB14");
    EXPECT_EQ(j["pathways"][1]["ref"], "AMB7");
    ExpectError(coord->Get("/api/v1/pathway/tracking?sort=name"), 400, "invalid_argument", "sort");

    auto alerts = Json(coord->Get("/api/v1/pathway/alerts?sort=ref"));
    bool found = false;
    for (const auto& a : alerts["alerts"]) found = found || (a["ref"] == "RED0" && a["rule"] == "no_key_worker");
    EXPECT_TRUE(found);
    const std::string token = coord->CsrfFrom("/pathway/tracking");
    ExpectError(
        coord->Send("POST", "/api/v1/pathway/alerts/acknowledge", R"({"ref":"RED0","rule":"no_key_worker","note":""})",
                    "application/json", {{"X-CSRF-Token", token}}),
        422, "invalid_argument", "note");
    ExpectError(coord->Send("POST", "/api/v1/pathway/alerts/acknowledge", R"({"ref":"RED0","rule":"nope","note":"x"})",
                            "application/json", {{"X-CSRF-Token", token}}),
                422, "invalid_argument", "rule");
    auto done = coord->Send("POST", "/api/v1/pathway/alerts/acknowledge",
                            R"({"ref":"RED0","rule":"no_key_worker","note":"CNS asked"})", "application/json",
                            {{"X-CSRF-Token", token}});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 201) << done->body;
    alerts = Json(coord->Get("/api/v1/pathway/alerts"));
    for (const auto& a : alerts["alerts"]) EXPECT_FALSE(a["ref"] == "RED0" && a["rule"] == "no_key_worker");
}

}  // namespace
}  // namespace carevoice::web::testing
