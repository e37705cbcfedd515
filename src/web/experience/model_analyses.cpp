// The assembled data of the national benchmarking pages (model.hpp): an organisation's profile with its
// changes and tumour groups, the funnel plot of a question, and the buddy plan. Suppression is applied
// here, so that no figure from fewer respondents than the threshold is shown.
#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "experience/normal.hpp"
#include "experience/show_number.hpp"
#include "store/experience_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::experience_pages {
namespace {

constexpr const char* kAllCancers = "All Cancers";

Change ChangeFor(const std::map<std::pair<int, std::string>, const store::StoredResult*>& trend, int year,
                 const std::string& question, int threshold) {
    Change c;
    c.previous_year = year - 1;
    auto prev = trend.find({year - 1, question});
    auto cur = trend.find({year, question});
    // The file's flag compares 2017 with 2018 only.
    if (cur != trend.end() && year == 2018) c.published_flag = cur->second->change_2017_2018;
    auto usable = [threshold](const store::StoredResult* r) { return r->n && r->score && *r->n >= threshold; };
    if (prev == trend.end() || cur == trend.end() || !usable(prev->second) || !usable(cur->second)) return c;
    c.available = true;
    c.previous_n = prev->second->n;
    c.previous_score = prev->second->score;
    c.current_n = cur->second->n;
    c.current_score = cur->second->score;
    if (!experience::IsMeanQuestion(question)) {
        auto test = experience::TestChange(*c.previous_score, *c.previous_n, *c.current_score, *c.current_n);
        if (test.ok()) c.test = *test;
    }
    return c;
}

TumourGroupResult TumourGroupFor(const store::StoredResult& r, int threshold) {
    TumourGroupResult t;
    t.tumour_group = r.tumour_group;
    t.question = r.question;
    if (r.n && *r.n < threshold) {
        t.visibility = TumourGroupResult::Visibility::kSuppressed;
    } else if (r.n && r.score) {
        t.visibility = TumourGroupResult::Visibility::kShown;
        t.n = r.n;
        t.score = r.score;
    } else if (!r.n && r.score) {
        // NHS England published the score without its n (alliance breakdowns): shown, labelled.
        t.visibility = TumourGroupResult::Visibility::kShownWithoutN;
        t.score = r.score;
    }
    return t;
}

}  // namespace

Result<Profile> BuildProfile(store::Connection& conn, ExperienceCache& cache, const Snapshot& snapshot,
                             const std::string& code, int year, app::ParameterChoice choice, int threshold) {
    store::OrganisationsRepository orgs(conn);
    Profile p;
    CV_ASSIGN_OR_RETURN(p.organisation, orgs.FindByCode(code));
    if (!IsBenchmarkedLevel(p.organisation.level)) {
        return Status::NotFound(code + " is " +
                                (p.organisation.level == "national" ? "England as a whole" : "not benchmarked") +
                                ": profiles are for trusts, CCGs and cancer alliances. The national scores are the "
                                "centre lines of each question's funnel plot.");
    }
    if (p.organisation.parent_id) {
        auto parent = orgs.FindById(*p.organisation.parent_id);
        if (parent.ok()) {
            p.alliance_code = parent->code;
            p.alliance_name = parent->name;
        }
    }
    p.year = year;
    auto rated = cache.Ratings(conn, snapshot, year, p.organisation.level, choice, threshold);
    if (rated.ok()) {
        p.rated = *rated;
    } else if (rated.status().code() == StatusCode::kFailedPrecondition ||
               rated.status().code() == StatusCode::kNotFound) {
        p.ratings_problem = rated.status().message();
    } else {
        return rated.status();
    }

    store::ExperienceRepository repo(conn);
    store::ResultQuery trend_query;
    trend_query.kind = "yearonyear";
    trend_query.organisation_id = p.organisation.id;
    CV_ASSIGN_OR_RETURN(auto trend_rows, repo.Results(trend_query));
    std::map<std::pair<int, std::string>, const store::StoredResult*> trend;
    for (const auto& r : trend_rows) trend[{r.year, r.question}] = &r;

    std::map<std::string, std::size_t> own;
    if (p.rated) {
        if (auto it = p.rated->by_org.find(p.organisation.code); it != p.rated->by_org.end()) {
            for (std::size_t i : it->second) own[p.rated->result(i).input->question] = i;
        }
    }
    for (const auto& q : p.rated ? OrderedQuestions(snapshot, *p.rated) : std::vector<std::string>{}) {
        ProfileQuestion pq;
        pq.question = q;
        const auto* meta = FindQuestionMeta(snapshot, q);
        pq.section = meta ? meta->section : "Questions";
        pq.text = meta ? meta->text : "";
        if (auto it = own.find(q); it != own.end()) {
            pq.result = &p.rated->result(it->second);
            pq.shown = pq.result->rated.has_value();
        }
        pq.source = p.rated->loaded->ratings.questions.at(q).source;
        pq.change = ChangeFor(trend, year, q, threshold);
        p.questions.push_back(std::move(pq));
    }

    // A year with published scores and trends only (no case-mix adjusted results were published before
    // 2018): each question with the year's unadjusted score and the change from the year before.
    const bool trend_year =
        std::find(snapshot.trend_years.begin(), snapshot.trend_years.end(), year) != snapshot.trend_years.end();
    if (!p.rated && trend_year) {
        p.trend_only = true;
        p.ratings_problem = "There are no case-mix adjusted ratings for " + std::to_string(year) +
                            ": the scores below are the unadjusted scores NHS England published, with the change "
                            "from the year before. Expected ranges and ratings exist from 2018.";
        std::vector<std::string> order;
        for (const auto& q : snapshot.questions) order.push_back(q.id);
        for (const auto& r : trend_rows) {
            if (r.year == year && std::find(order.begin(), order.end(), r.question) == order.end()) {
                order.push_back(r.question);
            }
        }
        for (const auto& q : order) {
            auto row = trend.find({year, q});
            if (row == trend.end()) continue;
            ProfileQuestion pq;
            pq.question = q;
            const auto* meta = FindQuestionMeta(snapshot, q);
            pq.section = meta ? meta->section : "Questions";
            pq.text = meta ? meta->text : "";
            const auto* r = row->second;
            if (r->n && r->score && *r->n >= threshold) {
                pq.published_n = r->n;
                pq.published_score = r->score;
            }
            pq.change = ChangeFor(trend, year, q, threshold);
            p.questions.push_back(std::move(pq));
        }
    }

    // No year in the query: with one, SQLite picks the (year, kind) index and reads every organisation's
    // rows of the year; by organisation alone it reads this one's rows only.
    store::ResultQuery groups_query;
    groups_query.kind = "unadjusted";
    groups_query.organisation_id = p.organisation.id;
    groups_query.all_cancers_only = false;
    CV_ASSIGN_OR_RETURN(auto group_rows, repo.Results(groups_query));
    for (const auto& r : group_rows) {
        if (r.year != year) continue;
        if (r.tumour_group != kAllCancers) {
            p.tumour_groups.push_back(TumourGroupFor(r, threshold));
        } else if ((r.sex != "Both" || r.imd_quintile != "All") && r.score) {
            // Published without n, for populations of a whole alliance: shown, labelled; a split that came
            // with an n below the threshold would be suppressed like any other result.
            if (r.n && *r.n < threshold) continue;
            p.splits.push_back({r.question, r.sex, r.imd_quintile, *r.score});
        }
    }
    return p;
}

Result<FunnelData> BuildFunnel(const RatedYear& rated, const std::string& question) {
    FunnelData f;
    f.question = question;
    const auto& summary = rated.loaded->ratings.questions.at(question);
    f.parameters = summary.parameters;
    f.source = summary.source;
    int n_min = 0, n_max = 0;
    for (std::size_t i : rated.by_question.at(question)) {
        const auto& r = rated.result(i);
        if (!r.rated) continue;
        f.points.push_back(i);
        const int n = *r.input->n;
        n_min = n_min == 0 ? n : std::min(n_min, n);
        n_max = std::max(n_max, n);
    }
    if (f.points.empty()) {
        return Status::FailedPrecondition("no organisation has enough respondents to " + question + " to be rated");
    }
    std::stable_sort(f.points.begin(), f.points.end(), [&](std::size_t a, std::size_t b) {
        return *rated.result(a).input->n < *rated.result(b).input->n;
    });
    CV_ASSIGN_OR_RETURN(f.curves, experience::FunnelLimits(f.parameters, n_min, n_max));
    return f;
}

Result<experience::Interval> Limits998(const experience::RangeParameters& parameters, int n) {
    return experience::ExpectedRange(parameters, n, experience::kZ998);
}

Result<BuddyQuery> ParseBuddyQuery(const RequestContext& ctx) {
    BuddyQuery q;
    CV_ASSIGN_OR_RETURN(q.max_mentees, ParseIntParam(ctx, "max_mentees", experience::kDefaultMentorCapacity, 1, 50));
    CV_ASSIGN_OR_RETURN(q.min_below, ParseIntParam(ctx, "min_below", experience::kDefaultMinBelow, 1, 60));
    CV_ASSIGN_OR_RETURN(q.same_alliance_bonus, ParseDoubleParam(ctx, "same_alliance_bonus", 0, 0, 1000));
    return q;
}

Result<experience::BuddyPlan> BuildBuddyPlan(const RatedYear& rated, const BuddyQuery& query) {
    auto inputs = experience::BuddyInputs(rated.loaded->ratings);
    return experience::MatchBuddies(inputs, {query.min_below, query.max_mentees, query.same_alliance_bonus});
}

std::map<std::string, std::string> OrganisationNames(const RatedYear& rated) {
    std::map<std::string, std::string> names;
    for (const auto& in : rated.loaded->inputs) names.emplace(in.org_code, in.org_name);
    return names;
}

}  // namespace carevoice::web::experience_pages
