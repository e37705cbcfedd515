// HTTP behaviour of national benchmarking (issue 3) on the real server: pages, downloads and the JSON
// API over a small extract of the published 2018 results (13 trusts, their alliance, the adjusted results
// of every alliance, and one made-up trust whose Q1 result comes from 15 respondents), and the upload page.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/csv.hpp"
#include "core/file.hpp"
#include "core/gzip_test_data.hpp"
#include "web/testing/cpes_files.hpp"
#include "web/testing/payloads.hpp"
#include "web/testing/responses.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

// The published row checked against the profile page (cpes_2015_2018_results.csv.gz):
// Trust,RA9,Torbay and South Devon NHS Foundation Trust,Peninsula,2018,adjusted,...,Q8,414,83,...,above
constexpr const char* kTorbay = "RA9";
constexpr const char* kPeninsula = "E56000014";
// Strong and weak trusts of 2018 (most questions above, most below), so that buddy matching has pairs.
const std::set<std::string> kTrusts = {"RA9", "RCD", "RTF", "RH8", "RGT", "RTD", "RPY",
                                       "RWH", "RAL", "RAP", "R1H", "RD8", "RYJ"};
// The made-up trust: a copy of RA9's 2018 rows whose Q1 (adjusted) and Breast Q2 (tumour group) come
// from 15 respondents, with scores that appear nowhere else. Its name tests formula injection.
constexpr const char* kMadeUp = "ZZ1";
constexpr const char* kMadeUpName = "=2+3 Test Trust";
constexpr const char* kSuppressedScore = "0.7";       // ZZ1 Q1, n = 15
constexpr const char* kSuppressedGroupScore = "0.3";  // ZZ1 Breast Q2, n = 15

struct Fixture : CpesFiles {
    int rated_q1 = 0;  // trusts with a 2018 adjusted Q1 score from at least 21 respondents
};

Fixture BuildFixture() {
    Fixture f;
    CpesRowFilter filter;
    filter.code_wanted = [](std::string_view code) {
        return kTrusts.contains(std::string(code)) || code.starts_with("E56");
    };
    filter.keep = [&f](const CpesColumnOf& col, std::vector<std::string>& row, std::string& extra) {
        const std::size_t level = col("level"), code = col("org_code"), name = col("org_name"), year = col("year"),
                          kind = col("kind"), group = col("tumour_group"), question = col("question"), n = col("n"),
                          score = col("score"), rating = col("rating");
        const bool alliance_code = row[code].starts_with("E56");
        const bool wanted_kind = (row[year] == "2018" && row[kind] != "yearonyear") ||
                                 (row[kind] == "yearonyear" && (row[year] == "2017" || row[year] == "2018"));
        // Peninsula's 2018 rows, and every alliance's adjusted 2018 rows: alliances are rated against each other.
        const bool wanted_org = kTrusts.contains(row[code]) || (row[code] == kPeninsula && row[year] == "2018") ||
                                (alliance_code && row[year] == "2018" && row[kind] == "adjusted");
        if (!wanted_kind || !wanted_org) return false;
        if (row[level] == "Trust" && row[kind] == "adjusted" && row[question] == "Q1" && !row[score].empty() &&
            std::stoi(row[n]) >= 21) {
            ++f.rated_q1;
        }
        if (row[code] != kTorbay || row[year] != "2018") return true;
        const bool adjusted = row[kind] == "adjusted";
        if (!adjusted && !(row[kind] == "unadjusted" && row[group] == "Breast")) return true;
        std::vector<std::string> copy = row;
        copy[code] = kMadeUp;
        copy[name] = kMadeUpName;
        if (!adjusted && copy[question] == "Q5") copy[n] = "";  // a score published without its n
        if ((adjusted && copy[question] == "Q1") || (!adjusted && copy[question] == "Q2")) {
            copy[n] = "15";
            copy[score] = adjusted ? kSuppressedScore : kSuppressedGroupScore;
            for (const char* c : {"ci_lower", "ci_upper", "expected_lower", "expected_upper"}) copy[col(c)] = "";
            copy[rating] = "";
        }
        // csv::Row guards against formula injection; the name must reach the importer as it is.
        std::string made_up = csv::Row(copy);
        const std::string guarded = "'" + std::string(kMadeUpName);
        made_up.replace(made_up.find(guarded), guarded.size(), kMadeUpName);
        extra += made_up;
        return true;
    };
    static_cast<CpesFiles&>(f) = ReadCpesFiles(filter);
    return f;
}

const Fixture& TheFixture() {
    static const Fixture f = BuildFixture();
    return f;
}

// The fixture, with other results.
void Import(TestServer& server, const std::string& results) {
    CpesFiles files = TheFixture();
    files.results = results;
    ImportCpes(server, files);
}

// The <tr> of a table row that links to question `q` (profile pages).
std::string RowOf(const std::string& html, const std::string& q) {
    const auto at = html.find(">" + q + "</a>");
    if (at == std::string::npos) return "";
    const auto start = html.rfind("<tr", at);
    return html.substr(start, html.find("</tr>", at) - start);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    csv::Reader reader(text);
    while (*reader.Next()) rows.emplace_back(reader.fields().begin(), reader.fields().end());
    return rows;
}

// Whether a worksheet has a number cell holding `value` (text cells hold an index into the shared strings
// and are marked t="s").
bool HasNumberCell(const std::string& sheet_xml, const std::string& value) {
    std::string escaped;
    for (char c : value) escaped += c == '.' ? std::string("\\.") : std::string(1, c);
    const std::regex cell("<c r=\"[A-Z]+[0-9]+\"( s=\"[0-9]+\")?><v>" + escaped + "</v></c>");
    return std::regex_search(sheet_xml, cell);
}

class ExperienceHttpTest : public ::testing::Test {
  protected:
    // One server with the fixture imported, shared by the tests that only read.
    static void SetUpTestSuite() {
        shared_ = new TestServer();
        Import(*shared_, TheFixture().results);
    }
    static void TearDownTestSuite() {
        delete shared_;
        shared_ = nullptr;
    }
    static httplib::Result Get(const std::string& path) { return Browser(shared_->port()).Get(path); }
    static std::int64_t CountResults(TestServer& server) {
        auto conn = server.app().database().Acquire();
        return conn->QueryOne("SELECT COUNT(*) FROM cpes_results")->Int(0);
    }
    static TestServer* shared_;
};

TestServer* ExperienceHttpTest::shared_ = nullptr;

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
    EXPECT_NE(row.find(">79%</td><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">76%</td><td "
                       "class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">75%<"),
              std::string::npos)
        << row;
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

TEST_F(ExperienceHttpTest, OverviewFiltersByAllianceAndQuestionPageListsBestAndWorst) {
    auto all = Get("/experience/overview?year=2018");
    ASSERT_EQ(all->status, 200);
    EXPECT_NE(all->body.find("East and North Hertfordshire NHS Trust"), std::string::npos);
    auto peninsula = Get(std::string("/experience/overview?year=2018&alliance=") + kPeninsula);
    ASSERT_EQ(peninsula->status, 200);
    EXPECT_NE(peninsula->body.find("Torbay and South Devon"), std::string::npos);
    EXPECT_EQ(peninsula->body.find("East and North Hertfordshire NHS Trust"), std::string::npos);
    EXPECT_TRUE(IsErrorPage(Get("/experience/overview?alliance=NOPE"), 422,
                            "alliance: 'NOPE' is not the code of a cancer alliance"));
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

TEST_F(ExperienceHttpTest, BadQueryValuesGetAClearMessage) {
    EXPECT_TRUE(
        IsErrorPage(Get("/experience/funnel?year=abc&question=Q1"), 422, "'abc' is not a year: give one such as 2018"));
    EXPECT_TRUE(
        IsErrorPage(Get("/experience/funnel?year=2018&question=Q999"), 422, "'Q999' is not a question rated in 2018"));
    EXPECT_TRUE(IsErrorPage(Get("/experience/overview?year=2012"), 422, "years with results: 2018"));
    EXPECT_TRUE(IsErrorPage(Get("/experience/overview?level=county"), 422,
                            "level: 'county' is not one of trust, ccg, alliance"));
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

class ExperienceUploadTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        server_->AddUser("ana", "analyst", "analyst-password-1");
        server_->AddUser("morgan", "member", "member-password-1");
    }
    std::int64_t CountResults() {
        auto conn = server_->app().database().Acquire();
        return conn->QueryOne("SELECT COUNT(*) FROM cpes_results")->Int(0);
    }
    // The header and the first five RA9 2018 adjusted rows of the fixture; with a bad line, the score on
    // line 4 (the third row) is not a number.
    static std::string SmallFile(bool with_bad_line) {
        auto rows = ParseCsv(TheFixture().results);
        std::string out = csv::Row(rows[0]);
        int taken = 0;
        for (std::size_t i = 1; i < rows.size() && taken < 5; ++i) {
            auto row = rows[i];
            if (row[1] != "RA9" || row[4] != "2018" || row[5] != "adjusted") continue;
            if (with_bad_line && ++taken == 3) {
                row[11] = "eighty";
            } else if (!with_bad_line) {
                ++taken;
            }
            out += csv::Row(row);
        }
        return out;
    }
    httplib::Result Upload(Browser& b, const std::string& content, bool skip_invalid) {
        const std::string token = b.CsrfFrom("/experience/import");
        std::vector<std::pair<std::string, std::string>> fields = {{"csrf_token", token}};
        if (skip_invalid) fields.emplace_back("skip_invalid", "yes");
        const std::string boundary = "cvTestBoundary7MA4YWxk";
        return b.Send("POST", "/experience/import", Multipart(boundary, fields, "results", "small.csv", content),
                      "multipart/form-data; boundary=" + boundary);
    }
    std::unique_ptr<TestServer> server_;
};

TEST_F(ExperienceUploadTest, AFileWithOneBadLineIsRefusedWholeNamingLineAndColumn) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, SmallFile(true), false);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("There is a problem"), std::string::npos);
    EXPECT_NE(r->body.find("line 4, column score: &apos;eighty&apos; is not a number"), std::string::npos) << r->body;
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, SkipInvalidImportsTheRestAndListsTheRejectedLine) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, SmallFile(true), true);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("Survey results imported"), std::string::npos);
    EXPECT_NE(r->body.find("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">4</td>"), std::string::npos);
    EXPECT_EQ(CountResults(), 4);
    EXPECT_NE(b.Get("/experience")->body.find("Find a trust"), std::string::npos);
}

TEST_F(ExperienceUploadTest, AGoodGzippedFileIsImported) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, carevoice::testing::Gzip(SmallFile(false)), false);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(CountResults(), 5);
}

TEST_F(ExperienceUploadTest, GzipBombIsRefusedAtTheConfiguredLimitNamingIt) {
    // A 4 MB upload that unpacks to 4 GiB, against a server that takes at most 1 MB unpacked.
    server_ = std::make_unique<TestServer>([](ServerConfig& c) { c.max_unpacked_bytes = std::size_t{1} << 20; });
    server_->AddUser("ana", "analyst", "analyst-password-1");
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, carevoice::testing::ZeroBomb(4096), false);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Results file: the gzip data unpacks to more than 1 MB, the limit"), std::string::npos);
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, OnlyAnalystsAndAdminsMayUpload) {
    Browser anonymous(server_->port());
    auto page = anonymous.Get("/experience/import");
    EXPECT_EQ(page->status, 303);
    EXPECT_EQ(page->get_header_value("Location").rfind("/sign-in", 0), 0u);
    Browser member(server_->port());
    ASSERT_EQ(member.SignIn("morgan", "member-password-1")->status, 303);
    EXPECT_TRUE(IsErrorPage(member.Get("/experience/import"), 403, "Your role (member) does not allow this"));
    const std::string token = member.CsrfFrom("/");
    auto r = member.Send("POST", "/experience/import",
                         Multipart("b0undary", {{"csrf_token", token}}, "results", "x.csv", SmallFile(false)),
                         "multipart/form-data; boundary=b0undary");
    EXPECT_TRUE(IsErrorPage(r, 403, "Your role (member) does not allow this"));
    EXPECT_EQ(CountResults(), 0);
}

TEST_F(ExperienceUploadTest, AnUploadWithoutAFileSaysWhatIsMissing) {
    Browser b(server_->port());
    ASSERT_EQ(b.SignIn("ana", "analyst-password-1")->status, 303);
    auto r = Upload(b, "", false);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Choose a results file"), std::string::npos);
}

TEST_F(ExperienceUploadTest, PagesKeptForReuseShowEachViewerTheirOwnHeaderAndLinks) {
    Import(*server_, TheFixture().results);
    Browser analyst(server_->port());
    ASSERT_EQ(analyst.SignIn("ana", "analyst-password-1")->status, 303);
    for (const char* path : {"/experience", "/experience/organisations/RA9"}) {
        EXPECT_NE(analyst.Get(path)->body.find("Test ana (analyst)"), std::string::npos) << path;
    }
    EXPECT_NE(analyst.Get("/experience")->body.find("href=\"/experience/import\""), std::string::npos);
    Browser anonymous(server_->port());
    for (const char* path : {"/experience", "/experience/organisations/RA9"}) {
        auto r = anonymous.Get(path);
        EXPECT_EQ(r->body.find("Test ana"), std::string::npos) << path;
        EXPECT_NE(r->body.find(">Sign in</a>"), std::string::npos) << path;
    }
    EXPECT_EQ(anonymous.Get("/experience")->body.find("href=\"/experience/import\""), std::string::npos);
}

}  // namespace
}  // namespace carevoice::web::testing
