// The Experience area's landing page and the organisation search, and the registration of every
// national benchmarking route (pages, downloads and the JSON API) with one shared ratings cache.
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/organisations_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web {
namespace experience_pages {
namespace {

constexpr int kSearchLimit = 50;

bool CanImport(const RequestContext& ctx) {
    return ctx.user && (ctx.user->role == Role::kAnalyst || ctx.user->role == Role::kAdmin);
}

nlohmann::json QuestionLinks(const Snapshot& snapshot, const RatedYear& rated, int year) {
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& q : OrderedQuestions(snapshot, rated)) {
        const auto* meta = FindQuestionMeta(snapshot, q);
        const std::string section = meta ? meta->section : "Questions";
        if (sections.empty() || sections.back()["name"] != section) {
            sections.push_back({{"name", section}, {"questions", nlohmann::json::array()}});
        }
        sections.back()["questions"].push_back(
            {{"id", q},
             {"text", TextOrNull(meta ? meta->text : "")},
             {"href", "/experience/questions/" + q + "?year=" + std::to_string(year)},
             {"funnel_href", "/experience/funnel?year=" + std::to_string(year) + "&question=" + q}});
    }
    return sections;
}

void ShowLanding(RequestContext& ctx, ExperienceCache& cache) {
    nlohmann::json data = {{"can_import", CanImport(ctx)}, {"has_results", false}};
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) return ctx.Error(503, Status::Unavailable("The survey results cannot be read now."));
    const std::string page_key = CacheKey({"landing", CanImport(ctx) ? "importer" : ""});
    if (ServeCachedPage(ctx, **snapshot, page_key)) return;
    if (!(*snapshot)->years.empty()) {
        const int year = (*snapshot)->years.front();
        auto rated = cache.Ratings(ctx.db(), **snapshot, year, "trust", app::ParameterChoice::kPublishedIfAvailable,
                                   ctx.app.config().suppression_threshold);
        nlohmann::json years = nlohmann::json::array();
        for (int y : (*snapshot)->years) years.push_back(y);
        data["has_results"] = true;
        data["year"] = year;
        data["years"] = years;
        data["threshold"] = ctx.app.config().suppression_threshold;
        if (rated.ok()) {
            data["trusts"] = (*rated)->by_org.size();
            data["sections"] = QuestionLinks(**snapshot, **rated, year);
            data["has_sections"] = true;
        } else {
            data["ratings_problem"] = rated.status().message();
        }
    }
    RenderAndCachePage(ctx, **snapshot, page_key, "Experience", "experience_landing", data);
}

void ShowSearch(RequestContext& ctx) {
    const std::string q(text::Trim(ctx.Param("q")));
    nlohmann::json data = {{"q", q}, {"searched", !q.empty()}};
    nlohmann::json results = nlohmann::json::array();
    if (!q.empty()) {
        store::OrganisationsRepository orgs(ctx.db());
        auto found = orgs.Search(q, kSearchLimit);
        if (!found.ok()) return ctx.Error(503, Status::Unavailable("The organisations cannot be searched now."));
        for (const auto& o : *found) {
            if (o.level != "trust" && o.level != "ccg" && o.level != "alliance") continue;
            results.push_back({{"code", o.code},
                               {"name", o.name},
                               {"level", LevelLabel(o.level)},
                               {"href", "/experience/organisations/" + UrlEncode(o.code)}});
        }
    } else {
        // Without a query, the cancer alliances give a short, useful starting list.
        store::OrganisationsRepository orgs(ctx.db());
        auto alliances = orgs.List("alliance");
        if (alliances.ok()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& a : *alliances) {
                list.push_back(
                    {{"code", a.code}, {"name", a.name}, {"href", "/experience/organisations/" + UrlEncode(a.code)}});
            }
            data["alliances"] = list;
            data["has_alliances"] = !list.empty();
        }
    }
    data["results"] = results;
    data["has_results"] = !results.empty();
    data["count"] = results.size();
    data["limit_reached"] = results.size() >= static_cast<std::size_t>(kSearchLimit);
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    ctx.Page(q.empty() ? "Find an organisation" : "Organisations matching " + q, "experience_search", data);
}

}  // namespace

void RegisterExperienceLandingRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowLanding(ctx, *cache); });
    router.Add("GET", "/experience/organisations", Access::Public(), RouteKind::kPage, ShowSearch);
}

}  // namespace experience_pages

void RegisterExperienceRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    experience_pages::RegisterExperienceLandingRoutes(router, cache);
    experience_pages::RegisterExperienceProfileRoutes(router, cache);
    experience_pages::RegisterExperienceFunnelRoutes(router, cache);
    experience_pages::RegisterExperienceOverviewRoutes(router, cache);
    experience_pages::RegisterExperienceBuddyRoutes(router, cache);
    experience_pages::RegisterExperienceImportRoutes(router);
    experience_pages::RegisterExperienceApiRoutes(router, cache);
}

}  // namespace carevoice::web
