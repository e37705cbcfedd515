#include "web/experience/model.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "experience/normal.hpp"
#include "experience/show_number.hpp"
#include "store/experience_repository.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::experience_pages {
namespace {

constexpr const char* kAllCancers = "All Cancers";

int QuestionNumber(const std::string& q) {
    auto n = text::ParseInt(std::string_view(q).substr(q.empty() ? 0 : 1));
    return n.ok() ? static_cast<int>(*n) : 1'000'000;
}

Status InvalidQuery(const std::string& field, const std::string& problem) {
    return Status::InvalidArgument("The address has a value that is not right: " + problem + ".", {{field, problem}});
}

bool IsBenchmarkedLevel(const std::string& level) { return level == "trust" || level == "ccg" || level == "alliance"; }

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

std::shared_ptr<const PageCache::Page> PageCache::Get(const std::string& key) const {
    std::lock_guard lock(mu_);
    auto it = pages_.find(key);
    return it == pages_.end() ? nullptr : it->second;
}

void PageCache::Put(const std::string& key, Page page) const {
    const std::size_t size = key.size() + page.title.size() + page.body.size();
    if (size > kMaxBytes) return;
    auto shared = std::make_shared<const Page>(std::move(page));
    std::lock_guard lock(mu_);
    if (pages_.contains(key)) return;  // another request rendered it meanwhile
    while (bytes_ + size > kMaxBytes && !order_.empty()) {
        auto oldest = pages_.find(order_.front());
        bytes_ -= order_.front().size() + oldest->second->title.size() + oldest->second->body.size();
        pages_.erase(oldest);
        order_.pop_front();
    }
    pages_.emplace(key, std::move(shared));
    order_.push_back(key);
    bytes_ += size;
}

void ReleaseConnection(RequestContext& ctx) { ctx.lease.reset(); }

std::string CacheKey(const std::vector<std::string>& parts) {
    std::string key;
    for (const auto& p : parts) key += p + '\x1f';
    return key;
}

bool ServeCachedPage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key) {
    auto page = snapshot.pages.Get(key);
    if (!page) return false;
    ReleaseConnection(ctx);
    ctx.Page(page->title, "experience_cached", {{"html", page->body}, {"breadcrumbs", page->breadcrumbs}});
    return true;
}

void RenderAndCachePage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key, const std::string& title,
                        const std::string& tmpl, const nlohmann::json& data) {
    PageCache::Page page{title, ctx.app.templates().Render(tmpl, data),
                         data.contains("breadcrumbs") ? data["breadcrumbs"] : nlohmann::json::array()};
    ReleaseConnection(ctx);
    ctx.Page(page.title, "experience_cached", {{"html", page.body}, {"breadcrumbs", page.breadcrumbs}});
    snapshot.pages.Put(key, std::move(page));
}

Result<std::shared_ptr<const Snapshot>> ExperienceCache::Current(store::Connection& conn) {
    // The import stamp lives in the database, so that every server on one PostgreSQL sees an import
    // made by another (or by the command line).
    CV_ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM cpes_imports"));
    const std::pair<std::int64_t, std::int64_t> stamp{row.Int(0), row.Int(1)};
    {
        std::lock_guard lock(mu_);
        if (current_ && current_->stamp == stamp) return current_;
    }
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->stamp = stamp;
    store::ExperienceRepository repo(conn);
    CV_ASSIGN_OR_RETURN(snapshot->years, repo.Years("adjusted"));
    CV_ASSIGN_OR_RETURN(snapshot->trend_years, repo.Years("yearonyear"));
    CV_ASSIGN_OR_RETURN(snapshot->questions, repo.Questions());
    CV_ASSIGN_OR_RETURN(snapshot->result_rows, repo.CountResults());
    std::lock_guard lock(mu_);
    current_ = snapshot;
    return std::shared_ptr<const Snapshot>(snapshot);
}

Result<std::shared_ptr<const RatedYear>> ExperienceCache::Ratings(store::Connection& conn, const Snapshot& snapshot,
                                                                  int year, const std::string& level,
                                                                  app::ParameterChoice choice, int threshold) {
    const auto key = std::make_tuple(year, level, static_cast<int>(choice), threshold);
    // Held while loading: concurrent first requests wait for one load instead of each doing it.
    std::lock_guard lock(snapshot.mu);
    if (auto it = snapshot.ratings.find(key); it != snapshot.ratings.end()) return it->second;
    auto load = app::LoadYearRatings(conn, year, level, choice, threshold);
    if (!load.ok() && load.status().code() == StatusCode::kInvalidArgument) {
        // The stored rows, not the request, are at fault: say so, and name the row's problem.
        return Status::FailedPrecondition("The " + std::to_string(year) + " results of " + LevelPlural(level) +
                                          " cannot be rated: " + load.status().message() +
                                          ". An analyst should check the imported file.");
    }
    if (!load.ok()) return load.status();
    std::shared_ptr<const app::LoadedRatings> loaded = *load;
    auto rated = std::make_shared<RatedYear>();
    rated->loaded = loaded;
    for (std::size_t i = 0; i < loaded->ratings.results.size(); ++i) {
        const auto& in = *loaded->ratings.results[i].input;
        rated->by_org[in.org_code].push_back(i);
        rated->by_question[in.question].push_back(i);
        const auto& stored = loaded->stored[i];
        if (!stored.alliance_code.empty()) rated->alliance_names[stored.alliance_code] = stored.alliance_name;
    }
    std::shared_ptr<const RatedYear> out = rated;
    snapshot.ratings[key] = out;
    return out;
}

Result<YearQuery> ParseYearQuery(const RequestContext& ctx, const Snapshot& snapshot, bool allow_level) {
    YearQuery q;
    if (snapshot.years.empty()) {
        return Status::NotFound(
            "No survey results with case-mix adjusted scores have been imported yet. An analyst "
            "or administrator can import them at /experience/import.");
    }
    const std::string year = ctx.Param("year");
    if (year.empty()) {
        q.year = snapshot.years.front();
    } else {
        auto parsed = text::ParseInt(year);
        if (!parsed.ok())
            return InvalidQuery(
                "year", "'" + year + "' is not a year: give one such as " + std::to_string(snapshot.years.front()));
        q.year = static_cast<int>(*parsed);
        if (std::find(snapshot.years.begin(), snapshot.years.end(), q.year) == snapshot.years.end()) {
            std::string have;
            for (int y : snapshot.years) have += (have.empty() ? "" : ", ") + std::to_string(y);
            return InvalidQuery("year",
                                "there are no case-mix adjusted results for " + year + "; years with results: " + have);
        }
    }
    const std::string level = ctx.Param("level");
    if (!level.empty()) {
        if (!allow_level && level != "trust") return InvalidQuery("level", "this page compares trusts only");
        if (!IsBenchmarkedLevel(level)) {
            return InvalidQuery("level", "'" + level + "' is not one of trust, ccg, alliance");
        }
        q.level = level;
    }
    const std::string params = ctx.Param("parameters");
    if (params == "own") {
        q.choice = app::ParameterChoice::kOwnEstimate;
    } else if (!params.empty() && params != "published") {
        return InvalidQuery("parameters", "'" + params + "' is not one of published, own");
    }
    return q;
}

Result<int> ParseIntParam(const RequestContext& ctx, const std::string& name, int fallback, int lo, int hi) {
    const std::string v = ctx.Param(name);
    if (v.empty()) return fallback;
    auto n = text::ParseInt(v);
    if (!n.ok() || *n < lo || *n > hi) {
        return InvalidQuery(
            name, "'" + v + "' is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
    return static_cast<int>(*n);
}

Result<double> ParseDoubleParam(const RequestContext& ctx, const std::string& name, double fallback, double lo,
                                double hi) {
    const std::string v = ctx.Param(name);
    if (v.empty()) return fallback;
    auto n = text::ParseDouble(v);
    if (!n.ok() || !std::isfinite(*n) || *n < lo || *n > hi) {
        return InvalidQuery(name,
                            "'" + v + "' is not a number from " + svg::Number(lo, 0) + " to " + svg::Number(hi, 0));
    }
    return *n;
}

Result<std::string> CheckQuestion(const RatedYear& rated, const std::string& question, const std::string& field) {
    if (question.empty()) return InvalidQuery(field, "choose a question, such as Q1");
    if (!rated.loaded->ratings.questions.contains(question)) {
        return InvalidQuery(field, "'" + question + "' is not a question rated in " +
                                       std::to_string(rated.loaded->year) +
                                       " (questions run from Q1 to Q59, with gaps)");
    }
    return question;
}

std::optional<Loaded> LoadForRequest(RequestContext& ctx, ExperienceCache& cache, bool allow_level) {
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) {
        ctx.Error(503, Status::Unavailable("The survey results cannot be read now. Try again in a moment."));
        return std::nullopt;
    }
    auto query = ParseYearQuery(ctx, **snapshot, allow_level);
    if (!query.ok()) {
        ctx.Error(HttpStatusFor(query.status()), query.status());
        return std::nullopt;
    }
    auto rated = cache.Ratings(ctx.db(), **snapshot, query->year, query->level, query->choice,
                               ctx.app.config().suppression_threshold);
    if (!rated.ok()) {
        ctx.Error(HttpStatusFor(rated.status()), rated.status());
        return std::nullopt;
    }
    return Loaded{*snapshot, *rated, *query};
}

std::string LevelLabel(const std::string& level) {
    if (level == "ccg") return "CCG";
    if (level == "alliance") return "Cancer alliance";
    if (level == "national") return "England";
    return "Trust";
}

std::string LevelPlural(const std::string& level) {
    if (level == "ccg") return "CCGs";
    if (level == "alliance") return "cancer alliances";
    return "trusts";
}

std::string FormatScore(const std::string& question, double score) {
    if (experience::IsMeanQuestion(question)) return svg::Number(score, 2);
    const bool whole = std::abs(score - std::round(score)) < 1e-9;
    return svg::Number(score, whole ? 0 : 1) + "%";
}

std::string FormatValue(const std::string& question, double value) {
    return experience::IsMeanQuestion(question) ? svg::Number(value, 2) : svg::Number(value, 1);
}

std::string FormatInterval(const std::string& question, const experience::Interval& interval) {
    return FormatValue(question, interval.lower) + " to " + FormatValue(question, interval.upper);
}

std::string RatingLabel(experience::Rating rating) {
    switch (rating) {
        case experience::Rating::kAbove:
            return "Above expected";
        case experience::Rating::kBelow:
            return "Below expected";
        case experience::Rating::kWithin:
            return "Within expected";
    }
    return "Within expected";
}

std::string ChoiceName(app::ParameterChoice choice) {
    return choice == app::ParameterChoice::kOwnEstimate ? "own" : "published";
}

std::vector<std::string> OrderedQuestions(const Snapshot& snapshot, const RatedYear& rated) {
    // Only questions with at least one rated organisation: a question nobody answered enough is not compared.
    const auto& rated_questions = rated.loaded->ratings.questions;
    std::vector<std::string> out;
    for (const auto& q : snapshot.questions) {
        if (rated_questions.contains(q.id)) out.push_back(q.id);
    }
    std::vector<std::string> rest;
    for (const auto& [q, summary] : rated_questions) {
        if (!FindQuestionMeta(snapshot, q)) rest.push_back(q);
    }
    std::sort(rest.begin(), rest.end(),
              [](const std::string& a, const std::string& b) { return QuestionNumber(a) < QuestionNumber(b); });
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

const experience::CpesQuestion* FindQuestionMeta(const Snapshot& snapshot, const std::string& question) {
    for (const auto& q : snapshot.questions) {
        if (q.id == question) return &q;
    }
    return nullptr;
}

std::string QuestionTitle(const Snapshot& snapshot, const std::string& question) {
    const auto* meta = FindQuestionMeta(snapshot, question);
    return meta && !meta->text.empty() ? question + ": " + meta->text : question;
}

std::string ParametersSentence(const RatedYear& rated, const std::string& question, int year,
                               app::ParameterChoice choice) {
    auto it = rated.loaded->ratings.questions.find(question);
    if (it == rated.loaded->ratings.questions.end()) return "";
    const auto& p = it->second.parameters;
    const std::string centre = "the national score " + FormatValue(question, p.centre) +
                               (experience::IsMeanQuestion(question) ? "" : "%") +
                               (experience::IsMeanQuestion(question) ? ", SD " + svg::Number(p.sd, 3) : "") +
                               " and overdispersion τ² = " + experience::ShowNumber(p.tau2);
    if (it->second.source == experience::ParameterSource::kPublished) {
        return "Expected ranges use the parameters published by NHS England for " + std::to_string(year) + ": " +
               centre + ".";
    }
    if (it->second.source == experience::ParameterSource::kFitted) {
        return "Expected ranges use the parameters that reproduce the expected ranges NHS England published for " +
               std::to_string(year) + " at this level: " + centre + ".";
    }
    const std::string why = choice == app::ParameterChoice::kOwnEstimate
                                ? "chosen instead of the published parameters"
                                : "no published parameters were imported for this question and year";
    return "Expected ranges use carevoice's own estimate from the " + std::to_string(year) + " results (" + why +
           "): " + centre + ".";
}

std::string UrlEncode(const std::string& value) { return httplib::detail::encode_query_param(value); }

nlohmann::json TextOrNull(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

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

void SendXlsx(RequestContext& ctx, const std::string& filename, const std::vector<xlsx::Sheet>& sheets,
              const std::string& title) {
    auto bytes = xlsx::Workbook(sheets, title);
    if (!bytes.ok()) return ctx.Error(503, bytes.status());
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    ctx.res.set_content(*bytes, xlsx::kContentType);
}

}  // namespace carevoice::web::experience_pages
