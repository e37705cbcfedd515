#include "improvement/spc.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace carevoice::improvement {
namespace {

constexpr double kTolerance = 1e-9;

CivilDate Date(std::string_view iso) { return *CivilDate::Parse(iso); }

// One observation a day from `first`.
std::vector<Observation> Daily(std::string_view first, const std::vector<double>& values) {
    std::vector<Observation> out;
    for (std::size_t at = 0; at < values.size(); ++at) {
        out.push_back({Date(first).AddDays(static_cast<std::int64_t>(at)), values[at]});
    }
    return out;
}

XmrChart Chart(const std::vector<Observation>& observations, const SpcOptions& options = {}) {
    auto chart = ComputeXmrChart(observations, options);
    EXPECT_TRUE(chart.ok()) << chart.status().ToString();
    return chart.ok() ? *chart : XmrChart{};
}

// Ten points alternating 20, 21, then 24 and 11 (see xmr_limits_test.cpp for the arithmetic):
// mean 20; default mean moving range (9 + 3) / 10 = 1.2, limits 16.808 and 23.192;
// keeping all moving ranges: 25/11, limits 20 -/+ 66.5/11 = 13.9545... and 26.0454...
const std::vector<double> kOneLargeMovingRange = {20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 24, 11};

TEST(SpcTest, EveryPointCarriesItsSegmentsMeanAndLimits) {
    // mean 12, mean moving range (2 + 1 + 2 + 1) / 4 = 1.5, limits 12 -/+ 3.99
    const XmrChart chart = Chart(Daily("2024-01-01", {10, 12, 11, 13, 14}));
    ASSERT_EQ(chart.points.size(), 5u);
    for (const ChartPoint& point : chart.points) {
        EXPECT_EQ(point.segment, 0u);
        EXPECT_NEAR(point.mean, 12, kTolerance);
        EXPECT_NEAR(point.lower_limit, 8.01, kTolerance);
        EXPECT_NEAR(point.upper_limit, 15.99, kTolerance);
    }
    EXPECT_FALSE(chart.points[0].moving_range.has_value());
    EXPECT_EQ(chart.points[1].moving_range, 2);
    EXPECT_EQ(chart.points[1].date, Date("2024-01-02"));
    EXPECT_EQ(chart.points[1].value, 12);
}

TEST(SpcTest, RebaseStartsASegmentWithItsOwnMeanAndLimits) {
    // 2024-01-01..05: 10, 12, 11, 13, 14 -> mean 12, mean MR 1.5, limits 12 -/+ 3.99 = 8.01, 15.99
    // 2024-01-06..09: 20, 22, 20, 22 -> mean 84 / 4 = 21, MRs 2, 2, 2 -> 2, limits 21 -/+ 5.32 = 15.68, 26.32
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-06")};
    const XmrChart chart = Chart(Daily("2024-01-01", {10, 12, 11, 13, 14, 20, 22, 20, 22}), options);
    ASSERT_EQ(chart.segments.size(), 2u);
    EXPECT_EQ(chart.segments[0].first_point, 0u);
    EXPECT_EQ(chart.segments[0].point_count, 5u);
    EXPECT_NEAR(chart.segments[0].limits.mean, 12, kTolerance);
    EXPECT_NEAR(chart.segments[0].limits.lower_limit, 8.01, kTolerance);
    EXPECT_NEAR(chart.segments[0].limits.upper_limit, 15.99, kTolerance);
    EXPECT_EQ(chart.segments[1].first_point, 5u);
    EXPECT_EQ(chart.segments[1].point_count, 4u);
    EXPECT_NEAR(chart.segments[1].limits.mean, 21, kTolerance);
    EXPECT_NEAR(chart.segments[1].limits.mean_moving_range, 2, kTolerance);
    EXPECT_NEAR(chart.segments[1].limits.lower_limit, 15.68, kTolerance);
    EXPECT_NEAR(chart.segments[1].limits.upper_limit, 26.32, kTolerance);

    EXPECT_EQ(chart.points[4].segment, 0u);
    EXPECT_NEAR(chart.points[4].mean, 12, kTolerance);
    EXPECT_EQ(chart.points[5].segment, 1u);
    EXPECT_NEAR(chart.points[5].mean, 21, kTolerance);
    // No moving range across the rebase: 14 -> 20 belongs to neither segment.
    EXPECT_FALSE(chart.points[5].moving_range.has_value());
    // Judged against their own segment, none of the points is special cause (within 9.34..14.66 and
    // 17.4533..24.5466, the two-thirds lines: 12 -/+ 1.7733 * 1.5 and 21 -/+ 1.7733 * 2).
    for (const ChartPoint& point : chart.points) EXPECT_EQ(point.type, PointType::kCommonCause);
}

TEST(SpcTest, RunsDoNotReachAcrossARebase) {
    // Segment 1: 2, 0, 2, 0, 3, 3, 3, 3 -> mean 16 / 8 = 2; the last four are above it.
    // Segment 2: 12, 11, 12, 8, 9, 8 -> mean 60 / 6 = 10; the first three are above it.
    // Seven in a row above their own means, but split by the rebase: no run.
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-09")};
    const XmrChart chart = Chart(Daily("2024-01-01", {2, 0, 2, 0, 3, 3, 3, 3, 12, 11, 12, 8, 9, 8}), options);
    ASSERT_EQ(chart.segments.size(), 2u);
    for (const ChartPoint& point : chart.points) EXPECT_EQ(point.special_causes.run, Side::kNone);
}

TEST(SpcTest, RebaseOnTheFirstDateChangesNothing) {
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-01"), Date("2024-01-01")};
    const XmrChart chart = Chart(Daily("2024-01-01", {10, 12, 11, 13, 14}), options);
    EXPECT_EQ(chart.segments.size(), 1u);
}

TEST(SpcTest, LargeMovingRangeIsExcludedByDefault) {
    // Default limits 16.808, 23.192: 24 is beyond the upper limit; the range 24 -> 11 (13) was left out.
    const XmrChart chart = Chart(Daily("2024-01-01", kOneLargeMovingRange));
    EXPECT_NEAR(chart.segments[0].limits.upper_limit, 23.192, kTolerance);
    EXPECT_EQ(chart.points[10].special_causes.beyond_limit, Side::kHigh);
    EXPECT_FALSE(chart.points[10].moving_range_excluded);
    EXPECT_TRUE(chart.points[11].moving_range_excluded);
}

TEST(SpcTest, KeepingAllMovingRangesWidensTheLimits) {
    // Keep-all limits 13.9545..., 26.0454...: 24 is within them; 11 is still below the lower limit.
    SpcOptions options;
    options.screening = MovingRangeScreening::kKeepAll;
    const XmrChart chart = Chart(Daily("2024-01-01", kOneLargeMovingRange), options);
    EXPECT_NEAR(chart.segments[0].limits.upper_limit, 20 + 66.5 / 11.0, kTolerance);
    EXPECT_EQ(chart.points[10].special_causes.beyond_limit, Side::kNone);
    EXPECT_EQ(chart.points[11].special_causes.beyond_limit, Side::kLow);
    EXPECT_FALSE(chart.points[11].moving_range_excluded);
}

TEST(SpcTest, PointExactlyOnTheUpperLimitIsCommonCause) {
    // sum 385 / 10 = mean 38.5; MRs 0, 20, 15, 10, 25, 20, 45, 20, 70 -> 225 / 9 = 25 (70 < 3.267 * 25)
    // upper limit 38.5 + 2.66 * 25 = 38.5 + 66.5 = 105, exactly the last point (each step is exact in
    // binary floating point: 2.66 * 25 rounds to 66.5).
    SpcOptions options;
    options.direction = ImprovementDirection::kIncrease;
    const XmrChart chart = Chart(Daily("2024-01-01", {10, 10, 30, 45, 55, 30, 10, 55, 35, 105}), options);
    EXPECT_EQ(chart.points[9].upper_limit, 105);
    EXPECT_EQ(chart.points[9].special_causes.beyond_limit, Side::kNone);
    EXPECT_EQ(chart.points[9].type, PointType::kCommonCause);
}

TEST(SpcTest, PointAboveTheLimitIsImprovementWhenHigherIsBetter) {
    SpcOptions options;
    options.direction = ImprovementDirection::kIncrease;
    const XmrChart chart = Chart(Daily("2024-01-01", kOneLargeMovingRange), options);
    EXPECT_EQ(chart.points[10].type, PointType::kSpecialCauseImprovement);  // 24 > 23.192
    EXPECT_EQ(chart.points[11].type, PointType::kSpecialCauseConcern);      // 11 < 16.808
}

TEST(SpcTest, PointAboveTheLimitIsConcernWhenLowerIsBetter) {
    SpcOptions options;
    options.direction = ImprovementDirection::kDecrease;
    const XmrChart chart = Chart(Daily("2024-01-01", kOneLargeMovingRange), options);
    EXPECT_EQ(chart.points[10].type, PointType::kSpecialCauseConcern);
    EXPECT_EQ(chart.points[11].type, PointType::kSpecialCauseImprovement);
}

TEST(SpcTest, SpecialCauseIsNeutralWithoutADirection) {
    const XmrChart chart = Chart(Daily("2024-01-01", kOneLargeMovingRange));
    EXPECT_EQ(chart.points[10].type, PointType::kSpecialCauseNeutralHigh);
    EXPECT_EQ(chart.points[11].type, PointType::kSpecialCauseNeutralLow);
    EXPECT_EQ(chart.points[0].type, PointType::kCommonCause);
}

TEST(SpcTest, VariationIconComesFromTheLatestPoint) {
    // The latest point, 11, is below the lower limit 16.808.
    SpcOptions options;
    options.direction = ImprovementDirection::kIncrease;
    EXPECT_EQ(Chart(Daily("2024-01-01", kOneLargeMovingRange), options).variation_icon, VariationIcon::kConcernLow);
    options.direction = ImprovementDirection::kDecrease;
    EXPECT_EQ(Chart(Daily("2024-01-01", kOneLargeMovingRange), options).variation_icon, VariationIcon::kImprovementLow);
    options.direction = ImprovementDirection::kNeutral;
    EXPECT_EQ(Chart(Daily("2024-01-01", kOneLargeMovingRange), options).variation_icon, VariationIcon::kNeutralLow);
    // Every point of 10, 12, 11, 13, 14 is within 9.34..14.66 (see above): common cause.
    EXPECT_EQ(Chart(Daily("2024-01-01", {10, 12, 11, 13, 14})).variation_icon, VariationIcon::kCommonCause);
}

TEST(SpcTest, VariationIconForEachKindOfPoint) {
    using enum PointType;
    const auto up = ImprovementDirection::kIncrease;
    const auto down = ImprovementDirection::kDecrease;
    const auto neutral = ImprovementDirection::kNeutral;
    EXPECT_EQ(VariationIconFor(kCommonCause, up), VariationIcon::kCommonCause);
    EXPECT_EQ(VariationIconFor(kCommonCause, neutral), VariationIcon::kCommonCause);
    EXPECT_EQ(VariationIconFor(kSpecialCauseImprovement, up), VariationIcon::kImprovementHigh);
    EXPECT_EQ(VariationIconFor(kSpecialCauseImprovement, down), VariationIcon::kImprovementLow);
    EXPECT_EQ(VariationIconFor(kSpecialCauseConcern, up), VariationIcon::kConcernLow);
    EXPECT_EQ(VariationIconFor(kSpecialCauseConcern, down), VariationIcon::kConcernHigh);
    EXPECT_EQ(VariationIconFor(kSpecialCauseNeutralHigh, neutral), VariationIcon::kNeutralHigh);
    EXPECT_EQ(VariationIconFor(kSpecialCauseNeutralLow, neutral), VariationIcon::kNeutralLow);
}

ProcessLimits LimitsEightToSixteen() {
    ProcessLimits limits;
    limits.mean = 12;
    limits.lower_limit = 8;
    limits.upper_limit = 16;
    return limits;
}

TEST(SpcTest, TargetAboveTheUpperLimitFailsWhenHigherIsBetter) {
    EXPECT_EQ(AssuranceIconFor(17, LimitsEightToSixteen(), ImprovementDirection::kIncrease),
              AssuranceIcon::kConsistentlyFail);
}

TEST(SpcTest, TargetAboveTheUpperLimitPassesWhenLowerIsBetter) {
    EXPECT_EQ(AssuranceIconFor(17, LimitsEightToSixteen(), ImprovementDirection::kDecrease),
              AssuranceIcon::kConsistentlyPass);
}

TEST(SpcTest, TargetBelowTheLowerLimitPassesWhenHigherIsBetter) {
    EXPECT_EQ(AssuranceIconFor(7, LimitsEightToSixteen(), ImprovementDirection::kIncrease),
              AssuranceIcon::kConsistentlyPass);
}

TEST(SpcTest, TargetBelowTheLowerLimitFailsWhenLowerIsBetter) {
    EXPECT_EQ(AssuranceIconFor(7, LimitsEightToSixteen(), ImprovementDirection::kDecrease),
              AssuranceIcon::kConsistentlyFail);
}

TEST(SpcTest, TargetWithinOrOnTheLimitsIsHitAndMiss) {
    for (auto direction : {ImprovementDirection::kIncrease, ImprovementDirection::kDecrease}) {
        EXPECT_EQ(AssuranceIconFor(12, LimitsEightToSixteen(), direction), AssuranceIcon::kHitAndMiss);
        EXPECT_EQ(AssuranceIconFor(16, LimitsEightToSixteen(), direction), AssuranceIcon::kHitAndMiss);
        EXPECT_EQ(AssuranceIconFor(8, LimitsEightToSixteen(), direction), AssuranceIcon::kHitAndMiss);
    }
}

TEST(SpcTest, NoAssuranceWithoutATargetOrADirection) {
    EXPECT_EQ(AssuranceIconFor(std::nullopt, LimitsEightToSixteen(), ImprovementDirection::kIncrease),
              AssuranceIcon::kNone);
    EXPECT_EQ(AssuranceIconFor(17, LimitsEightToSixteen(), ImprovementDirection::kNeutral), AssuranceIcon::kNone);
}

TEST(SpcTest, AssuranceUsesTheLatestSegmentsLimits) {
    // Segment 1 limits 8.01, 15.99 (target 16 above: would fail); segment 2 limits 15.68, 26.32 (within).
    SpcOptions options;
    options.direction = ImprovementDirection::kIncrease;
    options.target = 16;
    options.rebase_dates = {Date("2024-01-06")};
    const XmrChart chart = Chart(Daily("2024-01-01", {10, 12, 11, 13, 14, 20, 22, 20, 22}), options);
    EXPECT_EQ(chart.assurance_icon, AssuranceIcon::kHitAndMiss);
}

TEST(SpcTest, FewerThanTwelvePointsWarns) {
    const XmrChart chart = Chart(Daily("2024-01-01", {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1}));
    ASSERT_EQ(chart.warnings.size(), 1u);
    EXPECT_NE(chart.warnings[0].find("only 11 points"), std::string::npos) << chart.warnings[0];
    EXPECT_TRUE(chart.segments[0].too_few_points);
}

TEST(SpcTest, TwelvePointsDoNotWarn) {
    const XmrChart chart = Chart(Daily("2024-01-01", {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2}));
    EXPECT_TRUE(chart.warnings.empty());
    EXPECT_FALSE(chart.segments[0].too_few_points);
}

TEST(SpcTest, ShortSegmentAfterARebaseWarnsNamingIt) {
    // 12 points, then a rebase with 3: only the second segment is short.
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-13")};
    const XmrChart chart = Chart(Daily("2024-01-01", {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 5, 6, 5}), options);
    ASSERT_EQ(chart.warnings.size(), 1u);
    EXPECT_NE(chart.warnings[0].find("2024-01-13"), std::string::npos) << chart.warnings[0];
    EXPECT_NE(chart.warnings[0].find("only 3 points"), std::string::npos) << chart.warnings[0];
}

TEST(SpcTest, NoObservationsIsAnError) {
    auto chart = ComputeXmrChart({}, {});
    ASSERT_FALSE(chart.ok());
    EXPECT_EQ(chart.status().code(), StatusCode::kInvalidArgument);
}

TEST(SpcTest, DatesOutOfOrderAreAnError) {
    auto chart = ComputeXmrChart({{Date("2024-02-01"), 1}, {Date("2024-01-01"), 2}}, {});
    ASSERT_FALSE(chart.ok());
    ASSERT_EQ(chart.status().details().size(), 1u);
    EXPECT_EQ(chart.status().details()[0].field, "point 2 (2024-01-01)");
}

TEST(SpcTest, RepeatedDateIsAnError) {
    auto chart = ComputeXmrChart({{Date("2024-01-01"), 1}, {Date("2024-01-01"), 2}}, {});
    ASSERT_FALSE(chart.ok());
    EXPECT_NE(chart.status().ToString().find("appears twice"), std::string::npos);
}

TEST(SpcTest, NonFiniteValueIsAnError) {
    auto chart = ComputeXmrChart(Daily("2024-01-01", {1, std::numeric_limits<double>::quiet_NaN(), 3}), {});
    ASSERT_FALSE(chart.ok());
    EXPECT_EQ(chart.status().details()[0].field, "point 2 (2024-01-02)");
}

TEST(SpcTest, NonFiniteTargetIsAnError) {
    SpcOptions options;
    options.target = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(ComputeXmrChart(Daily("2024-01-01", {1, 2, 3}), options).ok());
}

TEST(SpcTest, RebaseDateThatIsNotAPointsDateIsAnError) {
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-15")};
    auto chart = ComputeXmrChart(Daily("2024-01-01", {1, 2, 3, 4}), options);
    ASSERT_FALSE(chart.ok());
    EXPECT_EQ(chart.status().details()[0].field, "rebase 2024-01-15");
}

TEST(SpcTest, SegmentOfOnePointIsAnError) {
    SpcOptions options;
    options.rebase_dates = {Date("2024-01-04")};
    auto chart = ComputeXmrChart(Daily("2024-01-01", {1, 2, 3, 4}), options);
    ASSERT_FALSE(chart.ok());
    EXPECT_NE(chart.status().message().find("2024-01-04"), std::string::npos);
}

TEST(SpcTest, SinglePointIsAnError) { EXPECT_FALSE(ComputeXmrChart(Daily("2024-01-01", {1}), {}).ok()); }

TEST(SpcTest, ParsesTheCliDirections) {
    EXPECT_EQ(*ParseImprovementDirection("higher"), ImprovementDirection::kIncrease);
    EXPECT_EQ(*ParseImprovementDirection("lower"), ImprovementDirection::kDecrease);
    EXPECT_EQ(*ParseImprovementDirection("neutral"), ImprovementDirection::kNeutral);
    EXPECT_FALSE(ParseImprovementDirection("up").ok());
}

TEST(SpcTest, NamesAreStable) {
    EXPECT_EQ(PointTypeName(PointType::kSpecialCauseImprovement), "special_cause_improvement");
    EXPECT_EQ(PointTypeName(PointType::kSpecialCauseNeutralLow), "special_cause_neutral_low");
    EXPECT_EQ(VariationIconName(VariationIcon::kConcernHigh), "concern_high");
    EXPECT_EQ(AssuranceIconName(AssuranceIcon::kHitAndMiss), "hit_and_miss");
    EXPECT_EQ(AssuranceIconName(AssuranceIcon::kNone), "none");
}

}  // namespace
}  // namespace carevoice::improvement
