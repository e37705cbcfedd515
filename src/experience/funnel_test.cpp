#include "experience/funnel.hpp"

#include <gtest/gtest.h>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

const RangeParameters kQ58{Measure::kPercent, 31.1526, 0, 0.002637};

TEST(FunnelLimitsTest, LimitsMatchRAt95And998Percent) {
    auto reference = test_support::ReferenceValues::Load();
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    int checked = 0;
    for (const auto& c95 : reference->Cases("expected_range")) {
        if (c95.id.ends_with("_998")) continue;
        const auto c998 = reference->Cases("expected_range", c95.id.substr(0, c95.id.size() - 3) + "_998").at(0);
        const RangeParameters parameters{c95.at("is_mean") == 1 ? Measure::kMean : Measure::kPercent, c95.at("centre"),
                                         c95.at("sd"), c95.at("tau2")};
        const int n = static_cast<int>(c95.at("n"));
        auto curves = FunnelLimits(parameters, n, n);
        ASSERT_TRUE(curves.ok()) << curves.status().ToString();
        ASSERT_EQ(curves->points.size(), 1u);
        const FunnelPoint& point = curves->points[0];
        EXPECT_NEAR(point.limits95.lower, c95.at("lower"), 1e-9) << "case " << c95.id;
        EXPECT_NEAR(point.limits95.upper, c95.at("upper"), 1e-9) << "case " << c95.id;
        EXPECT_NEAR(point.limits998.lower, c998.at("lower"), 1e-9) << "case " << c998.id;
        EXPECT_NEAR(point.limits998.upper, c998.at("upper"), 1e-9) << "case " << c998.id;
        ++checked;
    }
    EXPECT_EQ(checked, 7);
}

TEST(FunnelLimitsTest, CurvesRunFromNMinToNMaxInIncreasingN) {
    auto curves = FunnelLimits(kQ58, 21, 1500, 40);
    ASSERT_TRUE(curves.ok());
    ASSERT_GE(curves->points.size(), 2u);
    EXPECT_LE(curves->points.size(), 40u);
    EXPECT_EQ(curves->points.front().n, 21);
    EXPECT_EQ(curves->points.back().n, 1500);
    for (std::size_t at = 1; at < curves->points.size(); ++at) {
        EXPECT_LT(curves->points[at - 1].n, curves->points[at].n);
    }
}

TEST(FunnelLimitsTest, The998PercentLimitsLieOutsideThe95PercentLimits) {
    auto curves = FunnelLimits(kQ58, 21, 1500);
    ASSERT_TRUE(curves.ok());
    for (const auto& point : curves->points) {
        EXPECT_LT(point.limits998.lower, point.limits95.lower);
        EXPECT_GT(point.limits998.upper, point.limits95.upper);
    }
}

TEST(FunnelLimitsTest, CentreLineIsTheNationalScore) {
    auto curves = FunnelLimits(kQ58, 21, 1500);
    ASSERT_TRUE(curves.ok());
    EXPECT_EQ(curves->centre, 31.1526);
}

TEST(FunnelLimitsTest, RejectsNMinOfZero) {
    auto curves = FunnelLimits(kQ58, 0, 100);
    ASSERT_FALSE(curves.ok());
    EXPECT_NE(curves.status().message().find("n_min = 0"), std::string::npos);
}

TEST(FunnelLimitsTest, RejectsASinglePointCurve) { EXPECT_FALSE(FunnelLimits(kQ58, 21, 100, 1).ok()); }

}  // namespace
}  // namespace carevoice::experience
