// HTTP behaviour of the views built from the impact log, the environmental audits and the buddy
// improvement plans (issue 4, items 7–9) on the real server, over the demo group modelled on Milton
// Keynes: who may read and change what, 422 naming the field with nothing written, CSRF refused, and
// the figures the pages and downloads show.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demo/partnership_demo.hpp"
#include "partnership/checklist.hpp"
#include "partnership/impact_views.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/demo_group_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// What a buddy plan's 403 says of who may change it, and who may read it.
constexpr const char* kOnlyPlanManagers =
    "Only analysts, administrators and the facilitators and chairs of partnership groups that work with the mentor "
    "or the mentee";
constexpr const char* kOnlyPlanReaders =
    "Only analysts, administrators and the staff of partnership groups that work with the mentor or the mentee";

std::int64_t ChecklistItems() {
    std::int64_t items = 0;
    for (const auto& area : partnership::PlaceOutpatientTemplate().areas) items += area.items.size();
    return items;
}

class PartnershipAuditsHttpTest : public DemoGroupHttpTest {
  protected:
    void SetUp() override {
        DemoGroupHttpTest::SetUp();
        auto conn = server_->app().database().Acquire();
        auto audits = store::EnvironmentalAuditRepository(*conn).ListByGroup(group_id_);
        ASSERT_TRUE(audits.ok());
        ASSERT_EQ(audits->size(), 2u);
        first_audit_ = (*audits)[0].id;
        reaudit_ = (*audits)[1].id;
        for (const auto& p : people_) {
            if (partnership::IsMemberOn(p, server_->clock().Today())) members_.push_back(p);
        }
        ASSERT_GE(members_.size(), 3u);
        auto plan = store::BuddyPlanRepository(*conn).FindByPair("RR7", "RD8", 2018);
        ASSERT_TRUE(plan.ok());
        plan_id_ = plan->id;
    }

    std::string AuditPath(std::int64_t audit, const std::string& rest = "") {
        return GroupPath("/audits/" + std::to_string(audit) + rest);
    }
    std::string PlanPath(const std::string& rest = "") { return "/buddy-plans/" + std::to_string(plan_id_) + rest; }

    void AddOrganisation(const std::string& code, const std::string& name) {
        auto conn = server_->app().database().Acquire();
        ASSERT_TRUE(store::OrganisationsRepository(*conn).Upsert({0, code, name, "trust", std::nullopt}, 1).ok());
    }
    // A published year-on-year result of the organisation (all cancers, both sexes, every quintile).
    void AddResult(const std::string& code, int year, const std::string& question, double score, int n) {
        auto conn = server_->app().database().Acquire();
        auto org = store::OrganisationsRepository(*conn).FindByCode(code);
        ASSERT_TRUE(org.ok());
        ASSERT_TRUE(
            conn->Execute("INSERT INTO cpes_results (organisation_id, year, kind, sex, imd_quintile, "
                          "tumour_group, question, n, score) VALUES (?, ?, 'yearonyear', 'Both', 'All', "
                          "'All Cancers', ?, ?, ?)",
                          {org->id, static_cast<std::int64_t>(year), question, static_cast<std::int64_t>(n), score})
                .ok());
    }

    static void AddDate(httplib::Params& form, const std::string& name, CivilDate date) {
        form.emplace(name + "-day", std::to_string(date.day()));
        form.emplace(name + "-month", std::to_string(date.month()));
        form.emplace(name + "-year", std::to_string(date.year()));
    }

    httplib::Params StartAuditForm(Browser& b, const std::string& site) {
        httplib::Params form = {{"csrf_token", b.CsrfFrom(GroupPath("/audits/new"))},
                                {"site", site},
                                {"organisation_code", "rd8"},
                                {"template_key", std::string(partnership::kPlaceOutpatientKey)},
                                {"team", std::to_string(members_[0].id)},
                                {"team", std::to_string(members_[1].id)},
                                {"notes", "Thursday afternoon clinic"}};
        AddDate(form, "audited_on", server_->clock().Today().AddDays(-3));
        return form;
    }

    // Every item of the checklist passes, except those given.
    static httplib::Params Ratings(const std::string& csrf, const std::map<std::string, std::string>& ratings,
                                   const std::map<std::string, std::string>& reasons) {
        httplib::Params form = {{"csrf_token", csrf}};
        for (const auto& area : partnership::PlaceOutpatientTemplate().areas) {
            for (const auto& item : area.items) {
                auto r = ratings.find(item.code);
                form.emplace("rating-" + item.code, r == ratings.end() ? "pass" : r->second);
                auto why = reasons.find(item.code);
                form.emplace("reason-" + item.code, why == reasons.end() ? "" : why->second);
            }
        }
        return form;
    }

    httplib::Params ActionForm(Browser& b, const std::string& code, const std::string& owner, CivilDate due) {
        httplib::Params form = {{"csrf_token", b.CsrfFrom(AuditPath(reaudit_))}, {"item_code", code}, {"owner", owner}};
        AddDate(form, "due-" + code, due);
        return form;
    }

    std::int64_t first_audit_ = 0;
    std::int64_t reaudit_ = 0;
    std::int64_t plan_id_ = 0;
    std::vector<partnership::Person> members_;  // the demo group's members today
};

// ---------------------------------------------------------------- views built from the impact log

TEST_F(PartnershipAuditsHttpTest, ImpactsPageLinksToTheThreeViews) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/impacts"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, GroupPath("/influence")));
    EXPECT_TRUE(Contains(r->body, GroupPath("/involvement")));
    EXPECT_TRUE(Contains(r->body, GroupPath("/impacts/by-kind")));
}

TEST_F(PartnershipAuditsHttpTest, InfluenceMapGroupsOrganisationsByStrengthWithACsvRowEach) {
    std::vector<partnership::Impact> impacts;
    {
        auto conn = server_->app().database().Acquire();
        impacts = *store::ImpactRepository(*conn).ListByGroup(group_id_);
    }
    ASSERT_FALSE(impacts.empty());
    const auto map = partnership::InfluenceMap(impacts);
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/influence"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "Strong influence"));
    EXPECT_TRUE(Contains(r->body, "Some influence"));
    EXPECT_TRUE(Contains(r->body, "No influence"));
    EXPECT_EQ(Occurrences(r->body, "cv-influence-row"), map.size());
    EXPECT_TRUE(Contains(r->body, map.front().organisation));
    EXPECT_EQ(r->body.find(" style="), std::string::npos);

    auto csv = b->Get(GroupPath("/influence.csv"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_EQ(csv->body.rfind("organisation,influence_now,strong,some,none,impacts,latest\r\n", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), map.size() + 1);
}

TEST_F(PartnershipAuditsHttpTest, InvolvementMatrixHasEveryDomainAndLevelAndANineCellCsv) {
    auto b = SignedIn("analyst");
    auto r = b->Get(GroupPath("/involvement"));
    ASSERT_EQ(r->status, 200);
    for (const auto& d : partnership::kDecisionDomains) EXPECT_TRUE(Contains(r->body, std::string(d.label))) << d.label;
    for (const auto& l : partnership::kInvolvementLevels)
        EXPECT_TRUE(Contains(r->body, std::string(l.label))) << l.label;
    EXPECT_EQ(Occurrences(r->body, "cv-involvement-cell"), 9u);
    auto csv = b->Get(GroupPath("/involvement.csv"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("domain,level,impacts,examples\r\n", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), 10u);
    EXPECT_NE(csv->body.find("treatment_and_services,consultation,"), std::string::npos);
}

TEST_F(PartnershipAuditsHttpTest, ImpactByKindHasABarChartATableRowPerKindAndCsvPerQuarter) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/impacts/by-kind"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "<svg"));
    EXPECT_TRUE(Contains(r->body, "<desc"));
    EXPECT_TRUE(Contains(r->body, "class=\"cv-bar\""));
    EXPECT_EQ(Occurrences(r->body, "cv-kind-row"), partnership::kImpactKindCount);
    EXPECT_EQ(r->body.find(" style="), std::string::npos);

    auto quarters = b->Get(GroupPath("/impacts/by-kind?period=quarter&kind=care_environment"));
    ASSERT_EQ(quarters->status, 200);
    EXPECT_TRUE(Contains(quarters->body, " Q"));
    EXPECT_TRUE(Contains(quarters->body, "Impacts of the kind Care environment"));

    auto csv = b->Get(GroupPath("/impacts/by-kind.csv?period=quarter"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("period,starts_on,patient_information,access,", 0), 0u);
    EXPECT_NE(csv->body.find(",total\r\n"), std::string::npos);
}

TEST_F(PartnershipAuditsHttpTest, ImpactByKindRefusesAnUnknownPeriodOrKindNamingIt) {
    auto b = SignedIn("member");
    EXPECT_TRUE(
        IsErrorPage(b->Get(GroupPath("/impacts/by-kind?period=month")), 422, "period: 'month' is not year or quarter"));
    EXPECT_TRUE(
        IsErrorPage(b->Get(GroupPath("/impacts/by-kind?kind=gossip")), 422, "kind: 'gossip' is not a kind of impact"));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/impacts/by-kind.csv?period=decade")), 422,
                            "period: 'decade' is not year or quarter"));
}

TEST_F(PartnershipAuditsHttpTest, ViewsOfTheLogAreForTheGroupAnalystsAndAdminsOnly) {
    const std::vector<std::string> paths = {"/influence",       "/influence.csv",   "/involvement",
                                            "/involvement.csv", "/impacts/by-kind", "/impacts/by-kind.csv"};
    auto outsider = SignedIn("outsider");
    auto admin = SignedIn("admin");
    Browser visitor(server_->port());
    for (const auto& p : paths) {
        EXPECT_TRUE(IsErrorPage(outsider->Get(GroupPath(p)), 403, kOnlyReaders)) << p;
        EXPECT_TRUE(IsSentToSignIn(visitor.Get(GroupPath(p)))) << p;
        EXPECT_EQ(admin->Get(GroupPath(p))->status, 200) << p;
    }
    EXPECT_TRUE(IsErrorPage(admin->Get("/groups/999999/influence"), 404, "no partnership group has the id 999999"));
}

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

    auto form = b->Get(location);
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "rating-W3-fail"));
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

// ---------------------------------------------------------------- buddy improvement plans

TEST_F(PartnershipAuditsHttpTest, MemberOfAGroupWorkingWithTheMenteeReadsTheDemoPlanButCannotChangeIt) {
    auto b = SignedIn("member");
    auto list = b->Get("/buddy-plans");
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(Occurrences(list->body, "cv-plan-row"), 1u);
    EXPECT_TRUE(Contains(list->body, PlanPath()));
    EXPECT_FALSE(Contains(list->body, "/buddy-plans/new"));
    auto plan = b->Get(PlanPath());
    ASSERT_EQ(plan->status, 200);
    EXPECT_EQ(Occurrences(plan->body, "cv-plan-action"), 3u);
    EXPECT_EQ(Occurrences(plan->body, "cv-evaluation-row"), 4u);
    EXPECT_TRUE(Contains(plan->body, "2019-02-01 to 2019-07-31"));
    EXPECT_TRUE(Contains(plan->body, "No published results for either year"));
    EXPECT_FALSE(Contains(plan->body, "Add the action"));
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    auto r = b->PostForm(
        PlanPath("/actions"),
        {{"csrf_token", b->CsrfFrom(PlanPath())}, {"description", "Visit the mentor"}, {"owner", "Lead nurse"}});
    EXPECT_TRUE(IsErrorPage(r, 403, kOnlyPlanManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before);
    EXPECT_TRUE(IsErrorPage(b->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
}

TEST_F(PartnershipAuditsHttpTest, UsersOutsideTheAttachedGroupsSeeNoPlan) {
    auto outsider = SignedIn("outsider");
    auto list = outsider->Get("/buddy-plans");
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(Occurrences(list->body, "cv-plan-row"), 0u);
    EXPECT_TRUE(IsErrorPage(outsider->Get(PlanPath()), 403, kOnlyPlanReaders));
    EXPECT_TRUE(IsErrorPage(outsider->Get(PlanPath("/evaluation.csv")), 403, kOnlyPlanReaders));
    EXPECT_TRUE(IsErrorPage(outsider->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
    Browser visitor(server_->port());
    EXPECT_TRUE(IsSentToSignIn(visitor.Get("/buddy-plans")));
    EXPECT_TRUE(IsSentToSignIn(visitor.Get(PlanPath())));
    auto analyst = SignedIn("analyst");
    EXPECT_TRUE(IsErrorPage(analyst->Get("/buddy-plans/999999"), 404, "no buddy plan has the id 999999"));
}

TEST_F(PartnershipAuditsHttpTest, FacilitatorAddsAnActionAndMarksItDone) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(PlanPath())},
                            {"description", "Patients' panel reviews the new leaflet"},
                            {"owner", "Partnership group, RD8"}};
    AddDate(form, "due_on", *CivilDate::FromYmd(2019, 6, 30));
    auto r = b->PostForm(PlanPath("/actions"), form);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before + 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE due_on = '2019-06-30' AND status = 'open'"), 1);
    EXPECT_EQ(CountAudit("buddy_plan.action_add"), 1);

    const std::int64_t action = Count("SELECT id FROM buddy_plan_actions WHERE due_on = '2019-06-30'");
    auto done = b->PostForm(PlanPath("/actions/" + std::to_string(action)),
                            {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "done"}});
    ASSERT_EQ(done->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE description = 'Patients'' panel reviews the new "
                    "leaflet' AND status = 'done'"),
              1);
    EXPECT_EQ(CountAudit("buddy_plan.action_status"), 1);
    auto bad = b->PostForm(PlanPath("/actions/999999"), {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "done"}});
    EXPECT_TRUE(IsErrorPage(bad, 404, "this plan has no such action"));
}

TEST_F(PartnershipAuditsHttpTest, AnActionWithoutDescriptionOrAnUnknownStatusIs422AndWritesNothing) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(PlanPath())}, {"description", " "}, {"owner", ""}};
    form.emplace("due_on-day", "40");
    form.emplace("due_on-month", "1");
    form.emplace("due_on-year", "2019");
    auto r = b->PostForm(PlanPath("/actions"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "description"));
    EXPECT_TRUE(HasFieldError(r, "owner"));
    EXPECT_TRUE(HasFieldError(r, "due_on-day"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before);
    const std::int64_t action = Count("SELECT MIN(id) FROM buddy_plan_actions");
    auto status = b->PostForm(PlanPath("/actions/" + std::to_string(action)),
                              {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "finished"}});
    EXPECT_TRUE(
        HasFieldError(status, "status-" + std::to_string(action), "Choose open, done or dropped for the action"));
    EXPECT_EQ(CountAudit("buddy_plan.action_add") + CountAudit("buddy_plan.action_status"), 0);
}

TEST_F(PartnershipAuditsHttpTest, AnalystStartsAPlanAndItsEvaluationTestsTheChangeWithoutShowingSmallNumbers) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    AddResult("RD8", 2016, "Q17", 80.0, 300);
    AddResult("RD8", 2017, "Q17", 90.0, 320);
    AddResult("RD8", 2016, "Q14", 77.7, 15);  // too few respondents: never shown
    AddResult("RD8", 2017, "Q14", 66.6, 250);
    AddResult("RD8", 2016, "Q59", 8.81, 300);
    AddResult("RD8", 2017, "Q59", 8.93, 310);

    auto b = SignedIn("analyst");
    auto form = b->Get("/buddy-plans/new?year=2016&mentor=rr7&mentee=RD8");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "value=\"RR7\""));
    EXPECT_TRUE(Contains(form->body, "id=\"starts_on-day\""));
    httplib::Params post = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "rd8"},
                            {"pair_year", "2016"},
                            {"questions", "Q17, q14 Q59"},
                            {"summary", "Named nurse for everyone"}};
    const auto window = partnership::DefaultBuddyPlanWindow(2016);
    AddDate(post, "starts_on", window.starts_on);
    AddDate(post, "ends_on", window.ends_on);
    auto r = b->PostForm("/buddy-plans", post);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(CountAudit("buddy_plan.create"), 1);
    const std::string location = r->get_header_value("Location");
    auto plan = b->Get(location);
    ASSERT_EQ(plan->status, 200);
    EXPECT_TRUE(Contains(plan->body, "Milton Keynes University Hospital NHS Foundation Trust"));
    EXPECT_EQ(Occurrences(plan->body, "cv-evaluation-row"), 3u);
    EXPECT_TRUE(Contains(plan->body, "<strong>Improved</strong>"));  // Q17: 80% of 300 to 90% of 320
    EXPECT_TRUE(Contains(plan->body, "fewer than 21 respondents"));
    EXPECT_FALSE(Contains(plan->body, "77.7"));  // Q14 in 2016: suppressed, so Q14 is not evaluated
    EXPECT_TRUE(Contains(plan->body, "66.6%"));  // its 2017 figure had enough respondents
    EXPECT_TRUE(Contains(plan->body, "not a percentage"));

    auto csv = b->Get(location + "/evaluation.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("mentee,mentor,question,before_year,before_score,before_n,after_year,", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), 4u);
    EXPECT_NE(csv->body.find("RD8,RR7,Q17,2016,80.00,300,2017,90.00,320,improved,"), std::string::npos);
    EXPECT_EQ(csv->body.find("77.7"), std::string::npos);

    EXPECT_TRUE(
        IsErrorPage(b->Get(location + "?after=2015"), 422, "after: '2015' is not a published year after the pair's"));
    EXPECT_EQ(b->Get(location + "?after=2017")->status, 200);

    // The pair has its plan now.
    auto again = b->PostForm("/buddy-plans", post);
    EXPECT_TRUE(HasFieldError(again, "mentee_code", "This pair already has a plan for 2016", 409));
}

TEST_F(PartnershipAuditsHttpTest, StartingAPlanWithBadFieldsIs422NamingEachAndWritesNothing) {
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    auto b = SignedIn("analyst");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plans");
    httplib::Params post = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "ZZZ9"},
                            {"pair_year", "twenty"},
                            {"questions", "Q17, where"}};
    AddDate(post, "starts_on", *CivilDate::FromYmd(2019, 7, 31));
    AddDate(post, "ends_on", *CivilDate::FromYmd(2019, 2, 1));
    auto r = b->PostForm("/buddy-plans", post);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "mentee_code"));
    EXPECT_TRUE(HasFieldError(r, "pair_year"));
    EXPECT_TRUE(HasFieldError(r, "ends_on-day"));
    EXPECT_TRUE(HasFieldError(r, "questions"));
    EXPECT_TRUE(Contains(r->body, "WHERE"));  // the bad question is named
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
    EXPECT_EQ(CountAudit("buddy_plan.create"), 0);

    httplib::Params same = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "RR7"},
                            {"pair_year", "2018"},
                            {"questions", ""}};
    auto r2 = b->PostForm("/buddy-plans", same);
    EXPECT_EQ(r2->status, 422);
    EXPECT_TRUE(Contains(r2->body, "cannot mentor itself"));
    EXPECT_TRUE(HasFieldError(r2, "starts_on-day"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
}

TEST_F(PartnershipAuditsHttpTest, FacilitatorStartsPlansOnlyForOrganisationsTheirGroupWorksWith) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    AddOrganisation("RX1", "Nottingham University Hospitals NHS Trust");
    AddOrganisation("RTH", "Oxford University Hospitals NHS Foundation Trust");
    auto plan = [&](Browser& b, const std::string& mentor, const std::string& mentee) {
        httplib::Params post = {{"csrf_token", b.CsrfFrom("/buddy-plans")},
                                {"mentor_code", mentor},
                                {"mentee_code", mentee},
                                {"pair_year", "2017"},
                                {"questions", "Q17"}};
        const auto window = partnership::DefaultBuddyPlanWindow(2017);
        AddDate(post, "starts_on", window.starts_on);
        AddDate(post, "ends_on", window.ends_on);
        return b.PostForm("/buddy-plans", post);
    };
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plans");
    auto facilitator = SignedIn("facilitator");
    auto form = facilitator->Get("/buddy-plans/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "RD8"));  // the organisations the demo group works with
    EXPECT_TRUE(IsErrorPage(plan(*facilitator, "RX1", "RTH"), 403, kOnlyPlanManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
    EXPECT_EQ(plan(*facilitator, "RR7", "RD8")->status, 303);  // a new year for the demo pair
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before + 1);
    // A facilitator of no group cannot start any plan.
    auto lone = SignedIn("lonefacilitator");
    EXPECT_TRUE(IsErrorPage(lone->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
    EXPECT_TRUE(IsErrorPage(plan(*lone, "RR7", "RD8"), 403, kOnlyPlanManagers));
}

TEST_F(PartnershipAuditsHttpTest, BuddyPlanFormsRefuseAPostWithoutTheCsrfToken) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    auto b = SignedIn("admin");
    const std::int64_t plans = Count("SELECT COUNT(*) FROM buddy_plans");
    const std::int64_t actions = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params post = {
        {"mentor_code", "RR7"}, {"mentee_code", "RD8"}, {"pair_year", "2016"}, {"questions", "Q17"}};
    const auto window = partnership::DefaultBuddyPlanWindow(2016);
    AddDate(post, "starts_on", window.starts_on);
    AddDate(post, "ends_on", window.ends_on);
    EXPECT_TRUE(IsErrorPage(b->PostForm("/buddy-plans", post), 403, kCsrfRefused));
    EXPECT_TRUE(IsErrorPage(b->PostForm(PlanPath("/actions"), {{"description", "Visit"}, {"owner", "Nurse"}}), 403,
                            kCsrfRefused));
    const std::int64_t action = Count("SELECT MIN(id) FROM buddy_plan_actions WHERE status = 'open'");
    EXPECT_TRUE(IsErrorPage(
        b->PostForm(PlanPath("/actions/" + std::to_string(action)), {{"csrf_token", "x"}, {"status", "done"}}), 403,
        kCsrfRefused));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), plans);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), actions);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE status = 'open' AND id = " + std::to_string(action)),
              1);
}

}  // namespace
}  // namespace carevoice::web::testing
