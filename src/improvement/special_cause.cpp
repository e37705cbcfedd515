#include "improvement/special_cause.hpp"

namespace carevoice::improvement {
namespace {

// -1, 0 or +1: below, on or above the mean.
int SideOfMean(double value, double mean) { return value > mean ? 1 : (value < mean ? -1 : 0); }

Side FromSign(int sign) { return sign > 0 ? Side::kHigh : (sign < 0 ? Side::kLow : Side::kNone); }

void MarkBeyondLimits(std::span<const double> values, const ProcessLimits& limits, std::vector<SpecialCauses>& causes) {
    for (std::size_t at = 0; at < values.size(); ++at) {
        if (values[at] > limits.upper_limit) causes[at].beyond_limit = Side::kHigh;
        if (values[at] < limits.lower_limit) causes[at].beyond_limit = Side::kLow;
    }
}

// Every point of every window of kRunLength points all strictly on one side of the mean.
void MarkRuns(const std::vector<int>& side_of_mean, std::vector<SpecialCauses>& causes) {
    const std::size_t n = side_of_mean.size();
    for (std::size_t end = kRunLength - 1; end < n; ++end) {
        const int side = side_of_mean[end];
        if (side == 0) continue;
        bool same = true;
        for (std::size_t back = 1; back < kRunLength && same; ++back) same = side_of_mean[end - back] == side;
        if (!same) continue;
        for (std::size_t at = end + 1 - kRunLength; at <= end; ++at) causes[at].run = FromSign(side);
    }
}

// Every point of every window of kTrendLength points each strictly above (below) the one before.
// Windows are visited in order so that a point in two windows keeps the later one's direction.
void MarkTrends(std::span<const double> values, std::vector<SpecialCauses>& causes) {
    const std::size_t n = values.size();
    for (std::size_t end = kTrendLength - 1; end < n; ++end) {
        bool rising = true;
        bool falling = true;
        for (std::size_t at = end + 2 - kTrendLength; at <= end; ++at) {
            rising = rising && values[at] > values[at - 1];
            falling = falling && values[at] < values[at - 1];
        }
        if (!rising && !falling) continue;
        for (std::size_t at = end + 1 - kTrendLength; at <= end; ++at) {
            causes[at].trend = rising ? Side::kHigh : Side::kLow;
        }
    }
}

// Within each window of 3 points all strictly on one side of the mean with at least 2 of them in
// the outer third (beyond the two-thirds line but not beyond the limit), the points in the outer third.
void MarkTwoOfThree(std::span<const double> values, const ProcessLimits& limits, const std::vector<int>& side_of_mean,
                    std::vector<SpecialCauses>& causes) {
    constexpr std::size_t kWindow = 3;
    constexpr std::size_t kNeeded = 2;
    const std::size_t n = values.size();
    std::vector<bool> in_outer_third(n);
    for (std::size_t at = 0; at < n; ++at) {
        const double v = values[at];
        const bool beyond = v > limits.upper_limit || v < limits.lower_limit;
        in_outer_third[at] = !beyond && (v > limits.upper_two_thirds || v < limits.lower_two_thirds);
    }
    for (std::size_t start = 0; start + kWindow <= n; ++start) {
        const int side = side_of_mean[start];
        if (side == 0 || side_of_mean[start + 1] != side || side_of_mean[start + 2] != side) continue;
        std::size_t count = 0;
        for (std::size_t at = start; at < start + kWindow; ++at) count += in_outer_third[at] ? 1 : 0;
        if (count < kNeeded) continue;
        for (std::size_t at = start; at < start + kWindow; ++at) {
            if (in_outer_third[at]) causes[at].two_of_three = FromSign(side);
        }
    }
}

}  // namespace

bool SpecialCauses::Any() const { return Signal() != Side::kNone; }

Side SpecialCauses::Signal() const {
    for (Side side : {beyond_limit, trend, two_of_three, run}) {
        if (side != Side::kNone) return side;
    }
    return Side::kNone;
}

std::vector<SpecialCauses> FindSpecialCauses(std::span<const double> values, const ProcessLimits& limits) {
    std::vector<SpecialCauses> causes(values.size());
    std::vector<int> side_of_mean(values.size());
    for (std::size_t at = 0; at < values.size(); ++at) side_of_mean[at] = SideOfMean(values[at], limits.mean);
    MarkBeyondLimits(values, limits, causes);
    MarkRuns(side_of_mean, causes);
    MarkTrends(values, causes);
    MarkTwoOfThree(values, limits, side_of_mean, causes);
    return causes;
}

PointType ClassifyPoint(const SpecialCauses& causes, ImprovementDirection direction) {
    const Side signal = causes.Signal();
    if (signal == Side::kNone) return PointType::kCommonCause;
    switch (direction) {
        case ImprovementDirection::kNeutral:
            return signal == Side::kHigh ? PointType::kSpecialCauseNeutralHigh : PointType::kSpecialCauseNeutralLow;
        case ImprovementDirection::kIncrease:
            return signal == Side::kHigh ? PointType::kSpecialCauseImprovement : PointType::kSpecialCauseConcern;
        case ImprovementDirection::kDecrease:
            return signal == Side::kLow ? PointType::kSpecialCauseImprovement : PointType::kSpecialCauseConcern;
    }
    return PointType::kCommonCause;
}

}  // namespace carevoice::improvement
