#include "app/year_ratings.hpp"

#include "experience/cpes_results_file.hpp"

namespace carevoice::app {

Result<std::shared_ptr<const LoadedRatings>> LoadYearRatings(
    store::Connection& conn, int year, const std::string& level, ParameterChoice choice, int suppression_threshold,
    const std::optional<std::vector<experience::QuestionParameters>>& override_params) {
    auto out = std::make_shared<LoadedRatings>();
    out->year = year;
    out->level = level;
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
    } else if (choice == ParameterChoice::kPublishedIfAvailable && level != "alliance") {
        // The published parameters are the trusts' (and fit the CCGs' published ranges too). The 2018
        // alliance ranges are wider than the trusts' τ² gives, so alliances are rated with carevoice's own
        // estimate across alliances; README.md gives the agreement of both choices at each level.
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
        // A trust's published interval is a Wilson interval to one decimal and carries the precision its
        // rounded score lost. CCG and alliance limits were published rounded to whole percentages, so for
        // their percentage questions the interval would decide nothing and is left out: carevoice computes
        // the interval from score and n, and rates the score as published (the README says how often that
        // agrees). The 0–10 item's limits keep two decimals and still give its respondent-level SD.
        const bool rounded_limits = level != "trust" && !experience::IsMeanQuestion(s.question);
        if (s.ci_lower && s.ci_upper && !rounded_limits) p.interval = experience::Interval{*s.ci_lower, *s.ci_upper};
        p.published_rating = s.rating;
        out->inputs.push_back(std::move(p));
    }
    CV_ASSIGN_OR_RETURN(out->ratings, experience::RateYear(out->inputs, out->params, suppression_threshold));
    return std::shared_ptr<const LoadedRatings>(std::move(out));
}

}  // namespace carevoice::app
