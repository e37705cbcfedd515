#include "experience/expected_range.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

constexpr double kPercentScaleTop = 100;
constexpr double kMeanScaleTop = 10;  // the 0–10 rating item

double ScaleTop(Measure measure) { return measure == Measure::kPercent ? kPercentScaleTop : kMeanScaleTop; }

}  // namespace

std::string_view RatingName(Rating rating) {
    switch (rating) {
        case Rating::kBelow:
            return "below";
        case Rating::kWithin:
            return "within";
        case Rating::kAbove:
            return "above";
    }
    return "within";
}

std::string_view MeasureName(Measure measure) {
    return measure == Measure::kPercent ? "percent_positive" : "mean_0_10";
}

Status CheckParameters(const RangeParameters& parameters) {
    const double top = ScaleTop(parameters.measure);
    if (!(parameters.centre > 0 && parameters.centre < top)) {
        return Status::InvalidArgument("the national score (centre) must lie strictly between 0 and " +
                                       ShowNumber(top) + ", got " + ShowNumber(parameters.centre));
    }
    if (parameters.measure == Measure::kMean && !(parameters.sd > 0 && std::isfinite(parameters.sd))) {
        return Status::InvalidArgument("the 0–10 item needs a positive respondent-level sd, got " +
                                       ShowNumber(parameters.sd));
    }
    if (!(parameters.tau2 >= 0 && std::isfinite(parameters.tau2))) {
        return Status::InvalidArgument("tau2 must be zero or more, got " + ShowNumber(parameters.tau2));
    }
    return Status::Ok();
}

Result<Interval> ExpectedRange(const RangeParameters& parameters, int n, double z) {
    CV_RETURN_IF_ERROR(CheckRespondents(n));
    CV_RETURN_IF_ERROR(CheckParameters(parameters));
    if (parameters.measure == Measure::kPercent) {
        const double p0 = parameters.centre / kPercentScaleTop;
        const double half = z * std::sqrt(p0 * (1 - p0) / n + parameters.tau2);
        return Interval{kPercentScaleTop * std::max(0.0, p0 - half), kPercentScaleTop * std::min(1.0, p0 + half)};
    }
    const double half = z * std::sqrt(parameters.sd * parameters.sd / n + parameters.tau2);
    return Interval{std::max(0.0, parameters.centre - half), std::min(kMeanScaleTop, parameters.centre + half)};
}

Rating Rate(double score, Interval expected) {
    if (score < expected.lower) return Rating::kBelow;
    if (score > expected.upper) return Rating::kAbove;
    return Rating::kWithin;
}

}  // namespace carevoice::experience
