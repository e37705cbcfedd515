#include "experience/deciding_score.hpp"

#include <cmath>

#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

// Half a unit of the publisher's rounding (whole percent; 0.01 of a point for the 0–10 item), plus slack for
// the single-precision storage of the published interval bounds.
constexpr double kPercentRoundingHalf = 0.5;
constexpr double kMeanRoundingHalf = 0.005;
constexpr double kStorageSlack = 1e-3;

}  // namespace

Result<double> DecidingScore(Measure measure, const ScoreInput& input) {
    CV_RETURN_IF_ERROR(CheckRespondents(input.n));
    if (!input.published_interval) return input.score;
    double recovered = 0;
    double rounding_half = 0;
    if (measure == Measure::kPercent) {
        CV_ASSIGN_OR_RETURN(recovered, PercentFromWilson(*input.published_interval, input.n));
        rounding_half = kPercentRoundingHalf;
    } else {
        CV_ASSIGN_OR_RETURN(recovered, MeanFromInterval(*input.published_interval));
        rounding_half = kMeanRoundingHalf;
    }
    if (std::fabs(recovered - input.score) > rounding_half + kStorageSlack) {
        return Status::InvalidArgument("the published interval (" + ShowNumber(input.published_interval->lower) + ", " +
                                       ShowNumber(input.published_interval->upper) +
                                       ") with n = " + std::to_string(input.n) + " belongs to a score of " +
                                       ShowNumber(recovered) + ", not the published " + ShowNumber(input.score) +
                                       "; check that score, n and interval come from the same row");
    }
    return recovered;
}

Result<std::optional<double>> RespondentSd(const ScoreInput& input) {
    if (input.sd) return input.sd;
    if (!input.published_interval) return std::optional<double>();
    CV_ASSIGN_OR_RETURN(double sd, SdFromMeanInterval(*input.published_interval, input.n));
    return std::optional<double>(sd);
}

}  // namespace carevoice::experience
