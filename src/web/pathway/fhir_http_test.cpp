// GET /api/v1/pathway/patients/:id/fhir on the real server over the pathway demo: a FHIR R4 Bundle with a
// resource of each kind, audited; for admins, and for coordinators under the pages' rule (their own
// organisation's pathways, or break glass); 404 naming the field for an unknown patient.
// (Every resource is validated against the FHIR R4 definitions by tests/fhir/validate.test.mjs.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "demo/pathway_demo.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kPassword = "fhir-password-1";

class FhirHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.clock().Set(1'795'651'200);  // 2026-11-26
        // Added before the demo, which links "coordinator" to the cancer prime provider and
        // "eolcoordinator" to the end-of-life one.
        server_.AddUser("admin", "admin", kPassword);
        server_.AddUser("member", "member", kPassword);
        server_.AddUser("coordinator", "coordinator", kPassword);
        server_.AddUser("eolcoordinator", "coordinator", kPassword);
        auto conn = server_.app().database().Acquire();
        ASSERT_TRUE(demo::FillPathwayDemo(*conn, server_.clock()).ok());
        // A demo patient with a transfer, a treatment and a key worker: the first cancer pathway treated.
        for (const auto& p : demo::GeneratePathwayDemo(server_.clock().Today())) {
            bool treated = false;
            for (const auto& e : p.events) treated = treated || e.type == pathway::EventType::kTreatmentStarted;
            if (!treated || !p.record.key_worker) continue;
            nhs_number_ = p.patient.nhs_number;
            auto found = store::PathwayRepository(*conn).FindPatientByNhsNumber(nhs_number_);
            ASSERT_TRUE(found.ok() && *found);
            patient_id_ = (*found)->id;
            break;
        }
        ASSERT_NE(patient_id_, 0);
    }
    std::string Path() const { return "/api/v1/pathway/patients/" + std::to_string(patient_id_) + "/fhir"; }
    TestServer server_;
    std::int64_t patient_id_ = 0;
    std::string nhs_number_;
};

TEST_F(FhirHttpTest, AnAdminGetsTheRecordAsAnAuditedFhirBundle) {
    auto r = SignedInBrowser(server_, "admin", kPassword)->Get(Path());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/fhir+json");
    auto bundle = nlohmann::json::parse(r->body);
    EXPECT_EQ(bundle["resourceType"], "Bundle");
    EXPECT_EQ(bundle["type"], "collection");
    std::set<std::string> kinds;
    for (const auto& e : bundle["entry"]) {
        kinds.insert(e["resource"]["resourceType"].get<std::string>());
        EXPECT_EQ(e["fullUrl"].get<std::string>(), "https://carevoice.invalid/fhir/" +
                                                       e["resource"]["resourceType"].get<std::string>() + "/" +
                                                       e["resource"]["id"].get<std::string>());
    }
    for (const char* kind :
         {"Patient", "EpisodeOfCare", "CareTeam", "CarePlan", "Condition", "ServiceRequest", "Encounter"}) {
        EXPECT_TRUE(kinds.contains(kind)) << kind;
    }
    EXPECT_EQ(bundle["entry"][0]["resource"]["identifier"][0]["value"], nhs_number_);
    EXPECT_EQ(CountAuditEntries(server_, "patient.export.fhir"), 1);
}

TEST_F(FhirHttpTest, TheCoordinatorOfTheProviderInvolvedGetsTheBundle) {
    auto r = SignedInBrowser(server_, "coordinator", kPassword)->Get(Path());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(nlohmann::json::parse(r->body)["entry"][0]["resource"]["identifier"][0]["value"], nhs_number_);
    EXPECT_EQ(CountRows(server_,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.export.fhir' AND outcome = "
                        "'success' AND record_id = ?",
                        {std::to_string(patient_id_)}),
              1);
}

TEST_F(FhirHttpTest, OthersAreRefusedAndAnUnknownPatientIsNamed) {
    // A coordinator of an organisation not involved (the end-of-life prime provider, for a cancer patient):
    // the same 404 as for no patient, nothing of the record, and the refusal audited.
    auto other = SignedInBrowser(server_, "eolcoordinator", kPassword)->Get(Path());
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404);
    EXPECT_NE(other->body.find("\"code\":\"not_found\""), std::string::npos) << other->body;
    EXPECT_EQ(other->body.find(nhs_number_), std::string::npos);
    EXPECT_EQ(CountRows(server_,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.export.fhir' AND outcome = "
                        "'denied'"),
              1);
    auto member = SignedInBrowser(server_, "member", kPassword)->Get(Path());
    ASSERT_TRUE(member);
    EXPECT_EQ(member->status, 403);
    EXPECT_EQ(member->body.find(nhs_number_), std::string::npos);
    auto missing = SignedInBrowser(server_, "admin", kPassword)->Get("/api/v1/pathway/patients/999999/fhir");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_NE(missing->body.find("\"field\":\"id\""), std::string::npos) << missing->body;
    EXPECT_EQ(CountAuditEntries(server_, "patient.export.fhir"), 1);  // the refusal above; none for these
}

}  // namespace
}  // namespace carevoice::web::testing
