// HTTP behaviour of a group's diversity view and annual report (issue 4: item 2's diversity view and 10's
// annual report) over the demo group: who may see them, one disclosure rule for diversity figures whatever
// the survey threshold, and the report as a page and as a valid workbook with no personal details.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/programme/programme_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---- Diversity ----

TEST_F(ProgrammeHttpTest, FacilitatorSeesExactDiversityWithMissingGroupsAndLapsedMembersAndTheViewIsAudited) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(GroupPath("/diversity"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "Seldom-heard groups missing"));
    EXPECT_TRUE(Contains(r->body, "Black, Black British"));  // 10% of the demo profile, no member
    EXPECT_TRUE(Contains(r->body, "Users and carers per professional"));
    EXPECT_TRUE(Contains(r->body, "Lara Leaver"));  // left five months ago
    EXPECT_FALSE(Contains(r->body, "Fewer than"));
    EXPECT_FALSE(Contains(r->body, "@example.org"));
    EXPECT_EQ(CountAudit("diversity.view"), 1);
}

TEST_F(ProgrammeHttpTest, AnalystSeesDiversityUnderDisclosureControlWithNoNames) {
    auto b = SignedIn("analyst");
    auto r = b->Get(GroupPath("/diversity"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "Fewer than 5"));
    EXPECT_TRUE(Contains(r->body, "show any count of fewer than 5 people"));  // the rule, stated
    EXPECT_FALSE(Contains(r->body, "Seldom-heard groups missing"));
    for (const auto& p : people_) EXPECT_FALSE(Contains(r->body, p.name)) << p.name;
    EXPECT_EQ(CountAudit("diversity.view"), 1);
}

TEST_F(ProgrammeHttpTest, GroupMemberCannotSeeTheDiversityView) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/diversity"));
    EXPECT_TRUE(
        IsErrorPage(r, 403, "Only the group's facilitators and chairs, analysts and administrators can use this page"));
    EXPECT_FALSE(Contains(r->body, "Lara Leaver"));
    EXPECT_EQ(CountAudit("diversity.view"), 0);
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/diversity/profile")), 403, kOnlyManagers));
}

TEST_F(ProgrammeHttpTest, FacilitatorEditsThePopulationProfile) {
    auto b = SignedIn("facilitator");
    auto page = b->Get(GroupPath("/diversity/profile"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "value=\"74\""));  // the demo's White share
    const std::string rows =
        "SELECT COUNT(*) FROM group_population_profile WHERE group_id = " + std::to_string(group_id_);
    const std::int64_t before = Count(rows);

    auto over = b->PostForm(GroupPath("/diversity/profile"), {{"csrf_token", b->CsrfFrom("/account")},
                                                              {"share-ethnic_group-white", "80"},
                                                              {"share-ethnic_group-asian", "30"}});
    EXPECT_EQ(over->status, 422);
    EXPECT_TRUE(Contains(over->body, "the shares add up to 110.0%, more than 100%"));
    auto bad = b->PostForm(GroupPath("/diversity/profile"),
                           {{"csrf_token", b->CsrfFrom("/account")}, {"share-sex-female", "120"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(HasFieldError(bad, "share-sex-female"));
    EXPECT_EQ(Count(rows), before);
    EXPECT_EQ(CountAudit("population_profile.update"), 0);

    auto r = b->PostForm(GroupPath("/diversity/profile"), {{"csrf_token", b->CsrfFrom("/account")},
                                                           {"share-ethnic_group-white", "70"},
                                                           {"share-ethnic_group-black", "12.5%"},
                                                           {"share-sex-female", "51"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(Count(rows), 3);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM group_population_profile WHERE category = 'black' AND expected_share = 0.125"), 1);
    EXPECT_EQ(CountAudit("population_profile.update"), 1);

    auto analyst = SignedIn("analyst");
    EXPECT_TRUE(IsErrorPage(analyst->Get(GroupPath("/diversity/profile")), 403, kOnlyManagers));
}

// ---- The annual report ----

TEST_F(ProgrammeHttpTest, AnnualReportForTheDemoGroupRendersWithEverySectionAndNoPersonalDetails) {
    std::size_t meetings_held = 0;
    {
        auto conn = server_->app().database().Acquire();
        const auto meetings = *store::MeetingsRepository(*conn).ListByGroup(group_id_);
        for (const auto& m : meetings) {
            meetings_held += m.held_on.year() == kYear ? 1 : 0;
        }
    }
    ASSERT_GT(meetings_held, 0u);
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/report?year=2026"));
    ASSERT_EQ(r->status, 200);
    for (const std::string& text : std::vector<std::string>{
             "Annual report 2026", "Members and their diversity", "Meetings held", "Work programme", "Impacts by kind",
             "Influence map", "Involvement matrix", std::to_string(meetings_held) + " meetings were held in 2026.",
             "CNS contact cards", "New patients given their CNS", "Milton Keynes University Hospital",
             "Cancer network board", "Strong influence", "Treatments and services provided to patients",
             "Care environment", "Cora Chair" /* the chair agreed to be named */, "Fewer than 5",
             "Download the report (XLSX)"}) {
        EXPECT_TRUE(Contains(r->body, text)) << text;
    }
    EXPECT_FALSE(Contains(r->body, "@example.org"));
    EXPECT_FALSE(Contains(r->body, "01632"));
    for (const auto& p : people_) {
        if (!p.consent_to_be_named) {
            EXPECT_FALSE(Contains(r->body, p.name)) << p.name;
        }
    }
    EXPECT_FALSE(Contains(r->body, " style="));
}

TEST_F(ProgrammeHttpTest, AnnualReportDownloadsAsAWorkbookWithASheetPerTable) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(GroupPath("/report.xlsx?year=2026"));
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), xlsx::kContentType);
    EXPECT_TRUE(Contains(r->get_header_value("Content-Disposition"), ".xlsx"));
    ASSERT_EQ(r->body.rfind("PK", 0), 0u);
    const auto files = Unzip(r->body);
    ASSERT_TRUE(files.contains("xl/workbook.xml"));
    const std::string& workbook = files.at("xl/workbook.xml");
    for (const char* sheet :
         {"Summary", "Members", "Officers", "Diversity", "Tumour types", "Meetings", "Priorities", "Work items",
          "Measures", "Review", "Impacts by kind", "Influence map", "Involvement matrix"}) {
        EXPECT_TRUE(Contains(workbook, "name=\"" + std::string(sheet) + "\"")) << sheet;
    }
    // The cells are the page's: the shared strings hold the demo's work item and organisations.
    ASSERT_TRUE(files.contains("xl/sharedStrings.xml"));
    const std::string& strings = files.at("xl/sharedStrings.xml");
    EXPECT_TRUE(Contains(strings, "CNS contact cards"));
    EXPECT_TRUE(Contains(strings, "Milton Keynes University Hospital"));
    EXPECT_FALSE(Contains(strings, "@example.org"));
}

TEST_F(ProgrammeHttpTest, OutsiderCannotReadTheAnnualReport) {
    auto b = SignedIn("outsider");
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/report?year=2026")), 403, kOnlyReaders));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/report.xlsx?year=2026")), 403, kOnlyReaders));
    EXPECT_TRUE(IsSentToSignIn(Browser(server_->port()).Get(GroupPath("/report"))));
}

class ProgrammeLowThresholdTest : public ProgrammeHttpTest {
  protected:
    void SetUp() override {
        StartServer([](ServerConfig& c) { c.suppression_threshold = 1; });
    }
};

// One disclosure rule for a group's diversity figures (issue 10, item 5), whatever the survey's threshold: the
// same words on the privacy page, the diversity page and the report, and the same figures on both.
TEST_F(ProgrammeLowThresholdTest, DiversityFiguresFollowTheOneRuleWhateverTheSurveyThreshold) {
    const std::string rule = "show any count of fewer than 5 people as &quot;fewer than 5&quot;";
    EXPECT_TRUE(Contains(Browser(server_->port()).Get("/privacy")->body, rule));
    auto b = SignedIn("analyst");
    auto report = b->Get(GroupPath("/report?year=2026"));
    ASSERT_EQ(report->status, 200);
    EXPECT_TRUE(Contains(report->body, rule));
    // Two of the users who answered are White (Cora and Vic), as the demo has it: fewer than 5 on both pages.
    EXPECT_TRUE(HasTableRow(report->body, "Diversity of users and carers against the population profile",
                            {"*", "White", "Fewer than 5"}));
    auto page = b->Get(GroupPath("/diversity"));
    EXPECT_TRUE(Contains(page->body, rule));
    EXPECT_TRUE(Contains(page->body, "Fewer than 5"));
    EXPECT_FALSE(Contains(page->body, "Fewer than 1<"));
}

}  // namespace
}  // namespace carevoice::web::testing
