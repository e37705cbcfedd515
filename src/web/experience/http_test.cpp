// HTTP behaviour of national benchmarking (issue 3) on the real server: pages, downloads and the JSON
// API over a small extract of the published 2018 results (13 trusts, their alliance, the adjusted results
// of every alliance, and one made-up trust whose Q1 result comes from 15 respondents). The upload page has
// a test file of its own (import_http_test.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/experience/http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

TEST_F(ExperienceHttpTest, FixtureHasEnoughRatedTrusts) { EXPECT_EQ(TheFixture().rated_q1, 13); }

TEST_F(ExperienceHttpTest, LandingKeepsTheEmptyStateUntilResultsAreImported) {
    TestServer server;
    Browser b(server.port());
    auto before = b.Get("/experience");
    ASSERT_EQ(before->status, 200);
    EXPECT_NE(before->body.find("No survey results have been imported yet"), std::string::npos);
    Import(server, TheFixture().results);
    auto after = b.Get("/experience");
    ASSERT_EQ(after->status, 200);
    EXPECT_EQ(after->body.find("No survey results have been imported yet"), std::string::npos);
    EXPECT_NE(after->body.find("Find a trust, CCG or cancer alliance"), std::string::npos);
    EXPECT_NE(after->body.find("/experience/overview?year=2018"), std::string::npos);
    EXPECT_NE(after->body.find("/experience/buddy?year=2018"), std::string::npos);
}

TEST_F(ExperienceHttpTest, TheHomePageSaysWhichSurveyYearsAreLoadedAndHowToGetAnAccount) {
    TestServer server;
    Browser b(server.port());
    auto before = b.Get("/");
    ASSERT_EQ(before->status, 200);
    EXPECT_EQ(before->body.find("results loaded"), std::string::npos);  // nothing imported: nothing said
    EXPECT_NE(before->body.find("To get an account, ask the carevoice administrator"), std::string::npos);
    Import(server, TheFixture().results);  // 2018 adjusted; year-on-year trends for 2017 and 2018
    auto after = b.Get("/");
    ASSERT_EQ(after->status, 200);
    EXPECT_NE(after->body.find("National Cancer Patient Experience Survey results loaded: 2018 with case-mix adjusted "
                               "ratings; 2017 with the published scores and trends only."),
              std::string::npos)
        << after->body;
}

TEST_F(ExperienceHttpTest, SearchFindsATrustByNameOrCode) {
    for (const char* q : {"torbay", "RA9"}) {
        auto r = Get(std::string("/experience/organisations?q=") + q);
        ASSERT_EQ(r->status, 200) << q;
        EXPECT_NE(r->body.find("href=\"/experience/organisations/RA9\""), std::string::npos) << q;
        EXPECT_NE(r->body.find("Torbay and South Devon NHS Foundation Trust"), std::string::npos) << q;
    }
}

TEST_F(ExperienceHttpTest, ProfileShowsAPublishedScoreWithItsRating) {
    auto r = Get("/experience/organisations/RA9?year=2018");
    ASSERT_EQ(r->status, 200) << r->body;
    const std::string q8 = RowOf(r->body, "Q8");
    EXPECT_NE(q8.find(">414<"), std::string::npos) << q8;
    EXPECT_NE(q8.find(">83%<"), std::string::npos) << q8;
    EXPECT_NE(q8.find("Above expected"), std::string::npos) << q8;
    EXPECT_NE(r->body.find("Seeing your GP"), std::string::npos);  // grouped by questionnaire section
    EXPECT_EQ(r->body.find("style=\""), std::string::npos);
}

// Every year of the survey can be chosen (issue 10, item 5): a year with published scores and trends only
// shows them as NHS England published them, unadjusted, and says there are no adjusted ratings.
TEST_F(ExperienceHttpTest, AYearOfPublishedScoresOnlyShowsThemAndSaysThereAreNoAdjustedRatings) {
    auto latest = Get("/experience/organisations/RA9?year=2018");
    EXPECT_TRUE(Contains(latest->body, "2017 (scores and trends only)</a>"));
    EXPECT_TRUE(Contains(latest->body, "Score (case-mix adjusted)"));
    auto r = Get("/experience/organisations/RA9?year=2017");
    ASSERT_EQ(r->status, 200) << r->body.substr(0, 600);
    EXPECT_TRUE(Contains(r->body, "There are no case-mix adjusted ratings for 2017"));
    EXPECT_TRUE(Contains(r->body, "Score (unadjusted, as published)"));
    // Q38 in 2017: 93% of 242 (the fixture's year-on-year row, as the file has it).
    const std::string q38 = RowOf(r->body, "Q38");
    EXPECT_TRUE(Contains(q38, ">242</td>")) << q38;
    EXPECT_TRUE(Contains(q38, ">93%</td>")) << q38;
    EXPECT_TRUE(Contains(q38, "No case-mix adjusted rating for 2017")) << q38;
    EXPECT_FALSE(Contains(r->body, "nhsuk-error-summary"));
    auto csv = Get("/experience/organisations/RA9/profile.csv?year=2017");
    ASSERT_EQ(csv->status, 200);
    EXPECT_TRUE(Contains(csv->body, "the score is unadjusted"));
}

TEST_F(ExperienceHttpTest, ProfileFlagsOnlyChangesATwoProportionTestFindsReal) {
    auto r = Get("/experience/organisations/RA9?year=2018");
    ASSERT_EQ(r->status, 200);
    // Q38: 93% of 242 in 2017, 85% of 178 in 2018: z = -2.64, p = 0.008 (computed by hand).
    const std::string q38 = RowOf(r->body, "Q38");
    EXPECT_NE(q38.find("93% to 85%"), std::string::npos) << q38;
    EXPECT_NE(q38.find("Significant decrease"), std::string::npos) << q38;
    EXPECT_NE(q38.find("Published flag: Down"), std::string::npos) << q38;
    // Q1: 78% of 405, then 79% of 327: no real change.
    const std::string q1 = RowOf(r->body, "Q1");
    EXPECT_NE(q1.find("78% to 79%"), std::string::npos) << q1;
    EXPECT_NE(q1.find("No significant change"), std::string::npos) << q1;
    EXPECT_NE(q1.find("Published flag: Unchanged"), std::string::npos) << q1;
}

TEST_F(ExperienceHttpTest, ProfileSortsAndFiltersByLinks) {
    auto below = Get("/experience/organisations/RWH?year=2018&rating=below&sort=score");
    ASSERT_EQ(below->status, 200);
    EXPECT_EQ(below->body.find("Above expected</strong>"), std::string::npos);
    EXPECT_EQ(below->body.find("Within expected</strong>"), std::string::npos);
    EXPECT_NE(below->body.find("Below expected</strong>"), std::string::npos);
    EXPECT_TRUE(IsErrorPage(Get("/experience/organisations/RWH?sort=sideways"), 422,
                            "sort: 'sideways' is not one of questionnaire"));
}

TEST_F(ExperienceHttpTest, SuppressedFiguresNeverAppearOnPagesOrDownloads) {
    auto page = Get("/experience/organisations/ZZ1?year=2018");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(RowOf(page->body, "Q1").find("Fewer than 21 respondents: not shown"), std::string::npos);
    EXPECT_EQ(page->body.find(std::string(kSuppressedScore) + "%"), std::string::npos);
    auto group = Get("/experience/organisations/ZZ1?year=2018&group=Breast");
    ASSERT_EQ(group->status, 200);
    EXPECT_NE(group->body.find("Fewer than 21: not shown"), std::string::npos);
    EXPECT_EQ(group->body.find(std::string(kSuppressedGroupScore) + "%"), std::string::npos);

    auto profile_csv = ParseCsv(Get("/experience/organisations/ZZ1/profile.csv?year=2018")->body);
    ASSERT_GT(profile_csv.size(), 1u);
    for (const auto& row : profile_csv) {
        if (row[5] != "Q1") continue;
        EXPECT_EQ(row[7], "");  // n
        EXPECT_EQ(row[8], "");  // score
    }
    auto groups_csv = Get("/experience/organisations/ZZ1/tumour-groups.csv?year=2018");
    ASSERT_EQ(groups_csv->status, 200);
    for (const auto& row : ParseCsv(groups_csv->body)) {
        EXPECT_NE(row[5], "15");
        EXPECT_NE(row[6], kSuppressedGroupScore);
    }
    auto sheets = Unzip(Get("/experience/organisations/ZZ1/profile.xlsx?year=2018")->body);
    ASSERT_TRUE(sheets.contains("xl/worksheets/sheet1.xml"));
    EXPECT_TRUE(HasNumberCell(sheets["xl/worksheets/sheet1.xml"], "453"));  // Q2's n is there
    for (const auto& [name, xml] : sheets) {
        EXPECT_FALSE(HasNumberCell(xml, kSuppressedScore)) << name;
        EXPECT_FALSE(HasNumberCell(xml, kSuppressedGroupScore)) << name;
        EXPECT_FALSE(HasNumberCell(xml, "15")) << name;
    }
    auto funnel = ParseCsv(Get("/experience/funnel.csv?year=2018&question=Q1")->body);
    for (const auto& row : funnel) EXPECT_NE(row[0], kMadeUp);
}

TEST_F(ExperienceHttpTest, SuppressedFiguresNeverAppearInTheApi) {
    // No n below the threshold anywhere, and no suppressed score.
    const std::regex small_n(R"("n":([0-9]|1[0-9]|20)[,}])");
    for (const char* path : {"/api/v1/organisations/ZZ1/results?year=2018", "/api/v1/ratings?year=2018",
                             "/api/v1/funnel?year=2018&question=Q1", "/api/v1/organisations/RA9/results"}) {
        auto r = Get(path);
        ASSERT_EQ(r->status, 200) << path << r->body;
        EXPECT_FALSE(std::regex_search(r->body, small_n)) << path;
        EXPECT_EQ(r->body.find(std::string("\"score\":") + kSuppressedScore), std::string::npos) << path;
        EXPECT_EQ(r->body.find(std::string("\"score\":") + kSuppressedGroupScore), std::string::npos) << path;
    }
    auto profile = nlohmann::json::parse(Get("/api/v1/organisations/ZZ1/results")->body);
    for (const auto& q : profile["questions"]) {
        if (q["question"] != "Q1") continue;
        EXPECT_FALSE(q["shown"].get<bool>());
        EXPECT_FALSE(q.contains("n"));
        EXPECT_FALSE(q.contains("score"));
    }
}

TEST_F(ExperienceHttpTest, TumourGroupScoresPublishedWithoutTheirNAreShownSoLabelled) {
    auto r = Get("/experience/organisations/ZZ1?group=Breast");
    ASSERT_EQ(r->status, 200);
    const auto q5 = r->body.find("<th scope=\"row\" class=\"nhsuk-table__cell\">Q5</th>");
    ASSERT_NE(q5, std::string::npos);
    EXPECT_NE(r->body.substr(q5, 200).find("n not published"), std::string::npos);
}

// CCG and alliance limits are published rounded to whole percentages, so they cannot carry the precision
// a trust's Wilson interval does; the alliance is rated on its published score with an interval carevoice
// computes. Published: Q20 93% of 2,875, expected 83–90, above; Q1 77% of 2,654, expected 76–79, within.
TEST_F(ExperienceHttpTest, AllianceProfileIsRatedDespiteRoundedLimits) {
    auto r = Get(std::string("/experience/organisations/") + kPeninsula + "?year=2018");
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->body.find("No ratings"), std::string::npos);
    EXPECT_EQ(r->body.find("cannot be rated"), std::string::npos);
    const std::string q20 = RowOf(r->body, "Q20");
    EXPECT_NE(q20.find(">93%<"), std::string::npos) << q20;
    EXPECT_NE(q20.find("Above expected"), std::string::npos) << q20;
    const std::string q1 = RowOf(r->body, "Q1");
    EXPECT_NE(q1.find("Within expected"), std::string::npos) << q1;
    auto api = Get("/api/v1/ratings?year=2018&level=alliance");
    ASSERT_EQ(api->status, 200) << api->body;
}

// Peninsula's Q2: published 85%, expected 82–85, within. The published score equals the published upper limit,
// so the rounded figures cannot say which side of the limit the unrounded score fell: shown as borderline.
TEST_F(ExperienceHttpTest, AllianceScoreOnAPublishedLimitIsBorderline) {
    auto api = Get("/api/v1/ratings?year=2018&level=alliance&question=Q2");
    ASSERT_EQ(api->status, 200) << api->body;
    auto ratings = nlohmann::json::parse(api->body);
    EXPECT_EQ(ratings["questions"]["Q2"]["parameters"], "fitted");
    bool seen = false;
    for (const auto& r : ratings["ratings"]) {
        if (r["code"] != kPeninsula) continue;
        seen = true;
        EXPECT_EQ(r["score"], 85);
        EXPECT_TRUE(r["borderline"].get<bool>());
        EXPECT_EQ(r["borderline_side"], "upper");
        EXPECT_NEAR(r["borderline_limit"].get<double>(), 85, 0.5);
    }
    EXPECT_TRUE(seen);
    auto page = Get(std::string("/experience/organisations/") + kPeninsula + "?year=2018");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(RowOf(page->body, "Q2").find("Borderline"), std::string::npos) << RowOf(page->body, "Q2");
    EXPECT_EQ(RowOf(page->body, "Q20").find("Borderline"), std::string::npos) << "93% against 83–90 is clear";
}

// Published for Peninsula, 2018, All Cancers, unadjusted: Q1 Female 79, Male 76, most deprived fifth 75,
// least deprived 79 (a gap of -4 points); none with n. Trusts have no such splits.
TEST_F(ExperienceHttpTest, AllianceProfileShowsScoresBySexAndDeprivation) {
    auto r = Get(std::string("/experience/organisations/") + kPeninsula + "?year=2018");
    ASSERT_EQ(r->status, 200);
    const auto at = r->body.find("id=\"sex-and-deprivation\"");
    ASSERT_NE(at, std::string::npos);
    const std::string section = r->body.substr(at);
    const auto q1 = section.find(">Q1</abbr>");
    ASSERT_NE(q1, std::string::npos);
    const std::string row = section.substr(q1, section.find("</tr>", q1) - q1);
    EXPECT_TRUE(HasTableRow(r->body, "Scores by sex and by deprivation fifth", {"Q1", "79%", "76%", "75%"}));
    EXPECT_NE(row.find("-4 points"), std::string::npos) << row;
    auto api = Get(std::string("/api/v1/organisations/") + kPeninsula + "/results?year=2018");
    ASSERT_EQ(api->status, 200);
    const auto splits = nlohmann::json::parse(api->body)["splits"];
    ASSERT_EQ(splits.size(), 52u * 7u);
    EXPECT_TRUE(splits[0]["n"].is_null());
    auto trust = Get(std::string("/experience/organisations/") + kTorbay + "?year=2018");
    EXPECT_EQ(trust->body.find("sex-and-deprivation"), std::string::npos);
}

TEST_F(ExperienceHttpTest, AllianceProfileHasItsTumourGroups) {
    auto r = Get(std::string("/experience/organisations/") + kPeninsula + "?group=Breast");
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("Peninsula"), std::string::npos);
    EXPECT_NE(r->body.find("<h3>Breast</h3>"), std::string::npos);
}

TEST_F(ExperienceHttpTest, FunnelPlotIsAnAccessibleSvgWithOnePointPerRatedTrust) {
    auto r = Get("/experience/funnel?year=2018&question=Q1&highlight=RA9&level=trust");
    ASSERT_EQ(r->status, 200) << r->body;
    const std::string& html = r->body;
    EXPECT_NE(html.find("role=\"img\" aria-labelledby=\"funnel-Q1-title funnel-Q1-desc\""), std::string::npos);
    EXPECT_NE(html.find("<title id=\"funnel-Q1-title\">"), std::string::npos);
    EXPECT_NE(html.find("<desc id=\"funnel-Q1-desc\">"), std::string::npos);
    EXPECT_NE(html.find("Number of respondents"), std::string::npos);
    EXPECT_NE(html.find("Highlighted: Torbay and South Devon NHS Foundation Trust (RA9)"), std::string::npos);
    // Every plotted point carries its own <title>; the legend's markers do not.
    EXPECT_EQ(Occurrences(html, "<g><title>"), static_cast<std::size_t>(TheFixture().rated_q1));
    EXPECT_EQ(Occurrences(html, "cv-point--highlight"), 1u);
    EXPECT_EQ(Occurrences(html, "class=\"cv-funnel__limit998\""), 2u + 1u);  // two curves and the legend
    EXPECT_NE(html.find("parameters published by NHS England for 2018"), std::string::npos);
    // The same numbers as a table beside it.
    EXPECT_EQ(Occurrences(html, "<th scope=\"row\" class=\"nhsuk-table__cell\"><a href=\"/experience/organisations/"),
              static_cast<std::size_t>(TheFixture().rated_q1));
    EXPECT_EQ(html.find("style=\""), std::string::npos);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
}

TEST_F(ExperienceHttpTest, FunnelCsvHasOneRowPerRatedTrust) {
    auto r = Get("/experience/funnel.csv?year=2018&question=Q1");
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    auto rows = ParseCsv(r->body);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"code", "name", "alliance", "question", "n", "score",
                                                 "unrounded_score", "rating", "expected_lower", "expected_upper",
                                                 "limit998_lower", "limit998_upper", "parameters"}));
    EXPECT_EQ(rows.size(), static_cast<std::size_t>(TheFixture().rated_q1) + 1);
}

TEST_F(ExperienceHttpTest, BuddyPageListsPairsWithTheirReasons) {
    auto r = Get("/experience/buddy?year=2018&max_mentees=2&min_below=3&same_alliance_bonus=0");
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("Questions covered"), std::string::npos);
    EXPECT_NE(r->body.find("East and North Hertfordshire NHS Trust"), std::string::npos);  // 42 below in 2018
    auto csv_rows = ParseCsv(Get("/experience/buddy.csv?year=2018")->body);
    ASSERT_GT(csv_rows.size(), 1u);
    EXPECT_EQ(csv_rows[1][0], "pair");
    auto api = nlohmann::json::parse(Get("/api/v1/buddy?year=2018")->body);
    EXPECT_EQ(api["pairs"].size() + 0, csv_rows.size() - 1 - api["unmatched"].size());
    EXPECT_TRUE(IsErrorPage(Get("/experience/buddy?max_mentees=0"), 422,
                            "max_mentees: '0' is not a whole number from 1 to 50"));
}

// A trust finds its own pair at once, from a search or from its profile; each pair can start a plan; and the
// advantage is given per question on that question's scale (issue 10, item 5).
TEST_F(ExperienceHttpTest, ATrustFindsItsPairAndStartsAPlanFromIt) {
    auto api = nlohmann::json::parse(Get("/api/v1/buddy?year=2018")->body);
    ASSERT_FALSE(api["pairs"].empty());
    const auto& pair = api["pairs"][0];
    const std::string mentee = pair["mentee"]["code"], mentor = pair["mentor"]["code"];
    auto profile = Get("/experience/organisations/" + mentee + "?year=2018");
    const std::string buddy_link = "/experience/buddy?year=2018&amp;trust=" + mentee + "#your-pair";
    ASSERT_TRUE(Contains(profile->body, buddy_link)) << mentee;
    auto r = Get("/experience/buddy?year=2018&trust=" + mentee);
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "id=\"your-pair\""));
    EXPECT_TRUE(Contains(r->body, "(mentee) is paired with"));
    EXPECT_TRUE(Contains(r->body, "/buddy-plans/new?year=2018&amp;mentor=" + mentor + "&amp;mentee=" + mentee));
    EXPECT_TRUE(Contains(r->body, "Start an improvement plan for this pair"));
    // The first covered question's advantage, worked from the API's scores, in points.
    const auto& first = pair["covered"][0];
    const std::string question = first["question"];
    if (question != "Q59") {
        const long points = std::lround(first["mentor_score"].get<double>() - first["mentee_score"].get<double>());
        EXPECT_TRUE(Contains(r->body, "(+" + std::to_string(points) + (points == 1 ? " point)" : " points)")))
            << question;
    }
    EXPECT_FALSE(Contains(r->body, "percentage points;"));  // no total summed across scales
    // A name works too, and something that is no trust says so.
    EXPECT_TRUE(Contains(Get("/experience/buddy?year=2018&trust=zzzz-nothing")->body, "No trust rated in 2018"));
}

TEST_F(ExperienceHttpTest, OverviewFiltersByAllianceAndQuestionPageListsBestAndWorst) {
    auto all = Get("/experience/overview?year=2018");
    ASSERT_EQ(all->status, 200);
    EXPECT_NE(all->body.find("East and North Hertfordshire NHS Trust"), std::string::npos);
    auto peninsula = Get(std::string("/experience/overview?year=2018&alliance=") + kPeninsula);
    ASSERT_EQ(peninsula->status, 200);
    EXPECT_NE(peninsula->body.find("Torbay and South Devon"), std::string::npos);
    EXPECT_EQ(peninsula->body.find("East and North Hertfordshire NHS Trust"), std::string::npos);
    // An unknown alliance shows the national overview, saying why.
    auto nope = Get("/experience/overview?alliance=NOPE");
    EXPECT_TRUE(HasFieldError(nope, "", "'NOPE' is not the code of a cancer alliance", 200));
    EXPECT_TRUE(Contains(nope->body, "National overview"));
    auto q8 = Get("/experience/questions/Q8?year=2018");
    ASSERT_EQ(q8->status, 200);
    const auto above = q8->body.find("Rated above expected</h2>");
    const auto below = q8->body.find("Rated below expected</h2>");
    const auto torbay = q8->body.find("Torbay and South Devon");
    EXPECT_TRUE(above < torbay && torbay < below);
    EXPECT_TRUE(IsErrorPage(Get("/experience/questions/Q999"), 404, "Q999 is not a question rated in 2018"));
}

TEST_F(ExperienceHttpTest, XlsxDownloadIsAWorkbookWithTextNeverFormulas) {
    auto r = Get("/experience/organisations/ZZ1/profile.xlsx?year=2018");
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->body.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    auto files = Unzip(r->body);
    ASSERT_TRUE(files.contains("xl/worksheets/sheet2.xml"));  // the tumour groups
    EXPECT_NE(files["xl/sharedStrings.xml"].find(kMadeUpName), std::string::npos);
    for (const auto& [name, xml] : files) EXPECT_EQ(xml.find("<f>"), std::string::npos) << name;
    // The CSV guards the same name against spreadsheet formula injection.
    EXPECT_NE(Get("/experience/organisations/ZZ1/profile.csv")->body.find("'=2+3 Test Trust"), std::string::npos);
}

TEST_F(ExperienceHttpTest, UnknownOrganisationIsNotFound) {
    EXPECT_TRUE(IsErrorPage(Get("/experience/organisations/NOPE9"), 404, "no organisation has the code"));
    EXPECT_TRUE(IsApiError(Get("/api/v1/organisations/NOPE9/results"), 404, "not_found"));
    EXPECT_TRUE(IsApiError(Get("/api/v1/organisations/NOPE9"), 404, "not_found"));
    EXPECT_TRUE(IsErrorPage(Get("/experience/organisations/NOPE9/profile.xlsx"), 404, "no organisation has the code"));
}

// A bad value in a page's address is not a dead end (issue 10, item 6): the page shows its default in its
// place, with an error summary saying what was wrong. The API and the downloads still refuse it.
TEST_F(ExperienceHttpTest, BadQueryValuesShowThePageWithItsDefaultsAndSayWhatWasWrong) {
    auto funnel = Get("/experience/funnel?year=abc&question=Q1");
    EXPECT_TRUE(HasFieldError(funnel, "", "'abc' is not a year: give one such as 2018", 200));
    EXPECT_TRUE(Contains(funnel->body, "Funnel plot: Q1, 2018"));
    auto q999 = Get("/experience/funnel?year=2018&question=Q999");
    EXPECT_TRUE(HasFieldError(q999, "", "'Q999' is not a question rated in 2018", 200));
    EXPECT_TRUE(Contains(q999->body, "Funnel plot: Q1, 2018"));  // the questionnaire's first
    auto no_question = Get("/experience/funnel");
    ASSERT_EQ(no_question->status, 200);
    EXPECT_TRUE(Contains(no_question->body, "Funnel plot: Q1, 2018"));
    EXPECT_FALSE(Contains(no_question->body, "nhsuk-error-summary"));
    EXPECT_TRUE(
        HasFieldError(Get("/experience/funnel?highlight=ZZZ9"), "", "no organisation has the code 'ZZZ9'", 200));
    EXPECT_TRUE(HasFieldError(Get("/experience/overview?year=2012"), "", "years with results: 2018", 200));
    EXPECT_TRUE(HasFieldError(Get("/experience/overview?level=county"), "",
                              "'county' is not one of trust, ccg, alliance", 200));
    auto profile = Get("/experience/organisations/RA9?year=soon");
    EXPECT_TRUE(HasFieldError(profile, "", "'soon' is not a year", 200));
    EXPECT_TRUE(HasFieldError(Get("/experience/buddy?year=1999"), "", "no case-mix adjusted results for 1999", 200));
    // Pages with a problem are not kept in the page cache: the same page without it has no error summary.
    EXPECT_FALSE(Contains(Get("/experience/overview")->body, "nhsuk-error-summary"));
    EXPECT_TRUE(IsErrorPage(Get("/experience/funnel.csv?year=abc&question=Q1"), 422, "'abc' is not a year"));
    auto api = Get("/api/v1/ratings?year=abc");
    EXPECT_TRUE(IsApiError(api, 422, "invalid_argument", "year"));
    EXPECT_EQ(nlohmann::json::parse(api->body)["error"]["details"][0]["problem"],
              "'abc' is not a year: give one such as 2018");
    EXPECT_TRUE(IsApiError(Get("/api/v1/funnel?year=2018&question=Q999"), 422, "invalid_argument", "question"));
}

TEST_F(ExperienceHttpTest, ApiServesOrganisationsRatingsAndFunnelData) {
    auto found = nlohmann::json::parse(Get("/api/v1/organisations?q=torbay")->body);
    ASSERT_EQ(found["organisations"].size(), 1u);
    EXPECT_EQ(found["organisations"][0]["code"], "RA9");
    auto ra9 = nlohmann::json::parse(Get("/api/v1/organisations/RA9")->body);
    EXPECT_EQ(ra9["level"], "trust");
    EXPECT_EQ(ra9["alliance"]["code"], kPeninsula);
    auto ratings = nlohmann::json::parse(Get("/api/v1/ratings?year=2018&question=Q8")->body);
    bool seen = false;
    for (const auto& r : ratings["ratings"]) {
        if (r["code"] != "RA9") continue;
        seen = true;
        EXPECT_EQ(r["n"], 414);
        EXPECT_EQ(r["score"], 83);
        EXPECT_EQ(r["rating"], "above");
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(ratings["questions"]["Q8"]["parameters"], "published");
    auto funnel = nlohmann::json::parse(Get("/api/v1/funnel?year=2018&question=Q1")->body);
    EXPECT_EQ(funnel["points"].size(), static_cast<std::size_t>(TheFixture().rated_q1));
    EXPECT_GE(funnel["curves"].size(), 2u);
    auto index = Get("/api/v1")->body;
    for (const char* path : {"/api/v1/organisations", "/api/v1/organisations/:code/results", "/api/v1/ratings",
                             "/api/v1/funnel", "/api/v1/buddy"}) {
        EXPECT_NE(index.find(std::string("\"") + path + "\""), std::string::npos) << path;
    }
}

TEST_F(ExperienceHttpTest, RatingsFollowANewImport) {
    TestServer server;
    Import(server, TheFixture().results);
    Browser b(server.port());
    EXPECT_EQ(b.Get("/experience/organisations/ZZ1")->body.find(">55%<"), std::string::npos);
    // The same file, except that ZZ1's Q1 now has enough respondents.
    std::string changed = TheFixture().results;
    const std::string from = std::string(",Q1,15,") + kSuppressedScore + ",";
    ASSERT_NE(changed.find(from), std::string::npos);
    changed.replace(changed.find(from), from.size(), ",Q1,40,55,");
    Import(server, changed);
    EXPECT_NE(RowOf(b.Get("/experience/organisations/ZZ1")->body, "Q1").find(">55%<"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::web::testing
