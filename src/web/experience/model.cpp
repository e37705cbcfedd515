// The shared machinery of the national benchmarking pages (model.hpp): the page and ratings caches, the
// reading of query parameters, rendering cached pages and sending workbooks. Labels and formats are in
// model_labels.cpp; the profile, funnel plot and buddy plan data in model_analyses.cpp.
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

Status InvalidQuery(const std::string& field, const std::string& problem) {
    return Status::InvalidArgument("The address has a value that is not right: " + problem + ".", {{field, problem}});
}

}  // namespace

bool IsBenchmarkedLevel(const std::string& level) { return level == "trust" || level == "ccg" || level == "alliance"; }

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

Result<YearQuery> ParseYearQuery(const RequestContext& ctx, const Snapshot& snapshot, bool allow_level,
                                 Leniency leniency, bool trend_years_too) {
    YearQuery q;
    if (snapshot.years.empty()) {
        return Status::NotFound(
            "No survey results with case-mix adjusted scores have been imported yet. An analyst "
            "or administrator can import them at /experience/import.");
    }
    q.year = snapshot.years.front();
    const std::string year = ctx.Param("year");
    if (!year.empty()) {
        auto parsed = text::ParseInt(year);
        auto has = [&](int y) {
            return std::find(snapshot.years.begin(), snapshot.years.end(), y) != snapshot.years.end() ||
                   (trend_years_too && std::find(snapshot.trend_years.begin(), snapshot.trend_years.end(), y) !=
                                           snapshot.trend_years.end());
        };
        if (!parsed.ok()) {
            q.problems.push_back(
                {"year", "'" + year + "' is not a year: give one such as " + std::to_string(snapshot.years.front())});
        } else if (!has(static_cast<int>(*parsed))) {
            std::string have;
            for (int y : snapshot.years) have += (have.empty() ? "" : ", ") + std::to_string(y);
            q.problems.push_back(
                {"year", "there are no case-mix adjusted results for " + year + "; years with results: " + have});
        } else {
            q.year = static_cast<int>(*parsed);
        }
    }
    const std::string level = ctx.Param("level");
    if (!level.empty()) {
        if (!allow_level && level != "trust") {
            q.problems.push_back({"level", "this page compares trusts only"});
        } else if (!IsBenchmarkedLevel(level)) {
            q.problems.push_back({"level", "'" + level + "' is not one of trust, ccg, alliance"});
        } else {
            q.level = level;
        }
    }
    const std::string params = ctx.Param("parameters");
    if (params == "own") {
        q.choice = app::ParameterChoice::kOwnEstimate;
    } else if (!params.empty() && params != "published") {
        q.problems.push_back({"parameters", "'" + params + "' is not one of published, own"});
    }
    if (leniency == Leniency::kRefuse && !q.problems.empty()) {
        return InvalidQuery(q.problems.front().field, q.problems.front().problem);
    }
    return q;
}

void RenderPage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key, const std::string& title,
                const std::string& tmpl, nlohmann::json data, const std::vector<FieldProblem>& problems) {
    if (problems.empty()) return RenderAndCachePage(ctx, snapshot, key, title, tmpl, data);
    // Each problem in words, with no link: the address, not a field of the page, held it.
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", ""},
                          {"message", "The address's " + p.field + " was not used: " + p.problem +
                                          ". The page shows its default instead."}});
    }
    data["errors"] = errors;
    ReleaseConnection(ctx);
    ctx.Page(title, tmpl, data);
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

std::optional<Loaded> LoadForRequest(RequestContext& ctx, ExperienceCache& cache, bool allow_level, Leniency leniency) {
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) {
        ctx.Error(503, Status::Unavailable("The survey results cannot be read now. Try again in a moment."));
        return std::nullopt;
    }
    auto query = ParseYearQuery(ctx, **snapshot, allow_level, leniency);
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

void SendXlsx(RequestContext& ctx, const std::string& filename, const std::vector<xlsx::Sheet>& sheets,
              const std::string& title) {
    auto bytes = xlsx::Workbook(sheets, title);
    if (!bytes.ok()) return ctx.Error(503, bytes.status());
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    ctx.res.set_content(*bytes, xlsx::kContentType);
}

}  // namespace carevoice::web::experience_pages
