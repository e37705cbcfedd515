// HTTP behaviour of the views built from the impact log (issue 4, item 7) over the demo group: influence map,
// involvement matrix, impact by kind; who may read them, their CSV, and addresses that are not a period or kind.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/audits_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

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
    EXPECT_EQ(csv->body.rfind("organisation,strongest_in_period,strong,some,none,impacts,latest\r\n", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), map.size() + 1);
}

// The influence map states its rule, and a period chosen in the address narrows it; a period that is not one
// of its choices shows all impacts and says so (issue 10, items 5 and 6).
TEST_F(PartnershipAuditsHttpTest, TheInfluenceMapStatesItsRuleAndTakesAPeriod) {
    auto b = SignedIn("member");
    auto all = b->Get(GroupPath("/influence"));
    EXPECT_TRUE(Contains(all->body, "one weaker impact does not hide stronger ones"));
    auto recent = b->Get(GroupPath("/influence?period=12m"));
    ASSERT_EQ(recent->status, 200);
    const CivilDate since = partnership::AddMonths(server_->clock().Today(), -12).AddDays(1);
    EXPECT_TRUE(Contains(recent->body, "Impacts from " + since.ToLongString() + " to today."));
    EXPECT_LE(Occurrences(recent->body, "cv-influence-row"), Occurrences(all->body, "cv-influence-row"));
    auto bad = b->Get(GroupPath("/influence?period=forever"));
    EXPECT_TRUE(HasFieldError(bad, "", "The address's period was not used", 200));
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

}  // namespace
}  // namespace carevoice::web::testing
