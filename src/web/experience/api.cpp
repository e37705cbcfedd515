// The national benchmarking part of the JSON API (GET, public): organisations, an organisation's
// profile, a year's ratings, a funnel plot's data and the buddy pairs. The same figures as the pages,
// with the same suppression: a result from too few respondents has no n or score here either.
// Documented in docs/api.md.
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/organisations_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::experience_pages {
namespace {

using nlohmann::json;

// The rating NHS England published beside carevoice's own, or null where the file had none.
json PublishedRating(const experience::PublishedResult& in) {
    return in.published_rating.empty() ? json(nullptr) : json(in.published_rating);
}

constexpr int kApiSearchLimit = 100;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json SourceName(experience::ParameterSource s) { return std::string(experience::ParameterSourceName(s)); }

// A rating the rounded published score cannot settle (experience/borderline.hpp): which limit, and its value.
json BorderlineJson(const experience::RatedResult& r) {
    return {{"borderline", r.borderline.has_value()},
            {"borderline_side",
             r.borderline ? json(std::string(experience::LimitSideName(r.borderline->side))) : json(nullptr)},
            {"borderline_limit", r.borderline ? json(r.borderline->limit) : json(nullptr)}};
}

// The figures only change with an import, so a response is built once per import and kept with the snapshot.
bool ServeCachedJson(RequestContext& ctx, const Snapshot& snapshot, const std::string& key) {
    auto page = snapshot.pages.Get(key);
    if (!page) return false;
    ReleaseConnection(ctx);
    ctx.res.status = 200;
    ctx.res.set_content(page->body, "application/json");
    return true;
}

void SendAndCacheJson(RequestContext& ctx, const Snapshot& snapshot, const std::string& key, const json& body) {
    ReleaseConnection(ctx);
    PageCache::Page page{"", body.dump(), nullptr};
    ctx.res.status = 200;
    ctx.res.set_content(page.body, "application/json");
    snapshot.pages.Put(key, std::move(page));
}

json OrganisationJson(const store::Organisation& o) {
    return {
        {"code", o.code}, {"name", o.name}, {"level", o.level}, {"href", "/api/v1/organisations/" + UrlEncode(o.code)}};
}

void ListOrganisations(RequestContext& ctx) {
    const std::string q(text::Trim(ctx.Param("q")));
    const std::string level = ctx.Param("level");
    if (!level.empty() && level != "trust" && level != "ccg" && level != "alliance") {
        return ctx.Error(422, "invalid_argument", "The query is not right.",
                         {{"level", "'" + level + "' is not one of trust, ccg, alliance"}});
    }
    store::OrganisationsRepository repo(ctx.db());
    auto found = q.empty() ? repo.List(level.empty() ? std::nullopt : std::optional<std::string>(level))
                           : repo.Search(q, kApiSearchLimit);
    if (!found.ok()) return ctx.Error(503, found.status());
    json list = json::array();
    for (const auto& o : *found) {
        if (o.level != "trust" && o.level != "ccg" && o.level != "alliance") continue;
        if (!level.empty() && o.level != level) continue;
        list.push_back(OrganisationJson(o));
    }
    ctx.Json(200, {{"organisations", list}});
}

void GetOrganisation(RequestContext& ctx) {
    store::OrganisationsRepository repo(ctx.db());
    auto org = repo.FindByCode(ctx.params["code"]);
    if (!org.ok()) return ctx.Error(HttpStatusFor(org.status()), org.status());
    json out = OrganisationJson(*org);
    out["alliance"] = nullptr;
    if (org->parent_id) {
        if (auto parent = repo.FindById(*org->parent_id); parent.ok()) out["alliance"] = OrganisationJson(*parent);
    }
    out["results_href"] = "/api/v1/organisations/" + UrlEncode(org->code) + "/results";
    ctx.Json(200, out);
}

json ChangeJson(const Change& c) {
    json j = {{"previous_year", c.previous_year},
              {"available", c.available},
              {"published_flag", c.published_flag.empty() ? json(nullptr) : json(c.published_flag)}};
    if (!c.available) return j;
    j["previous_n"] = *c.previous_n;
    j["previous_score"] = *c.previous_score;
    j["current_n"] = *c.current_n;
    j["current_score"] = *c.current_score;
    j["difference"] = *c.current_score - *c.previous_score;
    if (c.test) {
        j["p_value"] = c.test->p_value;
        j["significant"] = c.test->change == experience::Change::kSignificantIncrease   ? "increase"
                           : c.test->change == experience::Change::kSignificantDecrease ? "decrease"
                                                                                        : "none";
    } else {
        j["significant"] = "not_tested";
    }
    return j;
}

void OrganisationResults(RequestContext& ctx, ExperienceCache& cache) {
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) return ctx.Error(503, snapshot.status());
    auto query = ParseYearQuery(ctx, **snapshot, false);
    if (!query.ok()) return ctx.Error(HttpStatusFor(query.status()), query.status());
    const int threshold = ctx.app.config().suppression_threshold;
    const std::string key =
        CacheKey({"api-results", ctx.params["code"], std::to_string(query->year), ChoiceName(query->choice)});
    if (ServeCachedJson(ctx, **snapshot, key)) return;
    auto p = BuildProfile(ctx.db(), cache, **snapshot, ctx.params["code"], query->year, query->choice, threshold);
    if (!p.ok()) return ctx.Error(HttpStatusFor(p.status()), p.status());
    json questions = json::array();
    for (const auto& q : p->questions) {
        json j = {{"question", q.question},
                  {"section", q.section},
                  {"text", q.text},
                  {"shown", q.shown},
                  {"parameters", SourceName(q.source)},
                  {"change", ChangeJson(q.change)}};
        if (q.shown) {
            const auto& r = *q.result;
            j.update({{"n", *r.input->n},
                      {"score", *r.input->score},
                      {"deciding_score", r.rated->deciding_score},
                      {"ci_lower", r.rated->interval.lower},
                      {"ci_upper", r.rated->interval.upper},
                      {"expected_lower", r.rated->expected.lower},
                      {"expected_upper", r.rated->expected.upper},
                      {"rating", std::string(experience::RatingName(r.rated->rating))},
                      {"published_rating", PublishedRating(*r.input)}});
            j.update(BorderlineJson(r));
        } else {
            j["reason"] = q.result ? "fewer than " + std::to_string(threshold) + " respondents" : "not published";
        }
        questions.push_back(j);
    }
    json groups = json::array();
    for (const auto& t : p->tumour_groups) {
        static const char* kVisibility[] = {"shown", "shown_without_n", "suppressed", "not_published"};
        groups.push_back({{"tumour_group", t.tumour_group},
                          {"question", t.question},
                          {"n", Opt(t.n)},
                          {"score", Opt(t.score)},
                          {"status", kVisibility[static_cast<int>(t.visibility)]}});
    }
    json splits = json::array();
    for (const auto& sp : p->splits) {
        splits.push_back({{"question", sp.question},
                          {"sex", sp.sex},
                          {"imd_quintile", sp.imd_quintile},
                          {"n", nullptr},
                          {"score", sp.score}});
    }
    json out = OrganisationJson(p->organisation);
    out.update({{"year", p->year},
                {"parameters", ChoiceName(query->choice)},
                {"alliance", p->alliance_code.empty() ? json(nullptr)
                                                      : json{{"code", p->alliance_code}, {"name", p->alliance_name}}},
                {"suppression_threshold", threshold},
                {"ratings_problem", p->ratings_problem.empty() ? json(nullptr) : json(p->ratings_problem)},
                {"questions", questions},
                {"tumour_groups", groups},
                {"splits", splits}});
    SendAndCacheJson(ctx, **snapshot, key, out);
}

json QuestionSummaryJson(const experience::QuestionSummary& s) {
    json j = {{"parameters", SourceName(s.source)},
              {"centre", s.parameters.centre},
              {"tau2", s.parameters.tau2},
              {"rated", s.rated},
              {"above", s.above},
              {"within", s.within},
              {"below", s.below}};
    if (s.parameters.measure == experience::Measure::kMean) j["sd"] = s.parameters.sd;
    j["measure"] = std::string(experience::MeasureName(s.parameters.measure));
    return j;
}

json RatedJson(const experience::RatedResult& r) {
    json j = {{"code", r.input->org_code},
              {"name", r.input->org_name},
              {"alliance", r.input->alliance},
              {"question", r.input->question},
              {"n", *r.input->n},
              {"score", *r.input->score},
              {"deciding_score", r.rated->deciding_score},
              {"ci_lower", r.rated->interval.lower},
              {"ci_upper", r.rated->interval.upper},
              {"expected_lower", r.rated->expected.lower},
              {"expected_upper", r.rated->expected.upper},
              {"rating", std::string(experience::RatingName(r.rated->rating))},
              {"published_rating", PublishedRating(*r.input)}};
    j.update(BorderlineJson(r));
    return j;
}

void Ratings(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    std::string only = ctx.Param("question");
    if (!only.empty()) {
        auto q = CheckQuestion(rated, only, "question");
        if (!q.ok()) return ctx.Error(422, q.status());
    }
    const std::string key = CacheKey({"api-ratings", std::to_string(loaded->query.year), loaded->query.level,
                                      ChoiceName(loaded->query.choice), only});
    if (ServeCachedJson(ctx, *loaded->snapshot, key)) return;
    json questions = json::object();
    for (const auto& [q, s] : rated.loaded->ratings.questions) {
        if (only.empty() || q == only) questions[q] = QuestionSummaryJson(s);
    }
    json list = json::array();
    for (const auto& r : rated.loaded->ratings.results) {
        if (!r.rated || (!only.empty() && r.input->question != only)) continue;  // suppressed: never sent
        list.push_back(RatedJson(r));
    }
    SendAndCacheJson(ctx, *loaded->snapshot, key,
                     {{"year", loaded->query.year},
                      {"level", loaded->query.level},
                      {"parameters", ChoiceName(loaded->query.choice)},
                      {"suppression_threshold", ctx.app.config().suppression_threshold},
                      {"questions", questions},
                      {"ratings", list}});
}

void Funnel(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    auto q = CheckQuestion(rated, ctx.Param("question"), "question");
    if (!q.ok()) return ctx.Error(422, q.status());
    const std::string key = CacheKey(
        {"api-funnel", std::to_string(loaded->query.year), loaded->query.level, ChoiceName(loaded->query.choice), *q});
    if (ServeCachedJson(ctx, *loaded->snapshot, key)) return;
    auto f = BuildFunnel(rated, *q);
    if (!f.ok()) return ctx.Error(HttpStatusFor(f.status()), f.status());
    json points = json::array();
    for (std::size_t i : f->points) points.push_back(RatedJson(rated.result(i)));
    json curve = json::array();
    for (const auto& p : f->curves.points) {
        curve.push_back({{"n", p.n},
                         {"lower95", p.limits95.lower},
                         {"upper95", p.limits95.upper},
                         {"lower998", p.limits998.lower},
                         {"upper998", p.limits998.upper}});
    }
    SendAndCacheJson(ctx, *loaded->snapshot, key,
                     {{"year", loaded->query.year},
                      {"level", loaded->query.level},
                      {"question", *q},
                      {"summary", QuestionSummaryJson(rated.loaded->ratings.questions.at(*q))},
                      {"centre", f->curves.centre},
                      {"points", points},
                      {"curves", curve}});
}

void Buddy(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache, false);
    if (!loaded) return;
    auto query = ParseBuddyQuery(ctx);
    if (!query.ok()) return ctx.Error(422, query.status());
    const std::string key = CacheKey({"api-buddy", std::to_string(loaded->query.year), ChoiceName(loaded->query.choice),
                                      std::to_string(query->max_mentees), std::to_string(query->min_below),
                                      std::to_string(query->same_alliance_bonus)});
    if (ServeCachedJson(ctx, *loaded->snapshot, key)) return;
    auto plan = BuildBuddyPlan(*loaded->rated, *query);
    if (!plan.ok()) return ctx.Error(HttpStatusFor(plan.status()), plan.status());
    const auto names = OrganisationNames(*loaded->rated);
    auto name = [&](const std::string& code) {
        auto it = names.find(code);
        return it == names.end() ? code : it->second;
    };
    json pairs = json::array();
    for (const auto& p : plan->pairs) {
        json covered = json::array();
        for (const auto& c : p.covered) {
            covered.push_back(
                {{"question", c.question}, {"mentee_score", c.mentee_score}, {"mentor_score", c.mentor_score}});
        }
        pairs.push_back({{"mentee", {{"code", p.mentee}, {"name", name(p.mentee)}}},
                         {"mentor", {{"code", p.mentor}, {"name", name(p.mentor)}}},
                         {"covered", covered},
                         {"advantage", p.advantage},
                         {"same_alliance", p.same_alliance},
                         {"weight", p.weight}});
    }
    json unmatched = json::array();
    for (const auto& u : plan->unmatched) {
        unmatched.push_back(
            {{"mentee", {{"code", u.mentee}, {"name", name(u.mentee)}}},
             {"reason", u.reason == experience::UnmatchedReason::kNoEligibleMentor ? "no_eligible_mentor"
                                                                                   : "eligible_mentors_at_capacity"},
             {"below_questions", u.below_questions},
             {"eligible_mentors", u.eligible_mentors}});
    }
    SendAndCacheJson(ctx, *loaded->snapshot, key,
                     {{"year", loaded->query.year},
                      {"parameters", ChoiceName(loaded->query.choice)},
                      {"options",
                       {{"max_mentees", query->max_mentees},
                        {"min_below", query->min_below},
                        {"same_alliance_bonus", query->same_alliance_bonus}}},
                      {"total_weight", plan->total_weight},
                      {"pairs", pairs},
                      {"unmatched", unmatched}});
}

}  // namespace

void RegisterExperienceApiRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/api/v1/organisations", Access::Public(), RouteKind::kApi, ListOrganisations);
    router.Add("GET", "/api/v1/organisations/:code", Access::Public(), RouteKind::kApi, GetOrganisation);
    router.Add("GET", "/api/v1/organisations/:code/results", Access::Public(), RouteKind::kApi,
               [cache](RequestContext& ctx) { OrganisationResults(ctx, *cache); });
    router.Add("GET", "/api/v1/ratings", Access::Public(), RouteKind::kApi,
               [cache](RequestContext& ctx) { Ratings(ctx, *cache); });
    router.Add("GET", "/api/v1/funnel", Access::Public(), RouteKind::kApi,
               [cache](RequestContext& ctx) { Funnel(ctx, *cache); });
    router.Add("GET", "/api/v1/buddy", Access::Public(), RouteKind::kApi,
               [cache](RequestContext& ctx) { Buddy(ctx, *cache); });
}

}  // namespace carevoice::web::experience_pages
