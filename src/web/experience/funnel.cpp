// The funnel plot of one question and year: every organisation's score against its number of
// respondents, the centre line and the 95% and 99.8% limits, the chosen organisation highlighted;
// drawn on the server as an accessible SVG, with the same numbers as a table and a CSV download.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "experience/cpes_results_file.hpp"
#include "store/organisations_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::experience_pages {
namespace {

using experience::Rating;

svg::Marker MarkerFor(Rating r) {
    return r == Rating::kAbove   ? svg::Marker::kTriangleUp
           : r == Rating::kBelow ? svg::Marker::kTriangleDown
                                 : svg::Marker::kCircle;
}

std::string PointClass(Rating r) { return std::string("cv-point cv-point--") + std::string(experience::RatingName(r)); }

std::string Describe(const Snapshot& snapshot, const RatedYear& rated, const FunnelData& f,
                     const std::string& highlight) {
    const auto& summary = rated.loaded->ratings.questions.at(f.question);
    const std::string& q = f.question;
    const bool mean = experience::IsMeanQuestion(q);
    std::string d = "Funnel plot of " + QuestionTitle(snapshot, q) + " for " + std::to_string(f.points.size()) + " " +
                    LevelPlural(rated.loaded->level) + " in " + std::to_string(rated.loaded->year) +
                    ". Each point is one organisation's score against its number of respondents. The centre line is "
                    "the national score, " +
                    FormatValue(q, f.curves.centre) + (mean ? "" : "%") +
                    "; the inner curves are the 95% limits (the expected range) and the outer curves the 99.8% "
                    "limits. " +
                    std::to_string(summary.above) + " are above expected (triangles pointing up), " +
                    std::to_string(summary.below) + " below expected (triangles pointing down) and " +
                    std::to_string(summary.within) + " within (circles).";
    for (std::size_t i : f.points) {
        const auto& r = rated.result(i);
        if (r.input->org_code != highlight) continue;
        d += " Highlighted: " + r.input->org_name + " (" + r.input->org_code + "), " + FormatScore(q, *r.input->score) +
             " from " + std::to_string(*r.input->n) + " respondents, " + RatingLabel(r.rated->rating) + ".";
    }
    return d;
}

// The question of the address, or the first of the questionnaire rated this year when there is none (the
// page opens on it) or it is not rated (said in the error summary).
Result<std::string> QuestionOrFirst(const Snapshot& snapshot, const RatedYear& rated, const std::string& asked,
                                    std::vector<FieldProblem>& problems) {
    auto question = CheckQuestion(rated, asked, "question");
    if (question.ok()) return question;
    if (!asked.empty()) problems.push_back(question.status().details().front());
    for (const auto& q : snapshot.questions) {
        if (rated.loaded->ratings.questions.contains(q.id)) return q.id;
    }
    if (!rated.loaded->ratings.questions.empty()) return rated.loaded->ratings.questions.begin()->first;
    return Status::NotFound("no question is rated in this year and level");
}

void ShowFunnel(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache, true, Leniency::kDefaults);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    auto& problems = loaded->query.problems;
    auto question = QuestionOrFirst(*loaded->snapshot, rated, ctx.Param("question"), problems);
    if (!question.ok()) return ctx.Error(HttpStatusFor(question.status()), question.status());
    std::string highlight = ctx.Param("highlight");
    if (!highlight.empty() && !store::OrganisationsRepository(ctx.db()).FindByCode(highlight).ok()) {
        problems.push_back({"highlight", "no organisation has the code '" + highlight + "'"});
        highlight.clear();
    }
    const std::string page_key = CacheKey({"funnel", std::to_string(loaded->query.year), loaded->query.level,
                                           ChoiceName(loaded->query.choice), *question, highlight});
    if (problems.empty() && ServeCachedPage(ctx, *loaded->snapshot, page_key)) return;
    auto funnel = BuildFunnel(rated, *question);
    if (!funnel.ok()) return ctx.Error(HttpStatusFor(funnel.status()), funnel.status());
    const std::string& q = *question;
    const std::string year = std::to_string(loaded->query.year);

    nlohmann::json rows = nlohmann::json::array();
    bool highlight_plotted = false;
    std::vector<std::size_t> by_name = funnel->points;
    std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) {
        return rated.result(a).input->org_name < rated.result(b).input->org_name;
    });
    for (std::size_t i : by_name) {
        const auto& r = rated.result(i);
        const bool hl = r.input->org_code == highlight;
        highlight_plotted = highlight_plotted || hl;
        rows.push_back({{"code", r.input->org_code},
                        {"name", r.input->org_name},
                        {"href", "/experience/organisations/" + UrlEncode(r.input->org_code) + "?year=" + year},
                        {"n", *r.input->n},
                        {"score", FormatScore(q, *r.input->score)},
                        {"plotted", FormatValue(q, r.rated->deciding_score)},
                        {"expected", FormatInterval(q, r.rated->expected)},
                        {"rating", RatingLabel(r.rated->rating)},
                        {"symbol", r.rated->rating == Rating::kAbove   ? "▲"
                                   : r.rated->rating == Rating::kBelow ? "▼"
                                                                       : "●"},
                        {"short_rating", r.rated->rating == Rating::kAbove   ? "Above"
                                         : r.rated->rating == Rating::kBelow ? "Below"
                                                                             : "Within"},
                        {"highlight", hl}});
    }
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& id : OrderedQuestions(*loaded->snapshot, rated)) {
        questions.push_back({{"id", id}, {"label", QuestionTitle(*loaded->snapshot, id)}, {"selected", id == q}});
    }
    nlohmann::json levels = nlohmann::json::array();
    for (const char* l : {"trust", "ccg", "alliance"}) {
        levels.push_back({{"value", l}, {"label", LevelLabel(l)}, {"selected", loaded->query.level == l}});
    }
    nlohmann::json years = nlohmann::json::array();
    for (int y : loaded->snapshot->years) years.push_back({{"year", y}, {"selected", y == loaded->query.year}});
    const std::string params = loaded->query.choice == app::ParameterChoice::kOwnEstimate ? "&parameters=own" : "";
    const std::string query = "year=" + year + "&question=" + q + "&level=" + loaded->query.level + params;
    nlohmann::json data = {
        {"question", q},
        {"question_title", QuestionTitle(*loaded->snapshot, q)},
        {"year", loaded->query.year},
        {"level_plural", LevelPlural(loaded->query.level)},
        {"svg", FunnelSvg(*loaded->snapshot, rated, *funnel, highlight)},
        {"rows", rows},
        {"count", rows.size()},
        {"highlight", highlight},
        {"highlight_missing", !highlight.empty() && !highlight_plotted},
        {"parameters_sentence", ParametersSentence(rated, q, loaded->query.year, loaded->query.choice)},
        {"own_parameters", loaded->query.choice == app::ParameterChoice::kOwnEstimate},
        {"switch_href", "/experience/funnel?year=" + year + "&question=" + q + "&level=" + loaded->query.level +
                            (highlight.empty() ? "" : "&highlight=" + UrlEncode(highlight)) +
                            (params.empty() ? "&parameters=own" : "")},
        {"csv_href", "/experience/funnel.csv?" + query},
        {"question_href", "/experience/questions/" + q + "?year=" + year + "&level=" + loaded->query.level},
        {"questions", questions},
        {"levels", levels},
        {"years", years}};
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    RenderPage(ctx, *loaded->snapshot, page_key, "Funnel plot of " + q + ", " + year, "experience_funnel", data,
               problems);
}

void FunnelCsv(RequestContext& ctx, ExperienceCache& cache) {
    auto loaded = LoadForRequest(ctx, cache);
    if (!loaded) return;
    const RatedYear& rated = *loaded->rated;
    auto question = CheckQuestion(rated, ctx.Param("question"), "question");
    if (!question.ok()) return ctx.Error(422, question.status());
    auto funnel = BuildFunnel(rated, *question);
    if (!funnel.ok()) return ctx.Error(HttpStatusFor(funnel.status()), funnel.status());
    const std::string source = std::string(experience::ParameterSourceName(funnel->source));
    std::string out = csv::Row({"code", "name", "alliance", "question", "n", "score", "unrounded_score", "rating",
                                "expected_lower", "expected_upper", "limit998_lower", "limit998_upper", "parameters"});
    for (std::size_t i : funnel->points) {
        const auto& r = rated.result(i);
        auto outer = Limits998(funnel->parameters, *r.input->n);
        const auto& q = *question;
        out += csv::Row({r.input->org_code, r.input->org_name, r.input->alliance, q, std::to_string(*r.input->n),
                         FormatValue(q, *r.input->score), svg::Number(r.rated->deciding_score, 4),
                         std::string(experience::RatingName(r.rated->rating)), svg::Number(r.rated->expected.lower, 4),
                         svg::Number(r.rated->expected.upper, 4), outer.ok() ? svg::Number(outer->lower, 4) : "",
                         outer.ok() ? svg::Number(outer->upper, 4) : "", source});
    }
    ctx.Csv(
        "carevoice-funnel-" + *question + "-" + std::to_string(loaded->query.year) + "-" + loaded->query.level + ".csv",
        out);
}

}  // namespace

std::string FunnelSvg(const Snapshot& snapshot, const RatedYear& rated, const FunnelData& f,
                      const std::string& highlight) {
    const std::string& q = f.question;
    const bool mean = experience::IsMeanQuestion(q);
    const double scale_max = mean ? 10 : 100;
    double lo = f.curves.centre, hi = f.curves.centre;
    int n_max = 0;
    for (std::size_t i : f.points) {
        lo = std::min(lo, rated.result(i).rated->deciding_score);
        hi = std::max(hi, rated.result(i).rated->deciding_score);
        n_max = std::max(n_max, *rated.result(i).input->n);
    }
    if (!f.curves.points.empty()) {
        lo = std::min(lo, f.curves.points.front().limits998.lower);
        hi = std::max(hi, f.curves.points.front().limits998.upper);
    }
    auto [y_min, y_max] = svg::NiceDomain(std::max(0.0, lo), std::min(scale_max, hi), 6);
    y_min = std::max(0.0, y_min);
    y_max = std::min(scale_max, y_max);
    auto x_domain = svg::NiceDomain(0, n_max, 6);

    svg::Axis x{0, x_domain.second, "Number of respondents", nullptr, 6};
    svg::Axis y{y_min, y_max, mean ? "Mean rating (0 to 10)" : "Score (% of positive answers)",
                [mean](double v) { return mean ? svg::Number(v, 1) : svg::Number(v, 0) + "%"; }, 6};
    svg::Chart chart(
        "funnel-" + q,
        "Funnel plot of " + q + ", " + std::to_string(rated.loaded->year) + ", " + LevelPlural(rated.loaded->level),
        Describe(snapshot, rated, f, highlight), x, y);
    std::vector<std::pair<double, double>> lower95, upper95, lower998, upper998;
    for (const auto& p : f.curves.points) {
        lower95.emplace_back(p.n, p.limits95.lower);
        upper95.emplace_back(p.n, p.limits95.upper);
        lower998.emplace_back(p.n, p.limits998.lower);
        upper998.emplace_back(p.n, p.limits998.upper);
    }
    chart.Line(lower998, "cv-funnel__limit998");
    chart.Line(upper998, "cv-funnel__limit998");
    chart.Line(lower95, "cv-funnel__limit95");
    chart.Line(upper95, "cv-funnel__limit95");
    chart.HorizontalLine(f.curves.centre, "cv-funnel__centre");
    std::optional<std::size_t> highlighted;
    // Within first, so that the organisations outside their range are drawn on top.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i : f.points) {
            const auto& r = rated.result(i);
            if ((r.rated->rating == Rating::kWithin) != (pass == 0)) continue;
            if (r.input->org_code == highlight) {
                highlighted = i;
                continue;
            }
            chart.Point(*r.input->n, r.rated->deciding_score, MarkerFor(r.rated->rating), PointClass(r.rated->rating),
                        r.input->org_name + " (" + r.input->org_code + "): " + FormatScore(q, *r.input->score) + ", " +
                            std::to_string(*r.input->n) + " respondents, " + RatingLabel(r.rated->rating));
        }
    }
    if (highlighted) {
        const auto& r = rated.result(*highlighted);
        chart.Point(*r.input->n, r.rated->deciding_score, MarkerFor(r.rated->rating),
                    PointClass(r.rated->rating) + " cv-point--highlight",
                    r.input->org_name + " (" + r.input->org_code + "): " + FormatScore(q, *r.input->score) + ", " +
                        std::to_string(*r.input->n) + " respondents, " + RatingLabel(r.rated->rating),
                    7.5);
        chart.Label(*r.input->n, r.rated->deciding_score, r.input->org_code, "cv-chart__label");
    }
    chart.LegendMarker(svg::Marker::kTriangleUp, "cv-point cv-point--above", "Above expected");
    chart.LegendMarker(svg::Marker::kCircle, "cv-point cv-point--within", "Within");
    chart.LegendMarker(svg::Marker::kTriangleDown, "cv-point cv-point--below", "Below expected");
    chart.LegendLine("cv-funnel__centre", "National");
    chart.LegendLine("cv-funnel__limit95", "95% limits");
    chart.LegendLine("cv-funnel__limit998", "99.8% limits");
    return chart.Render();
}

void RegisterExperienceFunnelRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience/funnel", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowFunnel(ctx, *cache); });
    router.Add("GET", "/experience/funnel.csv", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { FunnelCsv(ctx, *cache); });
}

}  // namespace carevoice::web::experience_pages
