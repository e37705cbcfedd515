// HTTP behaviour of the environmental audits (issue 4, item 8) on the real server, over the demo group
// modelled on Milton Keynes: who may read and change what, 422 naming the field with nothing written, CSRF
// refused, and the figures the pages and downloads show.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/audits_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---------------------------------------------------------------- environmental audits

TEST_F(PartnershipAuditsHttpTest, AuditListShowsBothDemoAuditsAndTheReauditComparison) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/audits"));
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(Occurrences(r->body, "cv-audit-row"), 2u);
    EXPECT_TRUE(Contains(r->body, AuditPath(reaudit_, "/compare")));
    EXPECT_TRUE(Contains(r->body, GroupPath("/audits/new")));
    auto group = b->Get(GroupPath());
    EXPECT_TRUE(Contains(group->body, GroupPath("/audits")));
}

TEST_F(PartnershipAuditsHttpTest, AuditPageScoresAreasLeavingOutNotApplicableAndListsFindings) {
    auto b = SignedIn("member");
    auto r = b->Get(AuditPath(reaudit_));
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(Occurrences(r->body, "cv-area-row"), partnership::PlaceOutpatientTemplate().areas.size());
    // Toilets in the re-audit: T2 not applicable, the other three pass: 100%, not 75%.
    EXPECT_TRUE(Contains(r->body, "Toilets"));
    EXPECT_TRUE(Contains(r->body, "100%"));
    EXPECT_TRUE(Contains(r->body, "finding-R5"));
    EXPECT_TRUE(Contains(r->body, "finding-E4"));
    EXPECT_TRUE(Contains(r->body, "The hearing loop at reception was not working"));
    EXPECT_TRUE(Contains(r->body, "Action Open"));         // R5 became an action in the demo
    EXPECT_FALSE(Contains(r->body, "Make it an action"));  // members record findings; managers raise actions
    EXPECT_EQ(r->body.find(" style="), std::string::npos);
}

TEST_F(PartnershipAuditsHttpTest, AnalystReadsAnAuditWithoutTheAuditorsNames) {
    std::vector<std::string> team_names;
    {
        auto conn = server_->app().database().Acquire();
        auto audit = store::EnvironmentalAuditRepository(*conn).Find(reaudit_);
        ASSERT_TRUE(audit.ok());
        for (auto id : audit->team) {
            for (const auto& p : members_) {
                if (p.id == id) team_names.push_back(p.name);
            }
        }
    }
    ASSERT_FALSE(team_names.empty());
    auto analyst = SignedIn("analyst");
    auto r = analyst->Get(AuditPath(reaudit_));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "5 auditors"));
    for (const auto& name : team_names) EXPECT_FALSE(Contains(r->body, name)) << name;
    auto member = SignedIn("member");
    EXPECT_TRUE(Contains(member->Get(AuditPath(reaudit_))->body, team_names.front()));
}

TEST_F(PartnershipAuditsHttpTest, OutsidersCannotSeeAuditsAndAnalystsCannotRecordThem) {
    auto outsider = SignedIn("outsider");
    for (const auto& p : {GroupPath("/audits"), AuditPath(reaudit_), AuditPath(reaudit_, "/compare"),
                          AuditPath(reaudit_, "/results.csv"), AuditPath(reaudit_, "/compare.csv")}) {
        EXPECT_TRUE(IsErrorPage(outsider->Get(p), 403, kOnlyReaders)) << p;
    }
    auto analyst = SignedIn("analyst");
    EXPECT_TRUE(IsErrorPage(analyst->Get(GroupPath("/audits/new")), 403, kOnlyRecorders));
    EXPECT_TRUE(IsErrorPage(analyst->Get(AuditPath(reaudit_, "/ratings")), 403, kOnlyRecorders));
    const std::int64_t before = Count("SELECT COUNT(*) FROM environmental_audits");
    auto post = analyst->PostForm(GroupPath("/audits"), {{"csrf_token", analyst->CsrfFrom("/partnership")},
                                                         {"site", "Somewhere"},
                                                         {"template_key", "place_outpatient_v1"}});
    EXPECT_TRUE(IsErrorPage(post, 403, kOnlyRecorders));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits"), before);
    Browser visitor(server_->port());
    EXPECT_TRUE(IsSentToSignIn(visitor.Get(GroupPath("/audits"))));
    auto admin = SignedIn("admin");
    EXPECT_TRUE(
        IsErrorPage(admin->Get(GroupPath("/audits/999999")), 404, "this group has no such environmental audit"));
}

TEST_F(PartnershipAuditsHttpTest, MemberStartsAnAuditRatesItAndSeesDomainScores) {
    auto b = SignedIn("member");
    const std::int64_t before = Count("SELECT COUNT(*) FROM environmental_audits");
    auto r = b->PostForm(GroupPath("/audits"), StartAuditForm(*b, "Chemotherapy day unit, Milton Keynes"));
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits"), before + 1);
    EXPECT_EQ(CountAudit("environmental_audit.create"), 1);
    const std::string location = r->get_header_value("Location");
    ASSERT_NE(location.find("/ratings"), std::string::npos);
    const std::int64_t id = Count("SELECT MAX(id) FROM environmental_audits");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits WHERE organisation_code = 'RD8' AND id = " +
                    std::to_string(id)),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audit_team WHERE audit_id = " + std::to_string(id)), 2);

    // The checklist is rated area by area: the first area, with every area listed.
    auto form = b->Get(location);
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "rating-E1-fail"));
    EXPECT_FALSE(Contains(form->body, "rating-W3-fail"));
    EXPECT_TRUE(Contains(form->body, "Waiting area</a>"));
    auto saved = b->PostForm(location, Ratings(b->CsrfFrom(location), {{"W3", "fail"}, {"T2", "not_applicable"}},
                                               {{"W3", "No water anywhere"}}));
    ASSERT_EQ(saved->status, 303);
    EXPECT_EQ(CountAudit("environmental_audit.rate"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audit_ratings WHERE audit_id = " + std::to_string(id)),
              ChecklistItems());
    auto page = b->Get(saved->get_header_value("Location"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "83.3%"));  // waiting area: 5 of 6 pass
    EXPECT_TRUE(Contains(page->body, "No water anywhere"));
    EXPECT_TRUE(Contains(page->body, "nhsuk-notification-banner"));
    // The new site has no audit before it.
    EXPECT_TRUE(Contains(b->Get(GroupPath("/audits/" + std::to_string(id) + "/compare"))->body, "nothing to compare"));
}

TEST_F(PartnershipAuditsHttpTest, StartingAnAuditWithoutSiteDateOrTeamIs422NamingEachAndWritesNothing) {
    auto b = SignedIn("member");
    const std::int64_t before = Count("SELECT COUNT(*) FROM environmental_audits");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(GroupPath("/audits/new"))},
                            {"site", "  "},
                            {"organisation_code", "not a code"},
                            {"template_key", std::string(partnership::kPlaceOutpatientKey)},
                            {"audited_on-day", "31"},
                            {"audited_on-month", "2"},
                            {"audited_on-year", "2026"}};
    auto r = b->PostForm(GroupPath("/audits"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(Contains(r->body, "There is a problem"));
    EXPECT_TRUE(HasFieldError(r, "site"));
    EXPECT_TRUE(HasFieldError(r, "organisation_code"));
    EXPECT_TRUE(HasFieldError(r, "audited_on-day"));
    EXPECT_TRUE(HasFieldError(r, "team-first"));
    EXPECT_TRUE(Contains(r->body, "id=\"team-first\""));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits"), before);
    EXPECT_EQ(CountAudit("environmental_audit.create"), 0);

    // A team member from outside the group, an unknown checklist, a date in the future.
    httplib::Params other = StartAuditForm(*b, "Outpatients");
    other.erase("template_key");
    other.emplace("template_key", "place_ward_v9");
    other.emplace("team", "999999");
    other.erase("audited_on-year");
    other.emplace("audited_on-year", std::to_string(server_->clock().Today().year() + 1));
    auto r2 = b->PostForm(GroupPath("/audits"), other);
    EXPECT_EQ(r2->status, 422);
    EXPECT_TRUE(HasFieldError(r2, "template_key-place_outpatient_v1"));
    EXPECT_TRUE(HasFieldError(r2, "team-first"));
    EXPECT_TRUE(Contains(r2->body, "today or in the past"));
    EXPECT_TRUE(Contains(r2->body, "value=\"Outpatients\""));  // what was typed is kept
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits"), before);
}

TEST_F(PartnershipAuditsHttpTest, AFailWithoutAReasonIs422NamingTheItemAndNothingChanges) {
    auto b = SignedIn("member");
    const std::string path = AuditPath(reaudit_, "/ratings");
    const std::string where = " FROM environmental_audit_ratings WHERE audit_id = " + std::to_string(reaudit_);
    const std::int64_t rows = Count("SELECT COUNT(*)" + where);
    const std::int64_t fails = Count("SELECT COUNT(*)" + where + " AND rating = 'fail'");
    auto r = b->PostForm(path, Ratings(b->CsrfFrom(path), {{"W3", "fail"}, {"C1", "fail"}}, {{"C1", "Doors open"}}));
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "reason-W3"));
    EXPECT_TRUE(Contains(r->body, "W3 (Drinking water is available): give the reason for the fail"));
    EXPECT_FALSE(Contains(r->body, "href=\"#reason-C1\""));
    EXPECT_TRUE(Contains(r->body, "Doors open"));  // the typed reasons are kept
    EXPECT_EQ(Count("SELECT COUNT(*)" + where), rows);
    EXPECT_EQ(Count("SELECT COUNT(*)" + where + " AND rating = 'fail'"), fails);
    EXPECT_EQ(CountAudit("environmental_audit.rate"), 0);

    auto bogus = b->PostForm(path, Ratings(b->CsrfFrom(path), {{"E1", "excellent"}}, {}));
    EXPECT_EQ(bogus->status, 422);
    EXPECT_TRUE(HasFieldError(bogus, "rating-E1-pass"));
    EXPECT_TRUE(Contains(bogus->body, "id=\"rating-E1-pass\""));
}

TEST_F(PartnershipAuditsHttpTest, AnItemLeftUnratedStaysUnratedForAnAuditInStages) {
    auto b = SignedIn("member");
    const std::string path = AuditPath(reaudit_, "/ratings");
    auto form = Ratings(b->CsrfFrom(path), {{"I5", ""}}, {});
    auto r = b->PostForm(path, form);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audit_ratings WHERE audit_id = " + std::to_string(reaudit_)),
              ChecklistItems() - 1);
    EXPECT_TRUE(Contains(b->Get(AuditPath(reaudit_))->body, "Not rated"));
}

TEST_F(PartnershipAuditsHttpTest, FacilitatorTurnsAFailIntoAnActionWithOwnerAndDueDate) {
    auto b = SignedIn("facilitator");
    auto page = b->Get(AuditPath(reaudit_));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "Make it an action"));
    EXPECT_TRUE(Contains(page->body, "id=\"owner-E4\""));
    // The first audit's action on the parking is still open: the page says so.
    EXPECT_TRUE(Contains(page->body, "An action on this item from an earlier audit is still open"));
    const std::int64_t before = Count("SELECT COUNT(*) FROM actions WHERE audit_id = " + std::to_string(reaudit_));
    const CivilDate due = server_->clock().Today().AddDays(60);
    auto r = b->PostForm(AuditPath(reaudit_, "/actions"), ActionForm(*b, "E4", std::to_string(members_[2].id), due));
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), AuditPath(reaudit_) + "#finding-E4");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions WHERE audit_id = " + std::to_string(reaudit_)), before + 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions WHERE audit_id = " + std::to_string(reaudit_) +
                    " AND meeting_id IS NULL AND status = 'open' AND due_on = '" + due.ToString() +
                    "' AND owner_person_id = " + std::to_string(members_[2].id)),
              1);
    EXPECT_EQ(CountAudit("action.create"), 1);
    auto after = b->Get(AuditPath(reaudit_));
    EXPECT_TRUE(Contains(after->body, "taken forward by " + members_[2].name));
    // The same finding does not become a second action.
    auto again =
        b->PostForm(AuditPath(reaudit_, "/actions"), ActionForm(*b, "E4", std::to_string(members_[2].id), due));
    EXPECT_TRUE(HasFieldError(again, "", "E4 already has an action", 409));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions WHERE audit_id = " + std::to_string(reaudit_)), before + 1);
}

TEST_F(PartnershipAuditsHttpTest, AnActionWithoutOwnerOrDueDateOrFromAPassIs422AndWritesNothing) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM actions");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(AuditPath(reaudit_))}, {"item_code", "E4"}, {"owner", ""}};
    auto r = b->PostForm(AuditPath(reaudit_, "/actions"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "owner-E4"));
    EXPECT_TRUE(HasFieldError(r, "due-E4-day"));
    auto passed = b->PostForm(AuditPath(reaudit_, "/actions"),
                              ActionForm(*b, "W3", std::to_string(members_[0].id), server_->clock().Today()));
    EXPECT_EQ(passed->status, 422);
    EXPECT_TRUE(Contains(passed->body, "Only an item the audit failed can become an action"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions"), before);
    EXPECT_EQ(CountAudit("action.create"), 0);
}

TEST_F(PartnershipAuditsHttpTest, MembersRecordFindingsButCannotTurnThemIntoActions) {
    auto b = SignedIn("member");
    const std::int64_t before = Count("SELECT COUNT(*) FROM actions");
    auto r = b->PostForm(AuditPath(reaudit_, "/actions"),
                         ActionForm(*b, "E4", std::to_string(members_[0].id), server_->clock().Today()));
    EXPECT_TRUE(IsErrorPage(r, 403, kOnlyManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions"), before);
}

TEST_F(PartnershipAuditsHttpTest, ReauditComparisonShowsAreaChangesAndItemsThatGotBetterOrWorse) {
    auto b = SignedIn("analyst");
    auto r = b->Get(AuditPath(reaudit_, "/compare"));
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(Occurrences(r->body, "cv-change-row"), partnership::PlaceOutpatientTemplate().areas.size());
    EXPECT_TRUE(Contains(r->body, "Up "));
    // Better: W3 (water) and I3 (leaflets) failed and now pass, W4 (waiting times) failed and now passes with a
    // qualification, W2 and T4 passed with a qualification and now pass. Worse: R5 (hearing loop) now fails.
    // T2, not applicable this time, is not compared.
    EXPECT_EQ(Occurrences(r->body, "cv-better"), 5u);
    EXPECT_TRUE(Contains(r->body, "W3: Drinking water is available"));
    EXPECT_EQ(Occurrences(r->body, "cv-worse"), 1u);
    EXPECT_TRUE(Contains(r->body, "R5: A hearing loop is available and signed"));

    auto csv = b->Get(AuditPath(reaudit_, "/compare.csv"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("area,previous_audited_on,previous_percent,audited_on,current_percent,change_points", 0),
              0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), partnership::PlaceOutpatientTemplate().areas.size() + 2);

    EXPECT_TRUE(Contains(b->Get(AuditPath(first_audit_, "/compare"))->body, "nothing to compare"));
    EXPECT_TRUE(IsErrorPage(b->Get(AuditPath(first_audit_, "/compare.csv")), 404,
                            "this is the first audit of its site: there is nothing to compare"));
}

TEST_F(PartnershipAuditsHttpTest, ResultsCsvHasOneRowPerChecklistItem) {
    const std::size_t items = static_cast<std::size_t>(ChecklistItems());
    auto b = SignedIn("member");
    auto csv = b->Get(AuditPath(first_audit_, "/results.csv"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_EQ(csv->body.rfind("site,audited_on,area,item_code,item,rating,reason,area_percent\r\n", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), items + 1);
    EXPECT_NE(csv->body.find(",W3,Drinking water is available,fail,"), std::string::npos);
}

TEST_F(PartnershipAuditsHttpTest, AuditFormsRefuseAPostWithoutTheCsrfToken) {
    auto member = SignedIn("member");
    auto facilitator = SignedIn("facilitator");
    const std::int64_t audits = Count("SELECT COUNT(*) FROM environmental_audits");
    const std::int64_t actions = Count("SELECT COUNT(*) FROM actions");
    httplib::Params start = StartAuditForm(*member, "Outpatients");
    start.erase("csrf_token");
    EXPECT_TRUE(IsErrorPage(member->PostForm(GroupPath("/audits"), start), 403, kCsrfRefused));
    auto ratings = Ratings("", {{"W3", "fail"}}, {{"W3", "No water"}});
    EXPECT_TRUE(IsErrorPage(member->PostForm(AuditPath(reaudit_, "/ratings"), ratings), 403, kCsrfRefused));
    httplib::Params action = ActionForm(*facilitator, "E4", std::to_string(members_[0].id), server_->clock().Today());
    action.erase("csrf_token");
    action.emplace("csrf_token", "forged");
    EXPECT_TRUE(IsErrorPage(facilitator->PostForm(AuditPath(reaudit_, "/actions"), action), 403, kCsrfRefused));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audits"), audits);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM actions"), actions);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM environmental_audit_ratings WHERE audit_id = " + std::to_string(reaudit_) +
                    " AND item_code = 'W3' AND rating = 'fail'"),
              0);
}

}  // namespace
}  // namespace carevoice::web::testing
