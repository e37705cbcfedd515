#include "experience/range_fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

struct RLevel {
    std::vector<PublishedRange> ranges;
    test_support::ReferenceCase truth;
};

// R's rounded published ranges of synthetic level `id`, and the parameters R made them from.
RLevel RRanges(std::string_view id) {
    RLevel level;
    auto reference = test_support::ReferenceValues::Load();
    EXPECT_TRUE(reference.ok()) << reference.status().ToString();
    if (!reference.ok()) return level;
    level.truth = reference->Cases("range_fit", id).at(0);
    for (const auto& unit : reference->Cases("range_fit_unit", id)) {
        level.ranges.push_back({static_cast<int>(unit.at("n")), {unit.at("lower"), unit.at("upper")}});
    }
    return level;
}

// Every R-rounded limit must come out of ExpectedRange with the fitted parameters, rounded the same way.
void ExpectEveryLimitReproduced(const RLevel& level, const RangeFit& fit) {
    const double unit = level.truth.at("unit");
    for (const auto& range : level.ranges) {
        auto ours = ExpectedRange(fit.parameters, range.n);
        ASSERT_TRUE(ours.ok());
        EXPECT_EQ(std::llround(ours->lower / unit), std::llround(range.limits.lower / unit)) << "n " << range.n;
        EXPECT_EQ(std::llround(ours->upper / unit), std::llround(range.limits.upper / unit)) << "n " << range.n;
    }
    EXPECT_EQ(fit.ranges, static_cast<int>(level.ranges.size()));
    EXPECT_EQ(fit.ranges_reproduced, fit.ranges);
    EXPECT_EQ(fit.limits_reproduced, 2 * fit.ranges);
}

TEST(FitRangeParametersTest, ReproducesRsRoundedRangesOfACcgLikeLevel) {
    const RLevel level = RRanges("F");
    ASSERT_EQ(level.ranges.size(), 60u);
    auto fit = FitRangeParameters(Measure::kPercent, level.ranges, 0, 1);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    ExpectEveryLimitReproduced(level, *fit);
    // Rounding to whole percent leaves a little room around the parameters R used (centre 60.4719, τ² 0.00026).
    EXPECT_NEAR(fit->parameters.centre, level.truth.at("centre"), 0.1);
    EXPECT_NEAR(fit->parameters.tau2, level.truth.at("tau2"), 0.00005);
}

TEST(FitRangeParametersTest, ReproducesCappedUpperLimitsNear100Percent) {
    const RLevel level = RRanges("C");
    ASSERT_EQ(level.ranges.size(), 30u);
    auto fit = FitRangeParameters(Measure::kPercent, level.ranges, 0, 1);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    ExpectEveryLimitReproduced(level, *fit);
    EXPECT_NEAR(fit->parameters.centre, level.truth.at("centre"), 0.5);
}

TEST(FitRangeParametersTest, ReproducesRsRoundedRangesOfNineteenLargeAllianceLikeOrganisations) {
    const RLevel level = RRanges("A");
    ASSERT_EQ(level.ranges.size(), 19u);
    auto fit = FitRangeParameters(Measure::kPercent, level.ranges, 0, 1);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    ExpectEveryLimitReproduced(level, *fit);
    EXPECT_NEAR(fit->parameters.centre, level.truth.at("centre"), 0.5);
}

TEST(FitRangeParametersTest, ReproducesRsRangesOfTheZeroToTenItemRoundedToHundredths) {
    const RLevel level = RRanges("M");
    ASSERT_EQ(level.ranges.size(), 50u);
    auto fit = FitRangeParameters(Measure::kMean, level.ranges, level.truth.at("sd"), 0.01);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    ExpectEveryLimitReproduced(level, *fit);
    EXPECT_NEAR(fit->parameters.centre, level.truth.at("centre"), 0.005);
    EXPECT_NEAR(fit->parameters.tau2, level.truth.at("tau2"), 0.0005);
    EXPECT_EQ(fit->parameters.sd, level.truth.at("sd"));
}

TEST(FitRangeParametersTest, TakesTheMiddleOfWhatOneRangeAllowsWorkedByHand) {
    // One organisation, n = 100, published range 50–70. Any centre in [59.5, 60.5] keeps the midpoint 60 within
    // half a point, and across that bracket both limits can hold, so the middle, 60, is taken. At 60:
    // v = 0.6·0.4/100 = 0.0024; both limits need a half-width w in [9.5, 10.5] points, i.e.
    // τ² = (w/195.9964)² − v in [max(0, 0.0023494 − 0.0024), 0.0028700 − 0.0024] = [0, 0.000470]; middle 0.000235.
    const std::vector<PublishedRange> ranges{{100, {50, 70}}};
    auto fit = FitRangeParameters(Measure::kPercent, ranges, 0, 1);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    EXPECT_NEAR(fit->parameters.centre, 60, 0.001);
    EXPECT_NEAR(fit->parameters.tau2, 0.000235, 1e-6);
    EXPECT_EQ(fit->ranges_reproduced, 1);
}

TEST(FitRangeParametersTest, CountsTheRangesThatNoParametersCanReproduceWithTheOthers) {
    // A larger organisation cannot have the wider range (its half-width² is smaller by (100·z)²·Δv ≈ 69 points²
    // whatever τ² is), so one range must give way; the other is reproduced.
    const std::vector<PublishedRange> ranges{{100, {50, 70}}, {400, {49, 71}}};
    auto fit = FitRangeParameters(Measure::kPercent, ranges, 0, 1);
    ASSERT_TRUE(fit.ok()) << fit.status().ToString();
    EXPECT_EQ(fit->limits_reproduced, 2);
    EXPECT_EQ(fit->ranges_reproduced, 1);
}

TEST(FitRangeParametersTest, RefusesWhatCannotBeFitted) {
    EXPECT_FALSE(FitRangeParameters(Measure::kPercent, {}, 0, 1).ok());
    const std::vector<PublishedRange> ok{{100, {50, 70}}};
    EXPECT_FALSE(FitRangeParameters(Measure::kPercent, ok, 0, 0).ok());
    EXPECT_FALSE(FitRangeParameters(Measure::kMean, ok, 0, 0.01).ok()) << "the 0–10 item needs an sd";
    const std::vector<PublishedRange> no_one{{0, {50, 70}}};
    EXPECT_FALSE(FitRangeParameters(Measure::kPercent, no_one, 0, 1).ok());
    const std::vector<PublishedRange> reversed{{100, {70, 50}}};
    EXPECT_FALSE(FitRangeParameters(Measure::kPercent, reversed, 0, 1).ok());
    const std::vector<PublishedRange> off_scale{{100, {8, 11}}};
    EXPECT_FALSE(FitRangeParameters(Measure::kMean, off_scale, 1.4, 0.01).ok());
}

TEST(RoundsToTest, RoundsHalvesAwayFromZeroToTheUnit) {
    EXPECT_TRUE(RoundsTo(79.49, 79, 1));
    EXPECT_TRUE(RoundsTo(78.5, 79, 1));
    EXPECT_FALSE(RoundsTo(79.5, 79, 1));
    EXPECT_TRUE(RoundsTo(8.664, 8.66, 0.01));
    EXPECT_FALSE(RoundsTo(8.666, 8.66, 0.01));
}

}  // namespace
}  // namespace carevoice::experience
