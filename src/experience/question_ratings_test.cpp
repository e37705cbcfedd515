#include "experience/question_ratings.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "experience/disclosure.hpp"
#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

// 2018 Q29 and Q31 of Manchester University NHS FT, as published (score, n, 95% CI); the publisher rated them
// above (Q29) and within (Q31), although the rounded scores fall within and below their ranges.
const RangeParameters kQ29{Measure::kPercent, 85.2825, 0, 0};
const ScoreInput kQ29Published{88, 602, Interval{85.4559402, 90.6030807}, std::nullopt};
const RangeParameters kQ31{Measure::kPercent, 75.4495, 0, 0};
const ScoreInput kQ31Published{72, 599, Interval{68.4630737, 75.6226883}, std::nullopt};

struct RData {
    std::vector<ScoreInput> inputs;
    test_support::ReferenceCase result;
};

// R's synthetic data set `id`, as organisations' scores (unrounded, without published intervals).
RData RDataSet(std::string_view id) {
    RData data;
    auto reference = test_support::ReferenceValues::Load();
    EXPECT_TRUE(reference.ok()) << reference.status().ToString();
    if (!reference.ok()) return data;
    data.result = reference->Cases("spiegelhalter", id).at(0);
    const bool is_mean = data.result.at("is_mean") == 1;
    for (const auto& unit : reference->Cases("spiegelhalter_unit", id)) {
        ScoreInput input{unit.at(is_mean ? "mean" : "percent"), static_cast<int>(unit.at("n")), std::nullopt,
                         std::nullopt};
        if (is_mean) input.sd = unit.at("sd");
        data.inputs.push_back(input);
    }
    return data;
}

TEST(RateQuestionTest, RatesTheUnroundedScoreAsThePublisherDid) {
    const std::vector<ScoreInput> q29 = {kQ29Published};
    auto above = RateQuestion(Measure::kPercent, q29, kQ29, kSuppressionThreshold);
    ASSERT_TRUE(above.ok()) << above.status().ToString();
    EXPECT_EQ(above->scores[0]->rating, Rating::kAbove);
    const std::vector<ScoreInput> q31 = {kQ31Published};
    auto within = RateQuestion(Measure::kPercent, q31, kQ31, kSuppressionThreshold);
    ASSERT_TRUE(within.ok()) << within.status().ToString();
    EXPECT_EQ(within->scores[0]->rating, Rating::kWithin);
}

TEST(RateQuestionTest, WithPublishedParametersSaysSoAndUsesThem) {
    const std::vector<ScoreInput> inputs = {kQ29Published};
    auto ratings = RateQuestion(Measure::kPercent, inputs, kQ29, kSuppressionThreshold);
    ASSERT_TRUE(ratings.ok());
    EXPECT_EQ(ratings->source, ParameterSource::kPublished);
    EXPECT_FALSE(ratings->estimate.has_value());
    // The published expected range of that row: 82.4523468–88.1126022.
    EXPECT_NEAR(ratings->scores[0]->expected.lower, 82.4523468, 0.01);
    EXPECT_NEAR(ratings->scores[0]->expected.upper, 88.1126022, 0.01);
}

TEST(RateQuestionTest, ReproducesThePublishedWilsonInterval) {
    const std::vector<ScoreInput> inputs = {kQ29Published};
    auto ratings = RateQuestion(Measure::kPercent, inputs, kQ29, kSuppressionThreshold);
    ASSERT_TRUE(ratings.ok());
    // Published bounds are single-precision floats: agreement to 1e-4 percentage points.
    EXPECT_NEAR(ratings->scores[0]->interval.lower, 85.4559402, 1e-4);
    EXPECT_NEAR(ratings->scores[0]->interval.upper, 90.6030807, 1e-4);
}

TEST(RateQuestionTest, WithoutParametersEstimatesCentreAndTau2LikeR) {
    RData data = RDataSet("P");
    auto ratings = RateQuestion(Measure::kPercent, data.inputs, std::nullopt, kSuppressionThreshold);
    ASSERT_TRUE(ratings.ok()) << ratings.status().ToString();
    EXPECT_EQ(ratings->source, ParameterSource::kEstimated);
    ASSERT_TRUE(ratings->estimate.has_value());
    EXPECT_NEAR(ratings->parameters.centre, data.result.at("centre"), 1e-9);
    EXPECT_NEAR(ratings->estimate->phi, data.result.at("phi"), 1e-9 * data.result.at("phi"));
    EXPECT_NEAR(ratings->parameters.tau2, data.result.at("tau2"), 1e-9 * data.result.at("tau2"));
}

TEST(RateQuestionTest, WithoutParametersEstimatesTheMeanItemLikeR) {
    RData data = RDataSet("M");
    auto ratings = RateQuestion(Measure::kMean, data.inputs, std::nullopt, kSuppressionThreshold);
    ASSERT_TRUE(ratings.ok()) << ratings.status().ToString();
    EXPECT_NEAR(ratings->parameters.centre, data.result.at("centre"), 1e-9);
    EXPECT_NEAR(ratings->parameters.sd, 1.4, 1e-12);
    EXPECT_NEAR(ratings->estimate->phi, data.result.at("phi"), 1e-9 * data.result.at("phi"));
    EXPECT_NEAR(ratings->parameters.tau2, data.result.at("tau2"), 1e-9 * data.result.at("tau2"));
}

TEST(RateQuestionTest, OrganisationsBelowTheThresholdAreNotRated) {
    const std::vector<ScoreInput> inputs = {{80, 20, std::nullopt, std::nullopt}, {80, 21, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kPercent, inputs, kQ29, kSuppressionThreshold);
    ASSERT_TRUE(ratings.ok());
    EXPECT_FALSE(ratings->scores[0].has_value());
    EXPECT_TRUE(ratings->scores[1].has_value());
}

TEST(RateQuestionTest, TheThresholdIsConfiguration) {
    const std::vector<ScoreInput> inputs = {{80, 20, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kPercent, inputs, kQ29, 10);
    ASSERT_TRUE(ratings.ok());
    EXPECT_TRUE(ratings->scores[0].has_value());
}

TEST(RateQuestionTest, RejectsNoRespondentsNamingTheOrganisation) {
    const std::vector<ScoreInput> inputs = {{80, 100, std::nullopt, std::nullopt}, {80, 0, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kPercent, inputs, kQ29, kSuppressionThreshold);
    ASSERT_FALSE(ratings.ok());
    EXPECT_NE(ratings.status().message().find("organisation 2: "), std::string::npos);
}

TEST(RateQuestionTest, RejectsParametersOfTheOtherMeasure) {
    const std::vector<ScoreInput> inputs = {{8.8, 100, std::nullopt, std::nullopt}};
    EXPECT_FALSE(RateQuestion(Measure::kMean, inputs, kQ29, kSuppressionThreshold).ok());
}

TEST(RateQuestionTest, CannotEstimateFromASingleOrganisation) {
    const std::vector<ScoreInput> inputs = {{80, 100, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kPercent, inputs, std::nullopt, kSuppressionThreshold);
    ASSERT_FALSE(ratings.ok());
    EXPECT_NE(ratings.status().message().find("at least two"), std::string::npos);
}

TEST(RateQuestionTest, CannotEstimateWhenEveryOrganisationScores100Percent) {
    const std::vector<ScoreInput> inputs = {{100, 50, std::nullopt, std::nullopt},
                                            {100, 80, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kPercent, inputs, std::nullopt, kSuppressionThreshold);
    ASSERT_FALSE(ratings.ok());
    EXPECT_NE(ratings.status().message().find("cannot estimate an expected range"), std::string::npos);
}

TEST(RateQuestionTest, CannotEstimateTheMeanItemWithoutAnySd) {
    const std::vector<ScoreInput> inputs = {{8.8, 100, std::nullopt, std::nullopt},
                                            {8.6, 100, std::nullopt, std::nullopt}};
    auto ratings = RateQuestion(Measure::kMean, inputs, std::nullopt, kSuppressionThreshold);
    ASSERT_FALSE(ratings.ok());
    EXPECT_NE(ratings.status().message().find("SD or published interval"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::experience
