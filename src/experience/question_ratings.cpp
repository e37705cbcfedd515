#include "experience/question_ratings.hpp"

#include <cmath>
#include <string>

#include "experience/disclosure.hpp"

namespace carevoice::experience {
namespace {

constexpr double kPercentScaleTop = 100;

Status AtInput(std::size_t index, const Status& status) {
    return Status(status.code(), "organisation " + std::to_string(index + 1) + ": " + status.message(),
                  status.details());
}

// What each rated input contributes: its deciding score and, for the 0–10 item, its SD if known.
struct Prepared {
    std::size_t index;
    int n;
    double score;
    std::optional<double> sd;
};

Result<std::vector<Prepared>> Prepare(Measure measure, std::span<const ScoreInput> inputs, int suppression_threshold) {
    std::vector<Prepared> prepared;
    prepared.reserve(inputs.size());
    for (std::size_t index = 0; index < inputs.size(); ++index) {
        const ScoreInput& input = inputs[index];
        if (Status status = CheckRespondents(input.n); !status.ok()) return AtInput(index, status);
        if (Suppressed(input.n, suppression_threshold)) continue;
        auto score = DecidingScore(measure, input);
        if (!score.ok()) return AtInput(index, score.status());
        std::optional<double> sd;
        if (measure == Measure::kMean) {
            auto known = RespondentSd(input);
            if (!known.ok()) return AtInput(index, known.status());
            sd = *known;
        }
        prepared.push_back({index, input.n, *score, sd});
    }
    return prepared;
}

Result<QuestionRatings> Estimate(Measure measure, const std::vector<Prepared>& prepared) {
    double total_n = 0;
    double weighted_score = 0;
    double weighted_variance = 0;
    for (const auto& unit : prepared) {
        total_n += unit.n;
        weighted_score += unit.n * unit.score;
        if (measure == Measure::kMean) {
            if (!unit.sd) {
                return Status::InvalidArgument(
                    "organisation " + std::to_string(unit.index + 1) +
                    ": the 0–10 item needs each organisation's SD or published interval to estimate the expected "
                    "range without a parameters file");
            }
            weighted_variance += unit.n * *unit.sd * *unit.sd;
        }
    }
    if (prepared.size() < 2) {
        return Status::InvalidArgument(
            "without a parameters file, the expected range is estimated from the organisations themselves, which "
            "needs at least two with enough respondents; got " +
            std::to_string(prepared.size()));
    }
    RangeParameters parameters;
    parameters.measure = measure;
    parameters.centre = weighted_score / total_n;
    const double scale = measure == Measure::kPercent ? kPercentScaleTop : 1;
    const double centre = parameters.centre / scale;
    if (measure == Measure::kMean) parameters.sd = std::sqrt(weighted_variance / total_n);
    // Chance variation is zero at a national 0% or 100% (or a zero SD), so there is nothing to compare against.
    if (Status usable = CheckParameters(parameters); !usable.ok()) {
        return Status::InvalidArgument("cannot estimate an expected range from these organisations: " +
                                       usable.message());
    }
    std::vector<double> scores;
    std::vector<double> standard_errors;
    scores.reserve(prepared.size());
    standard_errors.reserve(prepared.size());
    for (const auto& unit : prepared) {
        scores.push_back(unit.score / scale);
        const double variance = measure == Measure::kPercent ? centre * (1 - centre) : parameters.sd * parameters.sd;
        standard_errors.push_back(std::sqrt(variance / unit.n));
    }
    CV_ASSIGN_OR_RETURN(OverdispersionEstimate estimate, EstimateOverdispersion(scores, standard_errors, centre));
    estimate.centre = parameters.centre;  // report on the published scale
    parameters.tau2 = estimate.tau2;
    QuestionRatings ratings;
    ratings.source = ParameterSource::kEstimated;
    ratings.parameters = parameters;
    ratings.estimate = estimate;
    return ratings;
}

Result<Interval> OwnInterval(const RangeParameters& parameters, const Prepared& unit) {
    if (parameters.measure == Measure::kPercent) return WilsonInterval(unit.score, unit.n);
    return MeanInterval(unit.score, unit.sd.value_or(parameters.sd), unit.n);
}

}  // namespace

std::string_view ParameterSourceName(ParameterSource source) {
    switch (source) {
        case ParameterSource::kPublished:
            return "published";
        case ParameterSource::kEstimated:
            return "estimated";
        case ParameterSource::kFitted:
            return "fitted";
    }
    return "published";
}

Result<QuestionRatings> RateQuestion(Measure measure, std::span<const ScoreInput> inputs,
                                     const std::optional<RangeParameters>& published, int suppression_threshold) {
    CV_ASSIGN_OR_RETURN(std::vector<Prepared> prepared, Prepare(measure, inputs, suppression_threshold));
    QuestionRatings ratings;
    if (published) {
        if (published->measure != measure) {
            return Status::InvalidArgument("the parameters are for a " + std::string(MeasureName(published->measure)) +
                                           " question, but the scores are " + std::string(MeasureName(measure)));
        }
        CV_RETURN_IF_ERROR(CheckParameters(*published));
        ratings.parameters = *published;
    } else {
        CV_ASSIGN_OR_RETURN(ratings, Estimate(measure, prepared));
    }
    ratings.scores.assign(inputs.size(), std::nullopt);
    for (const auto& unit : prepared) {
        RatedScore rated;
        rated.deciding_score = unit.score;
        auto interval = OwnInterval(ratings.parameters, unit);
        if (!interval.ok()) return AtInput(unit.index, interval.status());
        rated.interval = *interval;
        CV_ASSIGN_OR_RETURN(rated.expected, ExpectedRange(ratings.parameters, unit.n));
        rated.rating = Rate(rated.deciding_score, rated.expected);
        ratings.scores[unit.index] = rated;
    }
    return ratings;
}

}  // namespace carevoice::experience
