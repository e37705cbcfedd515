#include "experience/benchmarking.hpp"

#include <algorithm>

#include "experience/cpes_results_file.hpp"

namespace carevoice::experience {

Result<YearRatings> RateYear(const std::vector<PublishedResult>& inputs,
                             const std::vector<QuestionParameters>& published, int suppression_threshold) {
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
        const Measure measure = IsMeanQuestion(question) ? Measure::kMean : Measure::kPercent;
        std::vector<ScoreInput> scores;
        scores.reserve(indices.size());
        for (std::size_t i : indices)
            scores.push_back({*inputs[i].score, *inputs[i].n, inputs[i].interval, std::nullopt});
        std::optional<RangeParameters> params;
        if (const auto* p = FindQuestion(published, question)) params = p->parameters;
        auto rated = RateQuestion(measure, scores, params, suppression_threshold);
        if (!rated.ok()) return Status(rated.status().code(), question + ": " + rated.status().message());
        QuestionSummary summary{rated->source, rated->parameters, rated->estimate, 0, 0, 0, 0};
        for (std::size_t k = 0; k < indices.size(); ++k) {
            auto& r = out.results[indices[k]];
            r.rated = rated->scores[k];
            if (!r.rated) {
                r.suppressed = true;
                continue;
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
        const Measure m = IsMeanQuestion(r.input->question) ? Measure::kMean : Measure::kPercent;
        orgs[it->second].results.push_back({r.input->question, m, r.rated->deciding_score, r.rated->rating});
    }
    return orgs;
}

}  // namespace carevoice::experience
