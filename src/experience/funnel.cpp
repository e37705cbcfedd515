#include "experience/funnel.hpp"

#include <cmath>
#include <string>

#include "experience/normal.hpp"

namespace carevoice::experience {

Result<FunnelCurves> FunnelLimits(const RangeParameters& parameters, int n_min, int n_max, int max_points) {
    CV_RETURN_IF_ERROR(CheckParameters(parameters));
    if (n_min <= 0 || n_max < n_min) {
        return Status::InvalidArgument("the funnel needs 0 < n_min ≤ n_max, got n_min = " + std::to_string(n_min) +
                                       " and n_max = " + std::to_string(n_max));
    }
    if (max_points < 2) {
        return Status::InvalidArgument("a funnel curve needs at least 2 points, got " + std::to_string(max_points));
    }
    FunnelCurves curves;
    curves.centre = parameters.centre;
    curves.points.reserve(static_cast<std::size_t>(max_points));
    const double log_min = std::log(static_cast<double>(n_min));
    const double log_step = (std::log(static_cast<double>(n_max)) - log_min) / (max_points - 1);
    int previous = 0;
    for (int step = 0; step < max_points; ++step) {
        int n = step == max_points - 1 ? n_max : static_cast<int>(std::lround(std::exp(log_min + step * log_step)));
        if (n <= previous) continue;  // small n: neighbouring log steps round to the same count
        previous = n;
        FunnelPoint point;
        point.n = n;
        CV_ASSIGN_OR_RETURN(point.limits95, ExpectedRange(parameters, n, kZ95));
        CV_ASSIGN_OR_RETURN(point.limits998, ExpectedRange(parameters, n, kZ998));
        curves.points.push_back(point);
    }
    return curves;
}

}  // namespace carevoice::experience
