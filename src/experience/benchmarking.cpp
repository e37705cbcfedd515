#include "experience/benchmarking.hpp"

#include <algorithm>

#include "experience/cpes_results_file.hpp"

namespace carevoice::experience {
namespace {

Measure MeasureOf(const std::string& question) { return IsMeanQuestion(question) ? Measure::kMean : Measure::kPercent; }

// What goes into the rating, as the level's rule says: the published interval where it decides; otherwise
// only the respondent-level SD it implies for the 0–10 item, and the published score decides.
Result<ScoreInput> ToScoreInput(const PublishedResult& in, Measure measure, const LevelRule& rule) {
    ScoreInput score{*in.score, *in.n, std::nullopt, std::nullopt};
    if (!in.interval) return score;
    if (rule.interval_decides) {
        score.published_interval = in.interval;
    } else if (measure == Measure::kMean) {
        CV_ASSIGN_OR_RETURN(score.sd, SdFromMeanInterval(*in.interval, *in.n));
    }
    return score;
}

struct Chosen {
    std::optional<RangeParameters> parameters;  // nullopt: carevoice's own estimate
    ParameterSource source = ParameterSource::kEstimated;
    std::optional<RangeFit> fit;
};

Result<Chosen> ChooseParameters(const std::string& question, Measure measure, std::span<const ScoreInput> scores,
                                std::span<const PublishedResult* const> rows,
                                const std::vector<QuestionParameters>& published, int suppression_threshold,
                                const LevelRule& rule) {
    Chosen chosen;
    if (rule.parameters == ParameterPlan::kStored) {
        if (const auto* stored = FindQuestion(published, question)) {
            chosen.parameters = stored->parameters;
            chosen.source = ParameterSource::kPublished;
        }
        return chosen;
    }
    if (rule.parameters != ParameterPlan::kFitToPublishedRanges) return chosen;
    std::vector<PublishedRange> ranges;
    for (const auto* row : rows) {
        if (row->expected) ranges.push_back({*row->n, *row->expected});
    }
    if (ranges.size() < 2) return chosen;
    double sd = 0;
    if (measure == Measure::kMean) {
        // The level's own respondent-level SD: part of carevoice's own estimate from the same organisations.
        CV_ASSIGN_OR_RETURN(QuestionRatings own, RateQuestion(measure, scores, std::nullopt, suppression_threshold));
        sd = own.parameters.sd;
    }
    CV_ASSIGN_OR_RETURN(RangeFit fit, FitRangeParameters(measure, ranges, sd, PublishedRoundingUnit(measure)));
    chosen.parameters = fit.parameters;
    chosen.source = ParameterSource::kFitted;
    chosen.fit = fit;
    return chosen;
}

Status RateOneQuestion(const std::string& question, const std::vector<std::size_t>& indices,
                       const std::vector<PublishedResult>& inputs, const std::vector<QuestionParameters>& published,
                       int suppression_threshold, const LevelRule& rule, YearRatings& out) {
    const Measure measure = MeasureOf(question);
    std::vector<ScoreInput> scores;
    std::vector<const PublishedResult*> rows;
    scores.reserve(indices.size());
    for (std::size_t i : indices) {
        auto score = ToScoreInput(inputs[i], measure, rule);
        if (!score.ok()) return Status(score.status().code(), inputs[i].org_code + ": " + score.status().message());
        scores.push_back(*score);
        rows.push_back(&inputs[i]);
    }
    CV_ASSIGN_OR_RETURN(Chosen chosen,
                        ChooseParameters(question, measure, scores, rows, published, suppression_threshold, rule));
    CV_ASSIGN_OR_RETURN(QuestionRatings rated, RateQuestion(measure, scores, chosen.parameters, suppression_threshold));
    if (chosen.parameters) rated.source = chosen.source;
    QuestionSummary summary{rated.source, rated.parameters, rated.estimate, chosen.fit, 0, 0, 0, 0};
    for (std::size_t k = 0; k < indices.size(); ++k) {
        auto& r = out.results[indices[k]];
        r.rated = rated.scores[k];
        if (!r.rated) {
            r.suppressed = true;
            continue;
        }
        if (!rule.interval_decides) {
            r.borderline = FindBorderline(r.rated->deciding_score, r.rated->expected, PublishedRoundingUnit(measure));
        }
        ++summary.rated;
        switch (r.rated->rating) {
            case Rating::kAbove:
                ++summary.above;
                break;
            case Rating::kWithin:
                ++summary.within;
                break;
            case Rating::kBelow:
                ++summary.below;
                break;
        }
    }
    out.questions[question] = summary;
    return Status::Ok();
}

}  // namespace

Result<YearRatings> RateYear(const std::vector<PublishedResult>& inputs,
                             const std::vector<QuestionParameters>& published, int suppression_threshold,
                             const LevelRule& rule) {
    YearRatings out;
    out.results.resize(inputs.size());
    std::map<std::string, std::vector<std::size_t>> by_question;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        out.results[i].input = &inputs[i];
        const auto& in = inputs[i];
        if (!in.score || !in.n || *in.n < suppression_threshold) {
            out.results[i].suppressed = true;
            continue;
        }
        by_question[in.question].push_back(i);
    }
    for (const auto& [question, indices] : by_question) {
        Status status = RateOneQuestion(question, indices, inputs, published, suppression_threshold, rule, out);
        if (!status.ok()) return Status(status.code(), question + ": " + status.message());
    }
    return out;
}

std::vector<BuddyOrganisation> BuddyInputs(const YearRatings& ratings) {
    std::vector<BuddyOrganisation> orgs;
    std::map<std::string, std::size_t> index;
    for (const auto& r : ratings.results) {
        if (!r.rated) continue;
        auto [it, inserted] = index.emplace(r.input->org_code, orgs.size());
        if (inserted) orgs.push_back({r.input->org_code, r.input->alliance, {}});
        const Measure m = MeasureOf(r.input->question);
        orgs[it->second].results.push_back({r.input->question, m, r.rated->deciding_score, r.rated->rating});
    }
    return orgs;
}

}  // namespace carevoice::experience
