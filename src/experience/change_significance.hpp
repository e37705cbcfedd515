// Whether a score really changed since the previous year: a two-proportion z-test (pooled variance, no
// continuity correction — the same p-value as R's prop.test(correct = FALSE)). A change is flagged only
// where the test says it is real at the 95% level.
#pragma once

#include "core/status.hpp"

namespace carevoice::experience {

// 95% significance, as issue 3 asks ("a two-proportion test at 95%").
inline constexpr double kChangeSignificanceLevel = 0.05;

enum class Change { kNoSignificantChange, kSignificantIncrease, kSignificantDecrease };

struct ChangeTest {
    double difference = 0;  // current − previous, in percentage points
    double z = 0;           // (p2 − p1) / sqrt(p̄(1 − p̄)(1/n1 + 1/n2)); 0 when p̄ is 0 or 1
    double p_value = 1;     // two-sided
    Change change = Change::kNoSignificantChange;
};

// Percentages on the 0–100 scale (rounded published ones are fine: they only shift the counts by < 0.5·n/100).
// Fails if a percentage lies outside 0–100, an n is not positive, or alpha is outside (0, 1).
Result<ChangeTest> TestChange(double previous_percent, int previous_n, double current_percent, int current_n,
                              double alpha = kChangeSignificanceLevel);

}  // namespace carevoice::experience
