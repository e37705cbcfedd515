// Disclosure control: results with too few respondents are not shown, so nobody can be identified.
// The threshold is configuration; this is only its default.
#pragma once

namespace carevoice::experience {

// CPES does not publish a score with fewer than 21 respondents (datasets/cpes/README.md, "Facts worth knowing").
inline constexpr int kSuppressionThreshold = 21;

// True when a result from `n` respondents must not be shown under `threshold`.
constexpr bool Suppressed(int n, int threshold) { return n < threshold; }

}  // namespace carevoice::experience
