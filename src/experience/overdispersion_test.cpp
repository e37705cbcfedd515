#include "experience/overdispersion.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

struct Units {
    std::vector<double> proportions;
    std::vector<double> standard_errors;
    test_support::ReferenceCase result;
};

// R's synthetic proportions of data set `id`, with the null standard errors sqrt(θ0(1−θ0)/n) around R's θ0.
Units RProportions(std::string_view id) {
    Units units;
    auto reference = test_support::ReferenceValues::Load();
    EXPECT_TRUE(reference.ok()) << reference.status().ToString();
    if (!reference.ok()) return units;
    units.result = reference->Cases("spiegelhalter", id).at(0);
    const double centre = units.result.at("centre") / 100;
    for (const auto& unit : reference->Cases("spiegelhalter_unit", id)) {
        units.proportions.push_back(unit.at("percent") / 100);
        units.standard_errors.push_back(std::sqrt(centre * (1 - centre) / unit.at("n")));
    }
    return units;
}

TEST(EstimateOverdispersionTest, MatchesRSpiegelhalterOnOverdispersedProportions) {
    Units units = RProportions("P");
    ASSERT_EQ(units.proportions.size(), 40u);
    auto estimate = EstimateOverdispersion(units.proportions, units.standard_errors, units.result.at("centre") / 100);
    ASSERT_TRUE(estimate.ok()) << estimate.status().ToString();
    // Same arithmetic as R up to R's 15-figure printing of the inputs: relative 1e-9.
    EXPECT_NEAR(estimate->phi, units.result.at("phi"), 1e-9 * units.result.at("phi"));
    EXPECT_NEAR(estimate->tau2, units.result.at("tau2"), 1e-9 * units.result.at("tau2"));
    EXPECT_EQ(estimate->units, 40);
}

TEST(EstimateOverdispersionTest, GivesZeroTau2WhenOrganisationsVaryLessThanChance) {
    Units units = RProportions("U");
    auto estimate = EstimateOverdispersion(units.proportions, units.standard_errors, units.result.at("centre") / 100);
    ASSERT_TRUE(estimate.ok()) << estimate.status().ToString();
    EXPECT_NEAR(estimate->phi, units.result.at("phi"), 1e-9);
    EXPECT_LE(estimate->phi, 1);
    EXPECT_EQ(estimate->tau2, 0);
}

TEST(EstimateOverdispersionTest, WinsorisesZAtTheTenthAndNinetiethPercentiles) {
    // z = 1…10: R's quantile(1:10, c(.1, .9)) is 1.9 and 9.1, so φ = (1.9² + 2² + … + 9² + 9.1²)/10 = 37.042.
    const std::vector<double> scores = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<double> standard_errors(10, 1.0);
    auto estimate = EstimateOverdispersion(scores, standard_errors, 0);
    ASSERT_TRUE(estimate.ok());
    EXPECT_NEAR(estimate->phi, 37.042, 1e-12);
    EXPECT_EQ(estimate->winsorised_low, 1);
    EXPECT_EQ(estimate->winsorised_high, 1);
}

TEST(EstimateOverdispersionTest, RejectsASingleOrganisation) {
    const std::vector<double> one = {0.5};
    auto estimate = EstimateOverdispersion(one, one, 0.5);
    ASSERT_FALSE(estimate.ok());
    EXPECT_NE(estimate.status().message().find("at least two"), std::string::npos);
}

TEST(EstimateOverdispersionTest, RejectsAZeroStandardError) {
    const std::vector<double> scores = {0.5, 0.6};
    const std::vector<double> standard_errors = {0.1, 0};
    auto estimate = EstimateOverdispersion(scores, standard_errors, 0.5);
    ASSERT_FALSE(estimate.ok());
    EXPECT_NE(estimate.status().message().find("standard error 2 must be positive"), std::string::npos);
}

TEST(EstimateOverdispersionTest, RejectsScoresAndStandardErrorsOfDifferentLengths) {
    const std::vector<double> scores = {0.5, 0.6, 0.7};
    const std::vector<double> standard_errors = {0.1, 0.1};
    EXPECT_FALSE(EstimateOverdispersion(scores, standard_errors, 0.5).ok());
}

}  // namespace
}  // namespace carevoice::experience
