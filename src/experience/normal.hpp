// Standard normal constants and tail probabilities used by the survey statistics. The constants
// carry the precision the CPES publication used, so that recomputed limits match the published ones.
#pragma once

namespace carevoice::experience {

// The 97.5th percentile of the standard normal to 7 significant figures, exactly as written in the CPES
// expected-range formula `p0 ± 1.959964·sqrt(p0(1−p0)/n + τ²)` (issue 3; datasets/cpes/README.md).
inline constexpr double kZ95 = 1.959964;
// The 99.9th percentile of the standard normal (R: qnorm(0.999)), for the 99.8% funnel limits.
inline constexpr double kZ998 = 3.090232306167813;
// The z of the trusts' published 95% intervals: solving the published 2018 Wilson intervals for z gives
// 1.9600 ± 1e-5, so the publisher used 1.96 (and issue 3 writes "mean ± 1.96·s/√n").
inline constexpr double kPublishedIntervalZ = 1.96;

// P(|Z| ≥ |z|) for a standard normal Z.
double TwoSidedPValue(double z);

}  // namespace carevoice::experience
