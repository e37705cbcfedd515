#include "app/year_ratings.hpp"

#include "experience/cpes_results_file.hpp"

namespace carevoice::app {

Result<std::shared_ptr<const LoadedRatings>> LoadYearRatings(
    store::Connection& conn, int year, const std::string& level, ParameterChoice choice, int suppression_threshold,
    const std::optional<std::vector<experience::QuestionParameters>>& override_params) {
    auto out = std::make_shared<LoadedRatings>();
    out->year = year;
    out->level = level;
    CV_ASSIGN_OR_RETURN(const experience::Level judged, experience::ParseLevel(level));
    out->rule = experience::RuleFor(judged, choice, override_params.has_value());
    store::ExperienceRepository repo(conn);
    store::ResultQuery q;
    q.year = year;
    q.kind = "adjusted";
    q.level = level;
    CV_ASSIGN_OR_RETURN(out->stored, repo.Results(q));
    if (out->stored.empty()) {
        return Status::NotFound("there are no case-mix adjusted results for " + level + "s in " + std::to_string(year) +
                                ": import the published results first");
    }
    if (override_params) {
        out->params = *override_params;
    } else if (out->rule.parameters == experience::ParameterPlan::kStored) {
        CV_ASSIGN_OR_RETURN(out->params, repo.Parameters(year));
    }
    out->inputs.reserve(out->stored.size());
    for (const auto& s : out->stored) {
        experience::PublishedResult p;
        p.org_code = s.org_code;
        p.org_name = s.org_name;
        p.alliance = s.alliance_code;
        p.question = s.question;
        p.n = s.n;
        p.score = s.score;
        // Which of these decide is the level's rule (RateYear); the published ranges are evidence for the fit.
        if (s.ci_lower && s.ci_upper) p.interval = experience::Interval{*s.ci_lower, *s.ci_upper};
        if (s.expected_lower && s.expected_upper) {
            p.expected = experience::Interval{*s.expected_lower, *s.expected_upper};
        }
        p.published_rating = s.rating;
        out->inputs.push_back(std::move(p));
    }
    CV_ASSIGN_OR_RETURN(out->ratings, experience::RateYear(out->inputs, out->params, suppression_threshold, out->rule));
    return std::shared_ptr<const LoadedRatings>(std::move(out));
}

}  // namespace carevoice::app
