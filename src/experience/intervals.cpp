#include "experience/intervals.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

// Published bounds are stored as single-precision floats, so allow them to stray this far outside 0–100.
constexpr double kBoundSlack = 1e-4;

Status CheckInterval(Interval published) {
    if (!std::isfinite(published.lower) || !std::isfinite(published.upper) || published.lower > published.upper) {
        return Status::InvalidArgument("the published interval (" + ShowNumber(published.lower) + ", " +
                                       ShowNumber(published.upper) +
                                       ") is not an interval: lower must not exceed upper");
    }
    return Status::Ok();
}

}  // namespace

Status CheckRespondents(int n) {
    if (n <= 0) {
        return Status::InvalidArgument("the number of respondents must be positive, got " + std::to_string(n));
    }
    return Status::Ok();
}

Result<Interval> WilsonInterval(double percent, int n, double z) {
    CV_RETURN_IF_ERROR(CheckRespondents(n));
    if (!(percent >= 0 && percent <= 100)) {
        return Status::InvalidArgument("a percentage must lie between 0 and 100, got " + ShowNumber(percent));
    }
    const double p = percent / 100;
    const double z2n = z * z / n;
    const double denominator = 1 + z2n;
    const double centre = (p + z2n / 2) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    return Interval{100 * std::max(0.0, centre - half), 100 * std::min(1.0, centre + half)};
}

Result<Interval> MeanInterval(double mean, double sd, int n, double z) {
    CV_RETURN_IF_ERROR(CheckRespondents(n));
    if (!(sd >= 0) || !std::isfinite(sd)) {
        return Status::InvalidArgument("a standard deviation must be zero or more, got " + ShowNumber(sd));
    }
    const double half = z * sd / std::sqrt(static_cast<double>(n));
    return Interval{mean - half, mean + half};
}

Result<double> PercentFromWilson(Interval published, int n, double z) {
    CV_RETURN_IF_ERROR(CheckRespondents(n));
    CV_RETURN_IF_ERROR(CheckInterval(published));
    if (published.lower < -kBoundSlack || published.upper > 100 + kBoundSlack) {
        return Status::InvalidArgument("a percentage interval must lie within 0–100, got (" +
                                       ShowNumber(published.lower) + ", " + ShowNumber(published.upper) + ")");
    }
    const double centre = (published.lower + published.upper) / 200;
    const double z2n = z * z / n;
    const double p = centre * (1 + z2n) - z2n / 2;
    return 100 * std::clamp(p, 0.0, 1.0);
}

Result<double> MeanFromInterval(Interval published) {
    CV_RETURN_IF_ERROR(CheckInterval(published));
    return (published.lower + published.upper) / 2;
}

Result<double> SdFromMeanInterval(Interval published, int n, double z) {
    CV_RETURN_IF_ERROR(CheckRespondents(n));
    CV_RETURN_IF_ERROR(CheckInterval(published));
    return (published.upper - published.lower) / 2 * std::sqrt(static_cast<double>(n)) / z;
}

}  // namespace carevoice::experience
