#include "experience/change_significance.hpp"

#include <gtest/gtest.h>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

std::vector<test_support::ReferenceCase> RPairs() {
    auto reference = test_support::ReferenceValues::Load();
    EXPECT_TRUE(reference.ok()) << reference.status().ToString();
    return reference.ok() ? reference->Cases("two_proportion") : std::vector<test_support::ReferenceCase>{};
}

Result<ChangeTest> RunOnRPair(const test_support::ReferenceCase& c) {
    const int n1 = static_cast<int>(c.at("n1"));
    const int n2 = static_cast<int>(c.at("n2"));
    return TestChange(100 * c.at("x1") / n1, n1, 100 * c.at("x2") / n2, n2);
}

TEST(TestChangeTest, PValueMatchesRPropTest) {
    const auto pairs = RPairs();
    ASSERT_EQ(pairs.size(), 10u);
    for (const auto& c : pairs) {
        auto test = RunOnRPair(c);
        ASSERT_TRUE(test.ok()) << test.status().ToString();
        // prop.test's p comes from pchisq(z², 1); ours from erfc. Relative 1e-9 (p-values go down to ~1e-14).
        EXPECT_NEAR(test->p_value, c.at("p_value"), 1e-9 * c.at("p_value") + 1e-15) << "case " << c.id;
    }
}

TEST(TestChangeTest, FlagsAChangeExactlyWhereRFindsItSignificantAt95Percent) {
    for (const auto& c : RPairs()) {
        auto test = RunOnRPair(c);
        ASSERT_TRUE(test.ok());
        const double p1 = c.at("x1") / c.at("n1");
        const double p2 = c.at("x2") / c.at("n2");
        Change expected = Change::kNoSignificantChange;
        if (c.at("p_value") < 0.05) expected = p2 > p1 ? Change::kSignificantIncrease : Change::kSignificantDecrease;
        EXPECT_EQ(test->change, expected) << "case " << c.id;
    }
}

TEST(TestChangeTest, ReportsTheDifferenceInPercentagePoints) {
    auto test = TestChange(74, 478, 81, 487);
    ASSERT_TRUE(test.ok());
    EXPECT_DOUBLE_EQ(test->difference, 7);
}

TEST(TestChangeTest, EveryonePositiveInBothYearsIsNoChange) {
    auto test = TestChange(100, 50, 100, 80);
    ASSERT_TRUE(test.ok());
    EXPECT_EQ(test->change, Change::kNoSignificantChange);
    EXPECT_EQ(test->p_value, 1);
}

TEST(TestChangeTest, RejectsAPercentageAbove100) {
    auto test = TestChange(101, 50, 80, 80);
    ASSERT_FALSE(test.ok());
    EXPECT_NE(test.status().message().find("previous year's percentage"), std::string::npos);
}

TEST(TestChangeTest, RejectsNoRespondents) { EXPECT_FALSE(TestChange(70, 50, 80, 0).ok()); }

}  // namespace
}  // namespace carevoice::experience
