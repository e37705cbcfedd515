#include "improvement/cpes_observations.hpp"

#include <gtest/gtest.h>

namespace carevoice::improvement {
namespace {

CivilDate D(std::string_view iso) { return *CivilDate::Parse(iso); }

// Milton Keynes University Hospital (RD8), Q17 "given the name of a Clinical Nurse Specialist", as published
// year on year (cpes_2015_2018_results.csv.gz, kind yearonyear): 85, 83, 84, 81.
const std::vector<PublishedYearScore> kRd8Q17 = {{2017, 84, 327}, {2015, 85, 257}, {2018, 81, 315}, {2016, 83, 296}};

TEST(ObservationsFromCpesTest, OnePointEachYearOnTheFirstOfJulyOldestFirst) {
    auto observations = ObservationsFromCpes(kRd8Q17);
    ASSERT_TRUE(observations.ok()) << observations.status().ToString();
    EXPECT_EQ(*observations,
              (std::vector<Observation>{
                  {D("2015-07-01"), 85}, {D("2016-07-01"), 83}, {D("2017-07-01"), 84}, {D("2018-07-01"), 81}}));
}

TEST(ObservationsFromCpesTest, TheyMakeAChart) {
    auto observations = ObservationsFromCpes(kRd8Q17);
    ASSERT_TRUE(observations.ok());
    auto chart = ComputeXmrChart(*observations, {});
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    EXPECT_DOUBLE_EQ(chart->points[0].mean, 83.25);  // (85 + 83 + 84 + 81) / 4
}

TEST(ObservationsFromCpesTest, SuppressedYearsAreLeftOut) {
    const std::vector<PublishedYearScore> scores = {{2015, 40, 25}, {2016, std::nullopt, 14}, {2017, 45, 30}};
    auto observations = ObservationsFromCpes(scores);
    ASSERT_TRUE(observations.ok());
    ASSERT_EQ(observations->size(), 2u);
    EXPECT_EQ((*observations)[1].date, D("2017-07-01"));
}

TEST(ObservationsFromCpesTest, AYearGivenTwiceIsRefused) {
    const std::vector<PublishedYearScore> scores = {{2015, 40, 25}, {2015, 41, 25}};
    auto observations = ObservationsFromCpes(scores);
    ASSERT_FALSE(observations.ok());
    EXPECT_EQ(observations.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(observations.status().message().find("2015"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::improvement
