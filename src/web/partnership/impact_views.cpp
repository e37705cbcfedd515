// Views built from a group's impact log (issue 4, item 7): the influence map (organisations by how
// strongly the group influences them now, as the report's mapping form), the involvement matrix
// (decision domain × level of involvement, as the report's Table 4, each cell with its count and
// newest examples) and impact by kind over time (a table and a bar chart). Each has a CSV download.
// Members of the group, analysts and admins read them; the aggregations are partnership/impact_views.
#include "partnership/impact_views.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "partnership/dates.hpp"
#include "store/impact_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoReads = "members of the group, analysts and administrators";

struct LoadedLog {
    GroupStanding standing;
    std::vector<partnership::Impact> impacts;
};

// The group of the path and its whole log, if the user may read it; else answers the request.
std::optional<LoadedLog> LoadLog(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return std::nullopt;
    auto impacts = store::ImpactRepository(ctx.db()).ListByGroup(standing->group.id);
    if (!impacts.ok()) {
        ctx.Error(503, impacts.status());
        return std::nullopt;
    }
    return LoadedLog{std::move(*standing), std::move(*impacts)};
}

nlohmann::json Breadcrumbs(const partnership::Group& g) {
    nlohmann::json crumbs = GroupBreadcrumbs(g);
    crumbs.push_back({{"href", GroupBase(g) + "/impacts"}, {"label", "Impact log"}});
    return crumbs;
}

nlohmann::json Examples(const std::vector<partnership::ImpactExample>& examples) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : examples) list.push_back({{"title", e.title}, {"occurred_on", e.occurred_on.ToString()}});
    return list;
}

std::string ExamplesText(const std::vector<partnership::ImpactExample>& examples) {
    std::string out;
    for (const auto& e : examples) out += (out.empty() ? "" : "; ") + e.title + " (" + e.occurred_on.ToString() + ")";
    return out;
}

// ---- Influence map ----

struct InfluencePeriod {
    const char* name;
    const char* label;
    int months;  // 0: every impact
};
constexpr InfluencePeriod kInfluencePeriods[] = {
    {"all", "All impacts", 0}, {"3y", "The last 3 years", 36}, {"12m", "The last 12 months", 12}};

// The period of the address (?period=), all impacts by default; a value that is not one of them is said in
// the error summary and the default used.
const InfluencePeriod& PeriodOf(const RequestContext& ctx, std::vector<FieldProblem>& problems) {
    const std::string asked = ctx.Param("period");
    for (const auto& p : kInfluencePeriods) {
        if (asked == p.name) return p;
    }
    if (!asked.empty()) {
        problems.push_back({"",
                            "The address's period was not used: it must be all, 3y or 12m. The page shows all "
                            "impacts instead."});
    }
    return kInfluencePeriods[0];
}

std::optional<CivilDate> SinceOf(const InfluencePeriod& period, CivilDate today) {
    if (period.months == 0) return std::nullopt;
    return partnership::AddMonths(today, -period.months).AddDays(1);
}

void ShowInfluence(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    const auto& g = log->standing.group;
    std::vector<FieldProblem> problems;
    const InfluencePeriod& period = PeriodOf(ctx, problems);
    const auto since = SinceOf(period, ctx.app.clock().Today());
    const auto map = partnership::InfluenceMap(log->impacts, partnership::kDefaultExamples, since);
    nlohmann::json bands = nlohmann::json::array();
    for (const auto& strength : partnership::kInfluenceStrengths) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& o : map) {
            if (o.strength != strength.value) continue;
            rows.push_back({{"organisation", o.organisation},
                            {"strong", o.strong},
                            {"some", o.some},
                            {"none", o.none},
                            {"total", o.strong + o.some + o.none},
                            {"examples", Examples(o.latest)}});
        }
        bands.push_back({{"name", std::string(strength.name)},
                         {"label", std::string(strength.label)},
                         {"rows", rows},
                         {"count", rows.size()},
                         {"has_rows", !rows.empty()}});
    }
    nlohmann::json periods = nlohmann::json::array();
    for (const auto& p : kInfluencePeriods) {
        periods.push_back(
            {{"label", p.label}, {"href", GroupBase(g) + "/influence?period=" + p.name}, {"current", &p == &period}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"bands", bands},
                           {"has_impacts", !log->impacts.empty()},
                           {"organisation_count", map.size()},
                           {"rule", partnership::kInfluenceMapRule},
                           {"periods", periods},
                           {"since", since ? since->ToLongString() : ""},
                           {"csv_href", GroupBase(g) + "/influence.csv?period=" + period.name},
                           {"breadcrumbs", Breadcrumbs(g)}};
    AddErrors(data, problems);
    ctx.Page("Influence map: " + g.name, "partnership_influence", data);
}

void InfluenceCsv(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    std::vector<FieldProblem> ignored;
    const auto since = SinceOf(PeriodOf(ctx, ignored), ctx.app.clock().Today());
    std::string out = csv::Row({"organisation", "strongest_in_period", "strong", "some", "none", "impacts", "latest"});
    for (const auto& o : partnership::InfluenceMap(log->impacts, partnership::kDefaultExamples, since)) {
        out += csv::Row({o.organisation, std::string(NameOf(partnership::kInfluenceStrengths, o.strength)),
                         std::to_string(o.strong), std::to_string(o.some), std::to_string(o.none),
                         std::to_string(o.strong + o.some + o.none), ExamplesText(o.latest)});
    }
    ctx.Csv("carevoice-influence-" + std::to_string(log->standing.group.id) + ".csv", out);
}

// ---- Involvement matrix ----

void ShowInvolvement(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    const auto& g = log->standing.group;
    const auto matrix = partnership::BuildInvolvementMatrix(log->impacts);
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : partnership::kInvolvementLevels) levels.push_back({{"label", std::string(level.label)}});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& domain : partnership::kDecisionDomains) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& level : partnership::kInvolvementLevels) {
            const auto& cell = matrix.at(domain.value, level.value);
            cells.push_back({{"level", std::string(level.label)},
                             {"count", cell.count},
                             {"has_evidence", cell.count > 0},
                             {"examples", Examples(cell.examples)}});
        }
        rows.push_back({{"domain", std::string(domain.label)}, {"cells", cells}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"levels", levels},
                           {"rows", rows},
                           {"impact_count", log->impacts.size()},
                           {"csv_href", GroupBase(g) + "/involvement.csv"},
                           {"breadcrumbs", Breadcrumbs(g)}};
    ctx.Page("Involvement matrix: " + g.name, "partnership_involvement", data);
}

void InvolvementCsv(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    const auto matrix = partnership::BuildInvolvementMatrix(log->impacts);
    std::string out = csv::Row({"domain", "level", "impacts", "examples"});
    for (const auto& domain : partnership::kDecisionDomains) {
        for (const auto& level : partnership::kInvolvementLevels) {
            const auto& cell = matrix.at(domain.value, level.value);
            out += csv::Row({std::string(domain.name), std::string(level.name), std::to_string(cell.count),
                             ExamplesText(cell.examples)});
        }
    }
    ctx.Csv("carevoice-involvement-" + std::to_string(log->standing.group.id) + ".csv", out);
}

// ---- Impact by kind over time ----

struct ByKindQuery {
    partnership::Period period = partnership::Period::kYear;
    std::optional<partnership::ImpactKind> kind;  // none: every kind
};

// Reads ?period=year|quarter and ?kind=NAME (empty: every kind); answers 422 naming the field if bad.
std::optional<ByKindQuery> ReadByKindQuery(RequestContext& ctx) {
    ByKindQuery q;
    const std::string period = ctx.Param("period");
    if (period == "quarter") {
        q.period = partnership::Period::kQuarter;
    } else if (!period.empty() && period != "year") {
        ctx.Error(422, "invalid_argument", "Choose a period of a year or a quarter.",
                  {{"period", "'" + period + "' is not year or quarter"}});
        return std::nullopt;
    }
    const std::string kind = ctx.Param("kind");
    if (!kind.empty()) {
        q.kind = ParseName(partnership::kImpactKinds, kind);
        if (!q.kind) {
            ctx.Error(422, "invalid_argument", "Choose one of the kinds of impact, or all of them.",
                      {{"kind", "'" + kind + "' is not a kind of impact"}});
            return std::nullopt;
        }
    }
    return q;
}

int Charted(const partnership::PeriodCounts& p, const ByKindQuery& q) {
    return q.kind ? p.by_kind[static_cast<std::size_t>(*q.kind)] : p.total;
}

std::string DrawByKind(const std::vector<partnership::PeriodCounts>& periods, const ByKindQuery& q) {
    const std::string what = q.kind ? "Impacts of the kind " + std::string(LabelOf(partnership::kImpactKinds, *q.kind))
                                    : "Impacts of every kind";
    int highest = 1;
    for (const auto& p : periods) highest = std::max(highest, Charted(p, q));
    const int y_ticks = std::min(6, highest);
    const double y_max = svg::NiceDomain(0, highest, y_ticks).second;
    const int n = static_cast<int>(periods.size());
    const bool by_year = q.period == partnership::Period::kYear;
    svg::Axis x{-0.5, n - 0.5, by_year ? "Year" : "Quarter",
                [&periods](double v) {
                    const double rounded = std::round(v);
                    if (std::abs(v - rounded) > 1e-6 || rounded < 0 || rounded >= static_cast<double>(periods.size()))
                        return std::string();
                    return periods[static_cast<std::size_t>(rounded)].label;
                },
                std::max(1, std::min(n, by_year ? 12 : 8))};
    svg::Axis y{0, y_max, "Impacts recorded", [](double v) { return svg::Number(v, 0); }, y_ticks};
    svg::Layout layout;
    layout.margin_bottom = 72;  // no legend: one series, named in the title
    layout.height = 400;
    std::string description = what + ", counted per " + (by_year ? "year" : "quarter") + " from " +
                              periods.front().label + " to " + periods.back().label + ":";
    for (const auto& p : periods) description += " " + p.label + " " + std::to_string(Charted(p, q)) + ";";
    svg::Chart chart("by-kind-chart", what + " by " + (by_year ? "year" : "quarter"), description, x, y, layout);
    for (int i = 0; i < n; ++i) {
        const auto& p = periods[static_cast<std::size_t>(i)];
        const int count = Charted(p, q);
        if (count == 0) continue;
        chart.Bar(i - 0.35, i + 0.35, 0, count, "cv-bar",
                  p.label + ": " + std::to_string(count) + (count == 1 ? " impact" : " impacts"));
    }
    return chart.Render();
}

void ShowByKind(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    auto q = ReadByKindQuery(ctx);
    if (!q) return;
    const auto& g = log->standing.group;
    const auto periods = partnership::ImpactByKindOverTime(log->impacts, q->period);
    nlohmann::json headers = nlohmann::json::array();
    for (const auto& p : periods) headers.push_back({{"label", p.label}});
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t k = 0; k < partnership::kImpactKinds.size(); ++k) {
        nlohmann::json counts = nlohmann::json::array();
        int total = 0;
        for (const auto& p : periods) {
            counts.push_back({{"count", p.by_kind[k]}});
            total += p.by_kind[k];
        }
        rows.push_back({{"kind", std::string(partnership::kImpactKinds[k].label)},
                        {"counts", counts},
                        {"total", total},
                        {"charted", q->kind && static_cast<std::size_t>(*q->kind) == k}});
    }
    nlohmann::json totals = nlohmann::json::array();
    int grand = 0;
    for (const auto& p : periods) {
        totals.push_back({{"count", p.total}});
        grand += p.total;
    }
    const std::string period_name = q->period == partnership::Period::kYear ? "year" : "quarter";
    const std::string kind_name = q->kind ? std::string(NameOf(partnership::kImpactKinds, *q->kind)) : "";
    nlohmann::json kinds = Options(partnership::kImpactKinds, kind_name);
    const nlohmann::json every = {{"value", ""}, {"label", "Every kind"}, {"selected", !q->kind}};
    kinds.insert(kinds.begin(), every);
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"has_impacts", !periods.empty()},
                           {"svg", periods.empty() ? "" : DrawByKind(periods, *q)},
                           {"headers", headers},
                           {"rows", rows},
                           {"totals", totals},
                           {"grand_total", grand},
                           {"by_year", q->period == partnership::Period::kYear},
                           {"period_name", period_name},
                           {"kinds", kinds},
                           {"csv_href", GroupBase(g) + "/impacts/by-kind.csv?period=" + period_name},
                           {"breadcrumbs", Breadcrumbs(g)}};
    ctx.Page("Impact by kind over time: " + g.name, "partnership_impacts_by_kind", data);
}

void ByKindCsv(RequestContext& ctx) {
    auto log = LoadLog(ctx);
    if (!log) return;
    auto q = ReadByKindQuery(ctx);
    if (!q) return;
    std::vector<std::string> header = {"period", "starts_on"};
    for (const auto& k : partnership::kImpactKinds) header.emplace_back(k.name);
    header.emplace_back("total");
    std::string out = csv::Row(header);
    for (const auto& p : partnership::ImpactByKindOverTime(log->impacts, q->period)) {
        std::vector<std::string> row = {p.label, p.starts_on.ToString()};
        for (int count : p.by_kind) row.push_back(std::to_string(count));
        row.push_back(std::to_string(p.total));
        out += csv::Row(row);
    }
    ctx.Csv("carevoice-impacts-by-kind-" + std::to_string(log->standing.group.id) + ".csv", out);
}

}  // namespace

void RegisterImpactViewRoutes(Router& router) {
    router.Add("GET", "/groups/:id/influence", Access::SignedIn(), RouteKind::kPage, ShowInfluence);
    router.Add("GET", "/groups/:id/influence.csv", Access::SignedIn(), RouteKind::kPage, InfluenceCsv);
    router.Add("GET", "/groups/:id/involvement", Access::SignedIn(), RouteKind::kPage, ShowInvolvement);
    router.Add("GET", "/groups/:id/involvement.csv", Access::SignedIn(), RouteKind::kPage, InvolvementCsv);
    router.Add("GET", "/groups/:id/impacts/by-kind", Access::SignedIn(), RouteKind::kPage, ShowByKind);
    router.Add("GET", "/groups/:id/impacts/by-kind.csv", Access::SignedIn(), RouteKind::kPage, ByKindCsv);
}

}  // namespace carevoice::web::partnership_pages
