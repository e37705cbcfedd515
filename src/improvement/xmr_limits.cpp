#include "improvement/xmr_limits.hpp"

#include <cmath>
#include <vector>

namespace carevoice::improvement {

double MovingRange(double previous, double current) { return std::fabs(current - previous); }

ProcessLimits ComputeProcessLimits(std::span<const double> values, MovingRangeScreening screening) {
    ProcessLimits limits;
    double sum = 0;
    for (double v : values) sum += v;
    limits.mean = sum / static_cast<double>(values.size());

    std::vector<double> ranges;
    ranges.reserve(values.size());
    double range_sum = 0;
    for (std::size_t at = 1; at < values.size(); ++at) {
        ranges.push_back(MovingRange(values[at - 1], values[at]));
        range_sum += ranges.back();
    }
    const double all_ranges_mean = range_sum / static_cast<double>(ranges.size());
    limits.moving_range_ceiling = kMovingRangeCeilingMultiplier * all_ranges_mean;
    limits.mean_moving_range = all_ranges_mean;

    if (screening == MovingRangeScreening::kExcludeLarge) {
        double kept_sum = 0;
        std::size_t kept = 0;
        for (double range : ranges) {
            if (range > limits.moving_range_ceiling) continue;
            kept_sum += range;
            ++kept;
        }
        // At least one range is always kept: no range can exceed 3.267 times the mean of them all
        // unless another range lies below that mean.
        limits.moving_ranges_excluded = ranges.size() - kept;
        limits.mean_moving_range = kept_sum / static_cast<double>(kept);
    }

    limits.lower_limit = limits.mean - kLimitMultiplier * limits.mean_moving_range;
    limits.upper_limit = limits.mean + kLimitMultiplier * limits.mean_moving_range;
    limits.lower_two_thirds = limits.mean - kNearLimitMultiplier * limits.mean_moving_range;
    limits.upper_two_thirds = limits.mean + kNearLimitMultiplier * limits.mean_moving_range;
    return limits;
}

}  // namespace carevoice::improvement
