// HTTP behaviour of the tracking list (/pathway/tracking) on the real server, over TrackingFixture's seven
// pathways: who sees which pathways, filters and sort, the red/amber/green boundaries, the CSV download,
// acknowledging an alert, and no patient data in any address the page links to.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "web/pathway/tracking_fixture.hpp"
#include "web/testing/responses.hpp"

namespace carevoice::web::testing {
namespace {

// The pathway refs in the list's table, in order (each row starts with a link to the pathway).
std::vector<std::string> RefsIn(const std::string& html) {
    std::vector<std::string> refs;
    const std::string table_end = "</table>";
    const auto end = html.find(table_end);
    const std::string marker = "aria-hidden=\"true\">Pathway </span><a href=\"/pathways/";
    for (auto at = html.find(marker); at != std::string::npos && at < end; at = html.find(marker, at + 1)) {
        const auto open = html.find('>', at + marker.size());
        refs.push_back(html.substr(open + 1, html.find('<', open) - open - 1));
    }
    return refs;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

class TrackingHttpTest : public ::testing::Test {
  protected:
    TrackingFixture fx;
    std::vector<std::string> Refs(Browser& b, const std::string& query = "") {
        auto r = b.Get("/pathway/tracking" + query);
        EXPECT_TRUE(r && r->status == 200) << query << " " << (r ? r->body.substr(0, 400) : "");
        return r ? RefsIn(r->body) : std::vector<std::string>{};
    }
};

TEST_F(TrackingHttpTest, ACoordinatorSeesOnlyPathwaysInvolvingTheirOrganisation) {
    auto coord = fx.As("coord");
    auto r = coord->Get("/pathway/tracking");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(Sorted(RefsIn(r->body)),
              (std::vector<std::string>{"AMB14", "AMB7", "GRN15", "GRN8", "RED0", "XFER"}));  // XFER: sent to RAA
    EXPECT_EQ(r->body.find("Zed Outsider"), std::string::npos);
    EXPECT_NE(r->body.find("Ann Red"), std::string::npos);  // the working list names its patients
    EXPECT_GE(CountAuditEntries(fx.server(), "pathway.tracking.view"), 1);

    EXPECT_TRUE(Refs(*fx.As("coord_ryy")).empty());
    EXPECT_TRUE(Refs(*fx.As("coord_none")).empty());
    auto csv = fx.As("coord_ryy")->Get("/pathway/tracking.csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->body.find("RED0"), std::string::npos);
    EXPECT_EQ(Refs(*fx.As("admin")).size(), 7u);
}

TEST_F(TrackingHttpTest, OnlyCoordinatorsAndAdminsMayUseIt) {
    for (const char* who : {"member", "analyst"}) {
        auto r = fx.As(who)->Get("/pathway/tracking");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 403) << who;
        EXPECT_EQ(r->body.find("Ann Red"), std::string::npos);
    }
    Browser anonymous(fx.server().port());
    auto r = anonymous.Get("/pathway/tracking.csv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location").rfind("/sign-in", 0), 0u);
}

TEST_F(TrackingHttpTest, RedAmberGreenFollowTheStatedRuleAtItsBoundaries) {
    auto admin = fx.As("admin");
    // FDS 0 days to breach is red; FDS 7 and 62-day 14 are amber; FDS 8 and 62-day 15 are green.
    EXPECT_EQ(Sorted(Refs(*admin, "?rag=red")), (std::vector<std::string>{"OTHER", "RED0"}));
    EXPECT_EQ(Sorted(Refs(*admin, "?rag=amber")), (std::vector<std::string>{"AMB14", "AMB7"}));
    EXPECT_EQ(Sorted(Refs(*admin, "?rag=green")), (std::vector<std::string>{"GRN15", "GRN8", "XFER"}));
    auto page = admin->Get("/pathway/tracking");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("Red: the clock has breached, or has 0 days or fewer to breach. Amber: 7 days or fewer"),
              std::string::npos);
    // Each clock in words: days waiting, then days to breach, "breaches today" at 0.
    EXPECT_NE(page->body.find("28 days waiting, breaches today"), std::string::npos);
    EXPECT_NE(page->body.find("48 days waiting, 14 days to breach"), std::string::npos);
}

TEST_F(TrackingHttpTest, FiltersAndSortUseCodesOnly) {
    auto admin = fx.As("admin");
    EXPECT_EQ(Sorted(Refs(*admin, "?provider=RZZ")), (std::vector<std::string>{"OTHER", "XFER"}));
    EXPECT_EQ(Sorted(Refs(*fx.As("coord"), "?provider=RZZ")), (std::vector<std::string>{"XFER"}));
    EXPECT_EQ(Refs(*admin, "?tumour=breast"), (std::vector<std::string>{"AMB7"}));
    EXPECT_EQ(Sorted(Refs(*admin, "?area=E38C")), (std::vector<std::string>{"OTHER", "XFER"}));
    EXPECT_EQ(Refs(*admin, "?key_worker=named"), (std::vector<std::string>{"GRN8"}));
    EXPECT_EQ(Refs(*admin, "?key_worker=" + std::to_string(CountRows(fx.server(),
                                                                     "SELECT id FROM users WHERE "
                                                                     "username = 'kim'"))),
              (std::vector<std::string>{"GRN8"}));
    EXPECT_EQ(Refs(*admin, "?key_worker=none").size(), 6u);
    // FDS stopped on AMB14 and GRN15: only the others have an open FDS clock.
    EXPECT_EQ(Sorted(Refs(*admin, "?clock=fds")), (std::vector<std::string>{"AMB7", "GRN8", "OTHER", "RED0", "XFER"}));
    EXPECT_EQ(Refs(*admin, "?sort=ref"),
              (std::vector<std::string>{"AMB14", "AMB7", "GRN15", "GRN8", "OTHER", "RED0", "XFER"}));
    // Days to breach, soonest first: RED0 and OTHER at 0, then AMB7 at 7, GRN8 at 8, XFER 9, AMB14 14, GRN15 15.
    EXPECT_EQ(Refs(*admin), (std::vector<std::string>{"RED0", "OTHER", "AMB7", "GRN8", "XFER", "AMB14", "GRN15"}));
}

TEST_F(TrackingHttpTest, AFilterHoldingAnythingButACodeIsRefusedNamingTheField) {
    auto admin = fx.As("admin");
    auto r = admin->Get("/pathway/tracking?provider=Ann%20Red");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(r->body.find("provider: must be a code of up to 32 letters, digits"), std::string::npos);
    r = admin->Get("/pathway/tracking?clock=99&page=0");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(r->body.find("clock: must be fds, 62 or 31"), std::string::npos);
    EXPECT_NE(r->body.find("page: must be a whole number from 1 to 1000"), std::string::npos);
}

TEST_F(TrackingHttpTest, TheCsvHasTheFilteredRowsAndIsAudited) {
    auto coord = fx.As("coord");
    auto r = coord->Get("/pathway/tracking.csv?tumour=lung&sort=ref");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename=\"tracking-2025-03-01.csv\"");
    const std::string header =
        "pathway_ref,patient_name,prime_provider,tumour_group,area,key_worker,fds_wait_days,fds_days_to_breach,"
        "62_wait_days,62_days_to_breach,31_wait_days,31_days_to_breach,rag,next_action,next_action_owner,"
        "next_action_due,alerts\r\n";
    ASSERT_EQ(r->body.rfind(header, 0), 0u) << r->body.substr(0, 300);
    // AMB14: FDS stopped; 62-day open 48 days waiting, 14 to breach; amber.
    EXPECT_NE(r->body.find("\r\nAMB14,Dee Amber,RAA,lung,E38A,,,,48,14,,,amber,,,,"), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("\r\nRED0,Ann Red,RAA,lung,E38A,,28,0,28,34,,,red,,,,"), std::string::npos);
    EXPECT_EQ(r->body.find("AMB7"), std::string::npos);   // breast: filtered out
    EXPECT_EQ(r->body.find("OTHER"), std::string::npos);  // not RAA's
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.tracking.export"), 1);
}

TEST_F(TrackingHttpTest, AnAlertIsAcknowledgedWithANoteAndHoldsUntilSomethingNewHappens) {
    auto coord = fx.As("coord");
    // The list names each pathway's alerts and links to them; the alert's page says why and what to do.
    auto page = coord->Get("/pathway/tracking?sort=ref");
    ASSERT_TRUE(page);
    EXPECT_TRUE(Contains(page->body, "<a href=\"/pathway/tracking/alerts/RED0\">"));
    const std::string why = "No key worker has been named in the 28 days since the referral on 1 February 2025.";
    EXPECT_FALSE(Contains(page->body, why));
    const std::string alerts_page = "/pathway/tracking/alerts/RED0";
    auto alerts = coord->Get(alerts_page);
    ASSERT_TRUE(alerts);
    ASSERT_EQ(alerts->status, 200);
    EXPECT_TRUE(Contains(alerts->body, why));
    EXPECT_TRUE(Contains(alerts->body, "What to do:"));
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.alerts.view"), 1);
    const std::string token = coord->CsrfFrom(alerts_page);
    // The list as it is before: its rendered rows are kept until the data changes (TrackingCache::KeepPage).
    EXPECT_FALSE(Contains(coord->Get("/pathway/tracking")->body, "(1 acknowledged)"));

    auto no_note = coord->PostForm("/pathway/tracking/acknowledge",
                                   {{"csrf_token", token}, {"ref", "RED0"}, {"rule", "no_key_worker"}, {"note", " "}});
    EXPECT_TRUE(
        HasFieldError(no_note, "note-no_key_worker", "Enter a note saying what was done or why the alert can wait"));
    // Nobody else's pathway, and no pathway at all, has an alerts page for this coordinator.
    EXPECT_EQ(fx.As("coord_ryy")->Get(alerts_page)->status, 404);
    EXPECT_EQ(coord->Get("/pathway/tracking/alerts/NOPE")->status, 404);
    EXPECT_EQ(coord->Get("/pathway/tracking/alerts/" + std::string(300, 'A'))->status, 404);
    auto no_csrf = coord->PostForm("/pathway/tracking/acknowledge",
                                   {{"ref", "RED0"}, {"rule", "no_key_worker"}, {"note", "Asked the CNS team"}});
    ASSERT_TRUE(no_csrf);
    EXPECT_EQ(no_csrf->status, 403);
    auto outsider = fx.As("coord_ryy");
    auto other =
        outsider->PostForm("/pathway/tracking/acknowledge", {{"csrf_token", outsider->CsrfFrom("/pathway/tracking")},
                                                             {"ref", "RED0"},
                                                             {"rule", "no_key_worker"},
                                                             {"note", "Not mine"}});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404);
    EXPECT_EQ(CountRows(fx.server(), "SELECT COUNT(*) FROM alert_acknowledgements"), 0);

    auto done = coord->PostForm(
        "/pathway/tracking/acknowledge",
        {{"csrf_token", token}, {"ref", "RED0"}, {"rule", "no_key_worker"}, {"note", "CNS named on Monday"}});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 303);
    // RED0 has other alerts still: back to them.
    EXPECT_EQ(done->get_header_value("Location"), alerts_page);
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.alert.acknowledge"), 1);
    EXPECT_FALSE(Contains(coord->Get(alerts_page)->body, why));
    page = coord->Get("/pathway/tracking");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("(1 acknowledged)"), std::string::npos);

    // A day later a new event arrives on RED0: the cause has changed, the alert is back.
    fx.server().clock().Advance(86400);
    fx.Sql(
        "INSERT INTO pathway_events (pathway_ref, event_id, date, type, provider, recorded_at) VALUES ('RED0', "
        "'mdt', '2025-03-02', 'mdt_discussion', 'RAA', 1)");
    coord = fx.As("coord");  // a day later the session has ended (12 hours at most): sign in again
    EXPECT_TRUE(Contains(coord->Get(alerts_page)->body, "No key worker has been named in the 29 days"));
}

TEST_F(TrackingHttpTest, NoAddressThePageLinksToHoldsPatientData) {
    auto coord = fx.As("coord");
    for (const char* query : {"", "?sort=ref&tumour=lung", "?page=1&rag=red"}) {
        auto page = coord->Get(std::string("/pathway/tracking") + query);
        ASSERT_TRUE(page);
        ASSERT_EQ(page->status, 200);
        const auto links = LinksIn(page->body);
        ASSERT_FALSE(links.empty());
        for (const auto& link : links) {
            for (const char* name : {"Ann", "Red", "Bea", "Cal", "Dee", "Eve", "Fay", "Amber", "Green", "40000"}) {
                EXPECT_EQ(link.find(name), std::string::npos) << link;
            }
        }
    }
}

TEST_F(TrackingHttpTest, AdminsSetTheAlertDaysAndTheListFollows) {
    auto coord = fx.As("coord");
    auto r = coord->Get("/pathway/alerts/settings");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    auto admin = fx.As("admin");
    const std::string token = admin->CsrfFrom("/pathway/alerts/settings");
    httplib::Params form = {{"csrf_token", token},
                            {"pathway.alert.no_key_worker_days", "30"},
                            {"pathway.alert.no_contact_days", "0"},
                            {"pathway.alert.transfer_not_accepted_days", "5"},
                            {"pathway.alert.no_decision_to_treat_days", "14"},
                            {"pathway.alert.emergency_contact_days", "1"}};
    r = admin->PostForm("/pathway/alerts/settings", form);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Days without contact with the patient must be a whole number of days from 1 to 365"),
              std::string::npos);
    form.erase("pathway.alert.no_contact_days");
    form.emplace("pathway.alert.no_contact_days", "28");
    r = admin->PostForm("/pathway/alerts/settings", form);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(CountAuditEntries(fx.server(), "pathway.alert.settings"), 1);
    EXPECT_EQ(CountRows(fx.server(), "SELECT value FROM settings WHERE name = 'pathway.alert.no_key_worker_days'"), 30);
    // RED0 is on day 28 of 30: no alert; AMB14 on day 48.
    EXPECT_FALSE(Contains(coord->Get("/pathway/tracking/alerts/RED0")->body, "No key worker has been named"));
    EXPECT_TRUE(
        Contains(coord->Get("/pathway/tracking/alerts/AMB14")->body, "No key worker has been named in the 48 days"));
}

}  // namespace
}  // namespace carevoice::web::testing
