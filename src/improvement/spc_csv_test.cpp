#include "improvement/spc_csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carevoice::improvement {
namespace {

CivilDate Date(std::string_view iso) { return *CivilDate::Parse(iso); }

std::vector<Observation> Parsed(std::string_view text) {
    auto observations = ParseObservationsCsv(text);
    EXPECT_TRUE(observations.ok()) << observations.status().ToString();
    return observations.ok() ? *observations : std::vector<Observation>{};
}

// The single problem reported for `text`, as "field: problem".
std::string OnlyProblem(std::string_view text) {
    auto observations = ParseObservationsCsv(text);
    EXPECT_FALSE(observations.ok());
    if (observations.ok()) return "";
    EXPECT_EQ(observations.status().code(), StatusCode::kInvalidArgument);
    const auto& details = observations.status().details();
    EXPECT_EQ(details.size(), 1u) << observations.status().ToString();
    if (details.empty()) return observations.status().message();
    return details[0].field + ": " + details[0].problem;
}

// The message of a failure that has no field-level details.
std::string Message(std::string_view text) {
    auto observations = ParseObservationsCsv(text);
    EXPECT_FALSE(observations.ok());
    if (observations.ok()) return "";
    EXPECT_EQ(observations.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(observations.status().details().empty());
    return observations.status().message();
}

TEST(SpcCsvTest, ReadsDateValueRows) {
    const auto observations = Parsed("date,value\n2024-01-01,5\n2024-02-01,7.5\n");
    EXPECT_EQ(observations, (std::vector<Observation>{{Date("2024-01-01"), 5}, {Date("2024-02-01"), 7.5}}));
}

TEST(SpcCsvTest, HeaderNamesAnyCaseAnyOrderWithOtherColumns) {
    const auto observations = Parsed("Note,Value,DATE\r\nfirst,3,2024-01-01\r\n\"a, b\",-4,2024-01-08\r\n");
    EXPECT_EQ(observations, (std::vector<Observation>{{Date("2024-01-01"), 3}, {Date("2024-01-08"), -4}}));
}

TEST(SpcCsvTest, BlankLinesAndSpacesAroundFieldsAreTolerated) {
    const auto observations = Parsed("\ndate,value\n 2024-01-01 , 5 \n\n2024-01-02,6\n\n");
    EXPECT_EQ(observations, (std::vector<Observation>{{Date("2024-01-01"), 5}, {Date("2024-01-02"), 6}}));
}

TEST(SpcCsvTest, MissingValueColumnIsNamed) {
    EXPECT_EQ(OnlyProblem("date,amount\n2024-01-01,5\n"),
              "line 1, column value: required column is missing from the header");
}

TEST(SpcCsvTest, ARuleRefusesValuesOutOfRangeAndDatesAfterItsLatestNamingEachLine) {
    ValueRule rule;
    rule.min = 0;
    rule.max = 100;
    rule.range_words = "a percentage: a number from 0 to 100";
    rule.latest = Date("2026-09-22");
    auto r = ParseObservationsCsv("date,value\n2026-07-01,150\n2026-08-01,-1\n2026-09-01,100\n2026-10-01,50\n", rule);
    ASSERT_FALSE(r.ok());
    const auto& d = r.status().details();
    ASSERT_EQ(d.size(), 3u) << r.status().ToString();
    EXPECT_EQ(d[0].field + ": " + d[0].problem,
              "line 2, column value: 150 is not a percentage: a number from 0 to 100");
    EXPECT_EQ(d[1].field, "line 3, column value");
    EXPECT_EQ(d[2].field + ": " + d[2].problem,
              "line 5, column date: 2026-10-01 is in the future; a value is dated on or before 2026-09-22");
    // 0 and 100 themselves, and today, are allowed; without a rule anything finite is.
    EXPECT_TRUE(ParseObservationsCsv("date,value\n2026-08-01,0\n2026-09-22,100\n", rule).ok());
    EXPECT_TRUE(ParseObservationsCsv("date,value\n2030-01-01,150\n").ok());
}

TEST(SpcCsvTest, BadDateNamesLineAndColumn) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01,5\n2024-13-01,6\n"),
              "line 3, column date: '2024-13-01': month must be between 1 and 12");
}

TEST(SpcCsvTest, DateInAnotherFormatNamesLineAndColumn) {
    EXPECT_EQ(OnlyProblem("date,value\n01/02/2024,5\n"),
              "line 2, column date: '01/02/2024' is not a date in the form YYYY-MM-DD");
}

TEST(SpcCsvTest, BadNumberNamesLineAndColumn) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01,5%\n"), "line 2, column value: '5%' is not a number");
}

TEST(SpcCsvTest, EmptyValueNamesLineAndColumn) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01,\n"), "line 2, column value: is empty; every row needs a value");
}

TEST(SpcCsvTest, RepeatedDateNamesBothLines) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01,5\n2024-01-01,6\n"),
              "line 3, column date: 2024-01-01 is also on line 2; each date may appear only once");
}

TEST(SpcCsvTest, DateOutOfOrderNamesBothLines) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-02-01,5\n2024-01-01,6\n"),
              "line 3, column date: 2024-01-01 comes before 2024-02-01 on line 2; rows must run oldest first");
}

TEST(SpcCsvTest, RowWithTooFewFieldsNamesTheLine) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01\n"), "line 2: has 1 field; the header has 2 fields");
}

TEST(SpcCsvTest, UnclosedQuoteNamesTheLine) {
    EXPECT_EQ(OnlyProblem("date,value\n2024-01-01,5\n\"2024-01-02,6\n"), "line 3: a quoted field is never closed");
}

TEST(SpcCsvTest, EveryProblemIsReported) {
    auto observations = ParseObservationsCsv("date,value\nnot a date,5\n2024-01-02,x\n");
    ASSERT_FALSE(observations.ok());
    const auto& details = observations.status().details();
    ASSERT_EQ(details.size(), 2u);
    EXPECT_EQ(details[0].field, "line 2, column date");
    EXPECT_EQ(details[1].field, "line 3, column value");
}

TEST(SpcCsvTest, ReportingStopsAfterTwentyProblems) {
    std::string text = "date,value\n";
    for (int row = 0; row < 30; ++row) text += "2024-01-01,x" + std::to_string(row) + "\n";
    auto observations = ParseObservationsCsv(text);
    ASSERT_FALSE(observations.ok());
    EXPECT_EQ(observations.status().details().size(), kMaxReportedProblems);
    EXPECT_NE(observations.status().message().find("stopped after the first 20"), std::string::npos);
}

TEST(SpcCsvTest, EmptyTextIsAnError) {
    EXPECT_EQ(Message(""), "the data is empty; expected a header row naming the date and value columns");
}

TEST(SpcCsvTest, HeaderWithoutRowsIsAnError) {
    EXPECT_EQ(Message("date,value\n"), "the data has a header row but no rows of points");
}

TEST(SpcCsvTest, FormatsOneRowPerPointWithIconsOnTheLast) {
    // 100, 300, 200: mean 600 / 3 = 200; MRs 200, 100 -> mean 150 (both below 3.267 * 150)
    // limits 200 -/+ 2.66 * 150 = 200 -/+ 399 -> -199 and 599; two-thirds lines 200 -/+ 266: nothing flagged.
    auto chart = ComputeXmrChart({{Date("2024-01-01"), 100}, {Date("2024-02-01"), 300}, {Date("2024-03-01"), 200}},
                                 SpcOptions{});
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    EXPECT_EQ(FormatChartCsv(*chart),
              "date,value,segment,mean,lower_limit,upper_limit,moving_range,moving_range_excluded,"
              "beyond_limit,run_of_7,trend_of_7,two_of_three,point_type,variation_icon,assurance_icon\r\n"
              "2024-01-01,100,1,200,-199,599,,,,,,,common_cause,,\r\n"
              "2024-02-01,300,1,200,-199,599,200,false,,,,,common_cause,,\r\n"
              "2024-03-01,200,1,200,-199,599,100,false,,,,,common_cause,common_cause,none\r\n");
}

TEST(SpcCsvTest, FormatsSpecialCauseFlagsAndIcons) {
    // Ten points alternating 20, 21, then 24 and 11: mean 20; the range |11 - 24| = 13 is above
    // 3.267 * 25/11 = 7.425 and left out, so the mean moving range is (9 + 3) / 10 = 1.2 and the limits
    // 20 -/+ 3.192 = 16.808, 23.192. 24 is above, 11 below. Higher is better; target 30 > 23.192.
    std::vector<Observation> observations;
    const std::vector<double> values = {20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 24, 11};
    for (std::size_t at = 0; at < values.size(); ++at) {
        observations.push_back({Date("2024-01-01").AddDays(static_cast<std::int64_t>(at)), values[at]});
    }
    SpcOptions options;
    options.direction = ImprovementDirection::kIncrease;
    options.target = 30;
    auto chart = ComputeXmrChart(observations, options);
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    const std::string csv = FormatChartCsv(*chart);
    EXPECT_NE(csv.find("2024-01-11,24,1,20,16.808,23.192,3,false,upper,,,,special_cause_improvement,,\r\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("2024-01-12,11,1,20,16.808,23.192,13,true,lower,,,,special_cause_concern,concern_low,"
                       "consistently_fail\r\n"),
              std::string::npos)
        << csv;
}

}  // namespace
}  // namespace carevoice::improvement
