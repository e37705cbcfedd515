#include "experience/overdispersion.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

// The q-quantile of sorted values by linear interpolation between order statistics (R's type 7).
double Quantile(const std::vector<double>& sorted, double q) {
    const double h = static_cast<double>(sorted.size() - 1) * q;
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

Status CheckInputs(std::span<const double> scores, std::span<const double> standard_errors, double centre,
                   double winsor_fraction) {
    if (scores.size() != standard_errors.size()) {
        return Status::InvalidArgument("each score needs one standard error: got " + std::to_string(scores.size()) +
                                       " scores and " + std::to_string(standard_errors.size()) + " standard errors");
    }
    if (scores.size() < 2) {
        return Status::InvalidArgument("overdispersion needs at least two organisations with a score, got " +
                                       std::to_string(scores.size()));
    }
    if (!std::isfinite(centre)) return Status::InvalidArgument("the centre is not a number");
    if (!(winsor_fraction >= 0 && winsor_fraction < 0.5)) {
        return Status::InvalidArgument("the winsorisation fraction must lie in [0, 0.5), got " +
                                       ShowNumber(winsor_fraction));
    }
    for (std::size_t unit = 0; unit < scores.size(); ++unit) {
        if (!std::isfinite(scores[unit])) {
            return Status::InvalidArgument("score " + std::to_string(unit + 1) + " is not a number");
        }
        if (!(standard_errors[unit] > 0) || !std::isfinite(standard_errors[unit])) {
            return Status::InvalidArgument("standard error " + std::to_string(unit + 1) + " must be positive, got " +
                                           ShowNumber(standard_errors[unit]));
        }
    }
    return Status::Ok();
}

}  // namespace

Result<OverdispersionEstimate> EstimateOverdispersion(std::span<const double> scores,
                                                      std::span<const double> standard_errors, double centre,
                                                      double winsor_fraction) {
    CV_RETURN_IF_ERROR(CheckInputs(scores, standard_errors, centre, winsor_fraction));
    const std::size_t count = scores.size();
    std::vector<double> z(count);
    for (std::size_t unit = 0; unit < count; ++unit) z[unit] = (scores[unit] - centre) / standard_errors[unit];
    std::vector<double> sorted = z;
    std::sort(sorted.begin(), sorted.end());
    const double low = Quantile(sorted, winsor_fraction);
    const double high = Quantile(sorted, 1 - winsor_fraction);

    OverdispersionEstimate estimate;
    estimate.centre = centre;
    estimate.units = static_cast<int>(count);
    double sum_z2 = 0;
    double sum_w = 0;
    double sum_w2 = 0;
    for (std::size_t unit = 0; unit < count; ++unit) {
        if (z[unit] < low) ++estimate.winsorised_low;
        if (z[unit] > high) ++estimate.winsorised_high;
        const double zw = std::clamp(z[unit], low, high);
        sum_z2 += zw * zw;
        const double w = 1 / (standard_errors[unit] * standard_errors[unit]);
        sum_w += w;
        sum_w2 += w * w;
    }
    const double units = static_cast<double>(count);
    estimate.phi = sum_z2 / units;
    if (estimate.phi > 1) {
        // Positive: I·φ > I > I − 1, and Σw − Σw²/Σw > 0 for two or more positive weights.
        estimate.tau2 = (units * estimate.phi - (units - 1)) / (sum_w - sum_w2 / sum_w);
    }
    return estimate;
}

}  // namespace carevoice::experience
