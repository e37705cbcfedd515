#include "experience/cpes_results_file.hpp"

#include <gtest/gtest.h>

namespace carevoice::experience {
namespace {

const std::string kHeader =
    "level,org_code,org_name,cancer_alliance,year,kind,sex,imd_quintile,tumour_group,question,n,score,ci_lower,"
    "ci_upper,expected_lower,expected_upper,rating,change_2017_2018,change_all_years\n";

TEST(CpesResultsFileTest, ReadsRowsOrganisationsAndYearKinds) {
    auto file = ParseCpesResults(
        kHeader +
        "Trust,RA9,\"Torbay and South Devon, NHS FT\",Peninsula,2018,adjusted,Both,All,All "
        "Cancers,Q1,120,80,72.1,86.0,70.5,85.5,within,,\n"
        "Trust,RA9,\"Torbay and South Devon, NHS FT\",Peninsula,2017,yearonyear,Both,All,All "
        "Cancers,Q1,110,78,,,,,,Unchanged,Up\n"
        "National,All,National,National,2018,unadjusted,Female,All,All Cancers,Q59,5000,8.81,,,,,,,\n");
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    ASSERT_EQ(file->rows.size(), 3u);
    ASSERT_EQ(file->organisations.size(), 2u);
    EXPECT_EQ(file->organisations[0].name, "Torbay and South Devon, NHS FT");
    EXPECT_EQ(file->organisations[0].cancer_alliance, "Peninsula");
    EXPECT_EQ(file->organisations[1].code, "ENG");
    EXPECT_EQ(file->rows[0].line, 2u);
    EXPECT_EQ(*file->rows[0].n, 120);
    EXPECT_DOUBLE_EQ(*file->rows[0].expected_upper, 85.5);
    EXPECT_EQ(file->rows[0].rating, "within");
    EXPECT_FALSE(file->rows[1].ci_lower.has_value());
    EXPECT_EQ(file->rows[1].change_all_years, "Up");
    EXPECT_DOUBLE_EQ(*file->rows[2].score, 8.81);
    EXPECT_EQ(file->year_kinds.size(), 3u);
}

TEST(CpesResultsFileTest, BadValueNamesLineColumnAndProblem) {
    auto file = ParseCpesResults(kHeader + "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,120,80,,,,,,,\n" +
                                 "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q2,12o,80,,,,,sideways,,\n");
    ASSERT_FALSE(file.ok());
    const auto& d = file.status().details();
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].field, "line 3, column n");
    EXPECT_EQ(d[0].problem, "'12o' is not a number of respondents");
    EXPECT_EQ(d[1].field, "line 3, column rating");
    EXPECT_NE(file.status().message().find("--skip-invalid"), std::string::npos);
}

TEST(CpesResultsFileTest, ScoreOutsideItsScaleIsRefused) {
    auto pct = ParseCpesResults(kHeader + "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,120,101,,,,,,,\n");
    ASSERT_FALSE(pct.ok());
    EXPECT_EQ(pct.status().details()[0].problem, "'101' is outside 0–100");
    auto mean = ParseCpesResults(kHeader + "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q59,120,10.5,,,,,,,\n");
    ASSERT_FALSE(mean.ok());
    EXPECT_EQ(mean.status().details()[0].problem, "'10.5' is outside 0–10");
}

TEST(CpesResultsFileTest, SkipInvalidKeepsGoodRowsAndListsRejected) {
    CpesParseOptions options;
    options.skip_invalid = true;
    auto file = ParseCpesResults(kHeader + "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q1,120,80,,,,,,,\n" +
                                     "Ward,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q2,120,80,,,,,,,\n" +
                                     "Trust,RA9,T,P,2018,adjusted,Both,All,All Cancers,Q3,120,80,,,\n",
                                 options);
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    EXPECT_EQ(file->rows.size(), 1u);
    ASSERT_EQ(file->rejected.size(), 2u);
    EXPECT_EQ(file->rejected[0].line, 3u);
    EXPECT_EQ(file->rejected[0].column, "level");
    EXPECT_EQ(file->rejected[1].line, 4u);
    EXPECT_NE(file->rejected[1].problem.find("has 15 fields but the header has 19"), std::string::npos);
}

TEST(CpesResultsFileTest, MissingColumnsAreNamed) {
    auto file = ParseCpesResults("level,org_code\nTrust,RA9\n");
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.status().details()[0].field, "line 1, column org_name");
}

TEST(CpesResultsFileTest, EmptyAndHeaderOnlyFilesAreRefused) {
    EXPECT_FALSE(ParseCpesResults("").ok());
    auto header_only = ParseCpesResults(kHeader);
    ASSERT_FALSE(header_only.ok());
    EXPECT_NE(header_only.status().message().find("no valid rows"), std::string::npos);
}

TEST(CpesResultsFileTest, UnclosedQuoteStopsTheImport) {
    auto file = ParseCpesResults(kHeader + "Trust,RA9,\"Torbay,P,2018,adjusted,Both,All,All Cancers,Q1,1,1,,,,,,,\n");
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.status().message().find("line 2"), std::string::npos);
}

TEST(CpesQuestionsTest, ReadsQuestionsInOrderAndRefusesDuplicates) {
    auto q =
        ParseCpesQuestions("question,section,question_text\nQ1,Seeing your GP,\"How many times, roughly?\"\nQ2,S,T\n");
    ASSERT_TRUE(q.ok());
    ASSERT_EQ(q->size(), 2u);
    EXPECT_EQ((*q)[0].text, "How many times, roughly?");
    EXPECT_EQ((*q)[1].order, 2);
    auto dup = ParseCpesQuestions("question,section,question_text\nQ1,A,B\nQ1,A,B\n");
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.status().details()[0].field, "line 3, column question");
}

}  // namespace
}  // namespace carevoice::experience
