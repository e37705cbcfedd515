#include "experience/normal.hpp"

#include <gtest/gtest.h>

#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

TEST(TwoSidedPValueTest, MatchesRPnorm) {
    auto reference = test_support::ReferenceValues::Load();
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    const auto cases = reference->Cases("normal");
    ASSERT_FALSE(cases.empty());
    for (const auto& c : cases) {
        // R prints 15 significant figures; relative 1e-12 is well within that and far below any decision.
        const double expected = c.at("two_sided_p");
        EXPECT_NEAR(TwoSidedPValue(c.at("z")), expected, 1e-12 * expected) << "z = " << c.at("z");
    }
}

}  // namespace
}  // namespace carevoice::experience
