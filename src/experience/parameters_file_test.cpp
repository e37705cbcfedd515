#include "experience/parameters_file.hpp"

#include <gtest/gtest.h>

#include "core/file.hpp"
#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

constexpr std::string_view kHeader = "question,measure,national_adjusted,sd,tau2\n";

Status ParseError(const std::string& text) {
    auto table = ParseParametersCsv(text);
    EXPECT_FALSE(table.ok());
    return table.ok() ? Status::Ok() : table.status();
}

TEST(ParseParametersCsvTest, ReadsThePublished2018File) {
    auto text = ReadTextFile(test_support::SharedPath("datasets/cpes/cpes_2018_expected_range_parameters.csv"));
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    auto table = ParseParametersCsv(*text);
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    EXPECT_EQ(table->size(), 52u);
    const QuestionParameters* q58 = FindQuestion(*table, "Q58");
    ASSERT_NE(q58, nullptr);
    EXPECT_EQ(q58->parameters.measure, Measure::kPercent);
    EXPECT_DOUBLE_EQ(q58->parameters.centre, 31.1526);
    EXPECT_DOUBLE_EQ(q58->parameters.tau2, 0.002637);
    const QuestionParameters* q59 = FindQuestion(*table, "Q59");
    ASSERT_NE(q59, nullptr);
    EXPECT_EQ(q59->parameters.measure, Measure::kMean);
    EXPECT_DOUBLE_EQ(q59->parameters.sd, 1.3883);
}

TEST(ParseParametersCsvTest, FindQuestionReturnsNullForAnUnknownQuestion) {
    auto table = ParseParametersCsv(std::string(kHeader) + "Q1,percent_positive,77.3,,0\n");
    ASSERT_TRUE(table.ok());
    EXPECT_EQ(FindQuestion(*table, "Q99"), nullptr);
}

TEST(ParseParametersCsvTest, ABadNumberNamesItsLineAndColumn) {
    Status status = ParseError(std::string(kHeader) + "Q1,percent_positive,77.3,,0\nQ2,percent_positive,83.6,,abc\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0], (FieldProblem{"line 3, column tau2", "'abc' is not a number"}));
}

TEST(ParseParametersCsvTest, ReportsEveryProblemAtOnce) {
    Status status = ParseError(std::string(kHeader) + "Q1,percent_positive,x,,0\nQ2,percent_positive,83.6,,\n");
    ASSERT_EQ(status.details().size(), 2u);
    EXPECT_EQ(status.details()[0].field, "line 2, column national_adjusted");
    EXPECT_EQ(status.details()[1].field, "line 3, column tau2");
    EXPECT_NE(status.message().find("2 problems; nothing was loaded"), std::string::npos);
}

TEST(ParseParametersCsvTest, AMissingColumnIsNamed) {
    Status status = ParseError("question,measure,national_adjusted\nQ1,percent_positive,77.3\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0].field, "line 1, column tau2");
}

TEST(ParseParametersCsvTest, AnUnknownMeasureSaysWhichAreKnown) {
    Status status = ParseError(std::string(kHeader) + "Q1,percentage,77.3,,0\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0].field, "line 2, column measure");
    EXPECT_NE(status.details()[0].problem.find("use percent_positive or mean_0_10"), std::string::npos);
}

TEST(ParseParametersCsvTest, AMeanRowNeedsAnSd) {
    Status status = ParseError(std::string(kHeader) + "Q59,mean_0_10,8.8,,0.002\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0].field, "line 2, column sd");
}

TEST(ParseParametersCsvTest, ANegativeTau2IsRejected) {
    Status status = ParseError(std::string(kHeader) + "Q1,percent_positive,77.3,,-0.1\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0].field, "line 2");
    EXPECT_NE(status.details()[0].problem.find("tau2 must be zero or more"), std::string::npos);
}

TEST(ParseParametersCsvTest, ADuplicateQuestionNamesTheLineOfTheFirst) {
    Status status = ParseError(std::string(kHeader) + "Q1,percent_positive,77.3,,0\nQ1,percent_positive,70,,0\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0], (FieldProblem{"line 3, column question", "Q1 is already defined on line 2"}));
}

TEST(ParseParametersCsvTest, ARowWithTooFewFieldsIsRejected) {
    Status status = ParseError(std::string(kHeader) + "Q1,percent_positive,77.3\n");
    ASSERT_EQ(status.details().size(), 1u);
    EXPECT_EQ(status.details()[0], (FieldProblem{"line 2", "has 3 fields; the header has 5"}));
}

TEST(ParseParametersCsvTest, AnEmptyFileIsRejected) {
    Status status = ParseError("");
    EXPECT_NE(status.message().find("empty"), std::string::npos);
}

TEST(ParseParametersCsvTest, AHeaderWithoutQuestionsIsRejected) {
    Status status = ParseError(std::string(kHeader));
    EXPECT_NE(status.message().find("no questions"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::experience
