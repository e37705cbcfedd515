#include "web/pathway/tracking_fixture.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <span>

#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::testing {
namespace {

CivilDate D(const char* iso) { return CivilDate::Parse(iso).value(); }

// A valid NHS number from nine digits: the modulus-11 check digit appended (none gives 10 here).
std::string NhsNumber(const std::string& nine) { return nine + std::to_string(pathway::NhsCheckDigit(nine).value()); }

}  // namespace

TrackingFixture::TrackingFixture() {
    server_ = std::make_unique<TestServer>();
    server_->clock().Set(D("2025-03-01").days_since_epoch() * 86400 + 10 * 3600);
    for (const char* code : {"RAA", "RYY", "RZZ"}) {
        Sql(std::string("INSERT INTO organisations (code, name, level, created_at) VALUES ('") + code + "', 'Trust " +
            code + "', 'trust', 0)");
    }
    server_->AddUser("coord", "coordinator", kTrackingPassword);
    server_->AddUser("coord_ryy", "coordinator", kTrackingPassword);
    server_->AddUser("coord_none", "coordinator", kTrackingPassword);
    server_->AddUser("kim", "coordinator", kTrackingPassword);
    server_->AddUser("admin", "admin", kTrackingPassword);
    server_->AddUser("member", "member", kTrackingPassword);
    server_->AddUser("analyst", "analyst", kTrackingPassword);
    Sql("UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE code = 'RAA') WHERE username IN "
        "('coord', 'kim')");
    Sql("UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE code = 'RYY') WHERE username = "
        "'coord_ryy'");

    const Spec specs[] = {
        {"RED0", "RAA", "lung", "E38A", "2025-02-01", "Ann", "Red", "400000001"},
        {"AMB7", "RAA", "breast", "E38B", "2025-02-08", "Bea", "Amber", "400000002"},
        {"GRN8", "RAA", "lung", "E38A", "2025-02-09", "Cal", "Green", "400000003"},
        {"AMB14", "RAA", "lung", "E38A", "2025-01-12", "Dee", "Amber", "400000004"},
        {"GRN15", "RAA", "lung", "E38A", "2025-01-13", "Eve", "Green", "400000005"},
        {"OTHER", "RZZ", "colorectal", "E38C", "2025-02-01", "Zed", "Outsider", "400000006"},
        {"XFER", "RZZ", "lung", "E38C", "2025-02-10", "Fay", "Transfer", "400000007"},
    };
    FillPathways(specs);
}

// Writes the patients, pathways and events (a void function, so that ASSERT can stop it).
void TrackingFixture::FillPathways(std::span<const Spec> specs) {
    auto conn = server_->app().database().Acquire();
    store::PathwayRepository repo(*conn);
    std::vector<pathway::Event> events;
    const std::int64_t now = server_->clock().NowSeconds();
    for (const Spec& s : specs) {
        pathway::Patient p;
        p.nhs_number = NhsNumber(s.nine);
        p.given_name = s.given;
        p.family_name = s.family;
        p.date_of_birth = D("1950-03-14");
        p.area_code = s.area;
        auto patient = repo.CreatePatient(p, now, D("2025-03-01"));
        ASSERT_TRUE(patient.ok()) << patient.status().ToString();
        pathway::PathwayRecord r;
        r.ref = s.ref;
        r.patient_id = patient->id;
        r.route = pathway::Route::kUrgentSuspectedCancer;
        r.referral_received_on = D(s.referral);
        r.tumour_group = s.tumour;
        r.prime_provider = s.provider;
        auto created = repo.CreatePathway(r, now);
        ASSERT_TRUE(created.ok()) << created.status().ToString();
        pathway::Event e;
        e.pathway_id = s.ref;
        e.event_id = "ref";
        e.date = D(s.referral);
        e.type = pathway::EventType::kReferralReceived;
        e.provider = s.provider;
        e.route = pathway::Route::kUrgentSuspectedCancer;
        events.push_back(e);
        if (std::string(s.ref) == "AMB14" || std::string(s.ref) == "GRN15") {
            e.event_id = "dx";
            e.date = D("2025-01-20");
            e.type = pathway::EventType::kDiagnosisCommunicated;
            e.route.reset();
            e.outcome = pathway::DiagnosisOutcome::kCancer;
            events.push_back(e);
        }
        if (std::string(s.ref) == "XFER") {
            e.event_id = "tx";
            e.date = D("2025-02-20");
            e.type = pathway::EventType::kTransferSent;
            e.route.reset();
            e.to_provider = "RAA";
            events.push_back(e);
        }
    }
    auto imported = store::PathwayEventsRepository(*conn).Import(events, now, "test");
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    auto kim = conn->QueryOne("SELECT id FROM users WHERE username = 'kim'");
    ASSERT_TRUE(kim.ok());
    auto grn8 = conn->QueryOne("SELECT id FROM pathways WHERE ref = 'GRN8'");
    ASSERT_TRUE(grn8.ok());
    ASSERT_TRUE(repo.AssignKeyWorker(grn8->Int(0), pathway::KeyWorker{"Kim Nurse", "Lung CNS", "01632 960123",
                                                                      kim->Int(0), now, "coord"})
                    .ok());
}

std::unique_ptr<Browser> TrackingFixture::As(const std::string& username) {
    return SignedInBrowser(*server_, username, kTrackingPassword);
}

std::int64_t TrackingFixture::PathwayId(const std::string& ref) {
    return CountRows(*server_, "SELECT id FROM pathways WHERE ref = '" + ref + "'");
}

void TrackingFixture::Sql(const std::string& sql) {
    auto conn = server_->app().database().Acquire();
    auto done = conn->Execute(sql);
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
}

std::vector<std::string> LinksIn(const std::string& html) {
    static const std::regex kLink(R"((?:href|action)="([^"]*)\")");
    std::vector<std::string> out;
    for (std::sregex_iterator it(html.begin(), html.end(), kLink), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
}

}  // namespace carevoice::web::testing
