// Spiegelhalter's (2005) estimate of overdispersion: how much more organisations differ than chance alone
// explains, as a multiplicative φ and an additive τ² (DerSimonian–Laird), computed from winsorised z-scores.
// Reference: D. J. Spiegelhalter, "Handling over-dispersion of performance indicators", Qual Saf Health Care
// 2005;14:347–351.
#pragma once

#include <span>

#include "core/status.hpp"

namespace carevoice::experience {

// Spiegelhalter (2005) suggests shrinking the 10% most extreme z-scores in each tail; CPES does the same.
inline constexpr double kWinsorFraction = 0.1;

struct OverdispersionEstimate {
    double centre = 0;        // the target θ0 the z-scores were taken around, in the scores' units
    double phi = 0;           // mean of the squared winsorised z-scores
    double tau2 = 0;          // additive between-unit variance, in the scores' units squared
    int units = 0;            // how many units went in
    int winsorised_low = 0;   // z-scores raised to the lower percentile
    int winsorised_high = 0;  // z-scores lowered to the upper percentile
};

// For units with score y_i and null standard error s_i:
//   z_i = (y_i − centre)/s_i, winsorised to the [q, 1−q] percentiles of z (R's default quantile, type 7);
//   φ = (1/I)·Σ z_i²;  w_i = 1/s_i²;
//   τ² = (I·φ − (I − 1)) / (Σw − Σw²/Σw), and τ² = 0 when φ ≤ 1 (issue 3, as CPES publishes it).
// Fails if fewer than two units are given, the spans differ in length, a standard error is not positive,
// or q is outside [0, 0.5).
Result<OverdispersionEstimate> EstimateOverdispersion(std::span<const double> scores,
                                                      std::span<const double> standard_errors, double centre,
                                                      double winsor_fraction = kWinsorFraction);

}  // namespace carevoice::experience
