// The national and alliance overview (organisations × questions, each cell a rating shown by colour
// and symbol, with counts above and below per organisation) and a question's page (its best and worst
// rated organisations).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::experience_pages {
namespace {

using experience::Rating;

struct OrgRow {
    std::string code, name, alliance;
    std::map<std::string, Rating> ratings;  // rated questions only
    int above = 0, below = 0;
};

std::vector<OrgRow> OrgRows(const RatedYear& rated, const std::string& alliance) {
    std::vector<OrgRow> rows;
    for (const auto& [code, indexes] : rated.by_org) {
        const auto& first = *rated.result(indexes.front()).input;
        if (!alliance.empty() && first.alliance != alliance) continue;
        OrgRow row{code, first.org_name, first.alliance, {}, 0, 0};
        for (std::size_t i : indexes) {
            const auto& r = rated.result(i);
            if (!r.rated) continue;
            row.ratings[r.input->question] = r.rated->rating;
            if (r.rated->rating == Rating::kAbove) ++row.above;
            if (r.rated->rating == Rating::kBelow) ++row.below;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void ShowOverview(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache, true, Leniency::kDefaults);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    auto& problems = loaded->query.problems;
    std::string alliance = ctx.Param("alliance");
    if (!alliance.empty() && !rated.alliance_names.contains(alliance)) {
        problems.push_back(
            {"alliance",
             "'" + alliance + "' is not the code of a cancer alliance with results in this year and level"});
        alliance.clear();
    }
    std::string sort = ctx.Param("sort").empty() ? "name" : ctx.Param("sort");
    if (sort != "name" && sort != "below" && sort != "above") {
        problems.push_back({"sort", "'" + sort + "' is not one of name, below, above"});
        sort = "name";
    }
    const std::string page_key = CacheKey({"overview", std::to_string(loaded->query.year), loaded->query.level,
                                           ChoiceName(loaded->query.choice), alliance, sort});
    if (problems.empty() && ServeCachedPage(ctx, *loaded->snapshot, page_key)) return;
    auto rows = OrgRows(rated, alliance);
    std::sort(rows.begin(), rows.end(), [&](const OrgRow& a, const OrgRow& b) {
        if (sort == "below" && a.below != b.below) return a.below > b.below;
        if (sort == "above" && a.above != b.above) return a.above > b.above;
        return a.name < b.name;
    });
    const auto questions = OrderedQuestions(*loaded->snapshot, rated);
    const std::string year = std::to_string(loaded->query.year);
    const std::string level = loaded->query.level;
    const std::string params = loaded->query.choice == app::ParameterChoice::kOwnEstimate ? "&parameters=own" : "";
    nlohmann::json header = nlohmann::json::array();
    for (const auto& q : questions) {
        header.push_back({{"id", q}, {"href", "/experience/questions/" + q + "?year=" + year + "&level=" + level}});
    }
    nlohmann::json body = nlohmann::json::array();
    for (const auto& row : rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& q : questions) {
            auto it = row.ratings.find(q);
            if (it == row.ratings.end())
                cells.push_back({{"c", "n"}, {"s", ""}});
            else if (it->second == Rating::kAbove)
                cells.push_back({{"c", "a"}, {"s", "▲"}});
            else if (it->second == Rating::kBelow)
                cells.push_back({{"c", "b"}, {"s", "▼"}});
            else
                cells.push_back({{"c", "w"}, {"s", "–"}});
        }
        body.push_back({{"name", row.name},
                        {"href", "/experience/organisations/" + UrlEncode(row.code) + "?year=" + year + params},
                        {"above", row.above},
                        {"below", row.below},
                        {"cells", cells}});
    }
    nlohmann::json alliances =
        nlohmann::json::array({{{"code", ""}, {"name", "All cancer alliances"}, {"selected", alliance.empty()}}});
    for (const auto& [code, name] : rated.alliance_names) {
        alliances.push_back({{"code", code}, {"name", name}, {"selected", code == alliance}});
    }
    nlohmann::json levels = nlohmann::json::array();
    for (const char* l : {"trust", "ccg", "alliance"}) {
        levels.push_back({{"value", l}, {"label", LevelLabel(l)}, {"selected", level == l}});
    }
    const std::string base = "/experience/overview?year=" + year + "&level=" + level + params +
                             (alliance.empty() ? "" : "&alliance=" + UrlEncode(alliance));
    nlohmann::json sorts = nlohmann::json::array();
    for (auto [key, label] :
         {std::pair{"name", "Name"}, {"below", "Most below expected"}, {"above", "Most above expected"}}) {
        sorts.push_back({{"label", label},
                         {"href", base + (std::string(key) == "name" ? "" : std::string("&sort=") + key)},
                         {"current", sort == key}});
    }
    nlohmann::json years = nlohmann::json::array();
    for (int y : loaded->snapshot->years) years.push_back({{"year", y}, {"selected", y == loaded->query.year}});
    const std::string alliance_name = alliance.empty() ? "" : rated.alliance_names.at(alliance);
    nlohmann::json data = {{"year", loaded->query.year},
                           {"level_plural", LevelPlural(level)},
                           {"alliance_name", TextOrNull(alliance_name)},
                           {"header", header},
                           {"rows", body},
                           {"count", body.size()},
                           {"has_rows", !body.empty()},
                           {"alliances", alliances},
                           {"show_alliances", level != "alliance"},
                           {"levels", levels},
                           {"sorts", sorts},
                           {"years", years},
                           {"threshold", ctx.app.config().suppression_threshold},
                           {"own_parameters", loaded->query.choice == app::ParameterChoice::kOwnEstimate}};
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    RenderPage(ctx, *loaded->snapshot, page_key,
               alliance.empty() ? "National overview " + year : alliance_name + " overview " + year,
               "experience_overview", data, problems);
}

nlohmann::json RatedList(const RatedYear& rated, const std::vector<std::size_t>& indexes, const std::string& q,
                         const std::string& year) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i : indexes) {
        const auto& r = rated.result(i);
        list.push_back({{"code", r.input->org_code},
                        {"name", r.input->org_name},
                        {"href", "/experience/organisations/" + UrlEncode(r.input->org_code) + "?year=" + year},
                        {"n", *r.input->n},
                        {"score", FormatScore(q, *r.input->score)},
                        {"expected", FormatInterval(q, r.rated->expected)}});
    }
    return list;
}

void ShowQuestion(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache, true, Leniency::kDefaults);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    const std::string q = ctx.params["question"];
    if (!rated.loaded->ratings.questions.contains(q)) {
        return ctx.Error(404, Status::NotFound(q + " is not a question rated in " + std::to_string(loaded->query.year) +
                                               ". The Experience page lists every question."));
    }
    const std::string page_key = CacheKey(
        {"question", std::to_string(loaded->query.year), loaded->query.level, ChoiceName(loaded->query.choice), q});
    if (loaded->query.problems.empty() && ServeCachedPage(ctx, *loaded->snapshot, page_key)) return;
    const auto& summary = rated.loaded->ratings.questions.at(q);
    std::vector<std::size_t> above, below;
    for (std::size_t i : rated.by_question.at(q)) {
        const auto& r = rated.result(i);
        if (!r.rated) continue;
        if (r.rated->rating == Rating::kAbove) above.push_back(i);
        if (r.rated->rating == Rating::kBelow) below.push_back(i);
    }
    auto score = [&](std::size_t i) { return rated.result(i).rated->deciding_score; };
    std::sort(above.begin(), above.end(), [&](auto a, auto b) { return score(a) > score(b); });
    std::sort(below.begin(), below.end(), [&](auto a, auto b) { return score(a) < score(b); });
    const std::string year = std::to_string(loaded->query.year);
    const std::string level = loaded->query.level;
    const auto* meta = FindQuestionMeta(*loaded->snapshot, q);
    nlohmann::json data = {
        {"question", q},
        {"text", TextOrNull(meta ? meta->text : "")},
        {"section", TextOrNull(meta ? meta->section : "")},
        {"year", loaded->query.year},
        {"level_plural", LevelPlural(level)},
        {"rated", summary.rated},
        {"above_count", summary.above},
        {"within_count", summary.within},
        {"below_count", summary.below},
        {"above", RatedList(rated, above, q, year)},
        {"below", RatedList(rated, below, q, year)},
        {"has_above", !above.empty()},
        {"has_below", !below.empty()},
        {"parameters_sentence", ParametersSentence(rated, q, loaded->query.year, loaded->query.choice)},
        {"funnel_href", "/experience/funnel?year=" + year + "&question=" + q + "&level=" + level}};
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    RenderPage(ctx, *loaded->snapshot, page_key, q + ", " + year, "experience_question", data, loaded->query.problems);
}

}  // namespace

void RegisterExperienceOverviewRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience/overview", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowOverview(ctx, *cache); });
    router.Add("GET", "/experience/questions/:question", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowQuestion(ctx, *cache); });
}

}  // namespace carevoice::web::experience_pages
