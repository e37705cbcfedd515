// A group's measure as an XmR chart (Making Data Count): the chart drawn on the server as SVG, the
// variation and assurance icons as text badges, the warnings, and the data as a table and a CSV
// download. Points are told apart by shape and by the table's words, not by colour alone. Those who run
// the group recalculate the limits from a point (rebasing) with the reason, which the chart shows, or undo
// it; the corrections made to values are listed with their reasons.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/measure_observations.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "improvement/measure.hpp"
#include "improvement/spc.hpp"
#include "store/measures_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using improvement::PointType;

constexpr const char* kWhoReads = "members of the group, analysts and administrators";

struct PointStyle {
    svg::Marker marker;
    const char* css_class;
    const char* label;
};

PointStyle StyleOf(PointType type) {
    switch (type) {
        case PointType::kSpecialCauseImprovement:
            return {svg::Marker::kSquare, "cv-point cv-spc__point--improvement", "Special cause: improvement"};
        case PointType::kSpecialCauseConcern:
            return {svg::Marker::kDiamond, "cv-point cv-spc__point--concern", "Special cause: concern"};
        case PointType::kSpecialCauseNeutralHigh:
            return {svg::Marker::kTriangleUp, "cv-point cv-spc__point--neutral", "Special cause: high"};
        case PointType::kSpecialCauseNeutralLow:
            return {svg::Marker::kTriangleDown, "cv-point cv-spc__point--neutral", "Special cause: low"};
        case PointType::kCommonCause:
            break;
    }
    return {svg::Marker::kCircle, "cv-point cv-spc__point--common", "Common cause"};
}

std::string VariationText(improvement::VariationIcon icon) {
    using improvement::VariationIcon;
    switch (icon) {
        case VariationIcon::kImprovementHigh:
            return "Special cause improvement: higher is better and the latest point is high";
        case VariationIcon::kImprovementLow:
            return "Special cause improvement: lower is better and the latest point is low";
        case VariationIcon::kConcernHigh:
            return "Special cause concern: the latest point is high and lower is better";
        case VariationIcon::kConcernLow:
            return "Special cause concern: the latest point is low and higher is better";
        case VariationIcon::kNeutralHigh:
            return "Special cause variation: the latest point is high";
        case VariationIcon::kNeutralLow:
            return "Special cause variation: the latest point is low";
        case VariationIcon::kCommonCause:
            break;
    }
    return "Common cause variation: no significant change";
}

std::string AssuranceText(improvement::AssuranceIcon icon) {
    using improvement::AssuranceIcon;
    switch (icon) {
        case AssuranceIcon::kConsistentlyPass:
            return "The target will consistently be met";
        case AssuranceIcon::kConsistentlyFail:
            return "The target will consistently be missed";
        case AssuranceIcon::kHitAndMiss:
            return "The target will be met some of the time and missed some of the time";
        case AssuranceIcon::kNone:
            break;
    }
    return "No assurance: the measure has no target, or no direction is better";
}

struct LoadedChart {
    GroupStanding standing;
    improvement::Measure measure;
    improvement::XmrChart chart;  // no points while the values cannot be charted
    std::vector<improvement::Observation> values;
    std::string cannot_chart;  // why there is no chart, when there is none
};

// Loads the measure of the path, checking that it is the group's and that the user may read it;
// answers the request itself and returns nothing when it cannot go on.
std::optional<LoadedChart> Load(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return std::nullopt;
    store::MeasuresRepository measures(ctx.db());
    auto id = text::ParseInt(ctx.params["measure_id"]);
    auto measure = id.ok() ? measures.Find(*id) : Result<improvement::Measure>(Status::NotFound("no such measure"));
    if (!measure.ok() || measure->group_id != standing->group.id) {
        ctx.Error(404, Status::NotFound("this group has no such measure"));
        return std::nullopt;
    }
    auto observations = app::MeasureObservations(ctx.db(), *measure, ctx.app.clock().Today(),
                                                 ctx.app.config().pathway_small_count_threshold);
    if (!observations.ok()) {
        ctx.Error(HttpStatusFor(observations.status()), observations.status());
        return std::nullopt;
    }
    LoadedChart loaded{std::move(*standing), std::move(*measure), {}, std::move(*observations), ""};
    if (loaded.values.empty()) {
        loaded.cannot_chart = "There are no values to chart yet.";
        return loaded;
    }
    auto chart = improvement::ComputeXmrChart(loaded.values, improvement::SpcOptionsFor(loaded.measure));
    if (chart.ok()) {
        loaded.chart = std::move(*chart);
    } else {
        // Too few values, or a rebase that leaves a part with one point: the values are still shown.
        loaded.cannot_chart = "The chart cannot be drawn yet: " + chart.status().message() + ".";
        for (const auto& d : chart.status().details()) loaded.cannot_chart += " " + d.field + " " + d.problem + ".";
    }
    return loaded;
}

std::string DrawChart(const LoadedChart& loaded) {
    const auto& points = loaded.chart.points;
    double lo = points.front().value, hi = lo;
    for (const auto& p : points) {
        lo = std::min({lo, p.value, p.lower_limit});
        hi = std::max({hi, p.value, p.upper_limit});
    }
    if (loaded.measure.target) {
        lo = std::min(lo, *loaded.measure.target);
        hi = std::max(hi, *loaded.measure.target);
    }
    auto [y_min, y_max] = svg::NiceDomain(lo, hi);
    double x_min = static_cast<double>(points.front().date.days_since_epoch());
    double x_max = static_cast<double>(points.back().date.days_since_epoch());
    if (x_max <= x_min) x_max = x_min + 1;
    svg::Axis x{x_min, x_max, "Date",
                [](double d) { return CivilDate::FromDays(static_cast<std::int64_t>(d)).ToString().substr(0, 7); }};
    // The measure's name is the page's heading and the chart's title; the axis says what the numbers are.
    const std::string unit = loaded.measure.unit == "%" ? "Per cent" : loaded.measure.unit;
    svg::Axis y{y_min, y_max, unit.empty() ? "Value" : unit, [](double v) { return svg::Number(v, 1); }};
    const std::string description = "XmR chart of " + std::to_string(points.size()) + " observations from " +
                                    points.front().date.ToString() + " to " + points.back().date.ToString() +
                                    ", with the mean and the process limits. " +
                                    VariationText(loaded.chart.variation_icon) + ".";
    svg::Chart chart("measure-chart", "Chart of " + loaded.measure.name, description, x, y);
    for (const auto& s : loaded.chart.segments) {
        double from = static_cast<double>(points[s.first_point].date.days_since_epoch());
        double to = static_cast<double>(points[s.first_point + s.point_count - 1].date.days_since_epoch());
        chart.Line({{from, s.limits.mean}, {to, s.limits.mean}}, "cv-spc__mean");
        chart.Line({{from, s.limits.lower_limit}, {to, s.limits.lower_limit}}, "cv-spc__limit");
        chart.Line({{from, s.limits.upper_limit}, {to, s.limits.upper_limit}}, "cv-spc__limit");
    }
    if (loaded.measure.target) chart.HorizontalLine(*loaded.measure.target, "cv-spc__target");
    for (const auto& rebase : loaded.measure.rebases) {
        const double at = static_cast<double>(rebase.on.days_since_epoch());
        chart.Line({{at, y_min}, {at, y_max}}, "cv-spc__rebase");
    }
    std::vector<std::pair<double, double>> series;
    for (const auto& p : points) series.push_back({static_cast<double>(p.date.days_since_epoch()), p.value});
    chart.Line(series, "cv-spc__series");
    std::vector<PointType> seen;
    for (const auto& p : points) {
        PointStyle style = StyleOf(p.type);
        chart.Point(static_cast<double>(p.date.days_since_epoch()), p.value, style.marker, style.css_class,
                    p.date.ToString() + ": " + svg::Number(p.value, 2) + " (" + style.label + ")");
        if (std::find(seen.begin(), seen.end(), p.type) == seen.end()) seen.push_back(p.type);
    }
    chart.LegendLine("cv-spc__mean", "Mean");
    chart.LegendLine("cv-spc__limit", "Process limits");
    if (loaded.measure.target) chart.LegendLine("cv-spc__target", "Target");
    if (!loaded.measure.rebases.empty()) chart.LegendLine("cv-spc__rebase", "Limits recalculated");
    for (PointType t : seen) {
        PointStyle style = StyleOf(t);
        chart.LegendMarker(style.marker, style.css_class, style.label);
    }
    return chart.Render();
}

struct RebaseForm {
    std::string date, reason;
    std::vector<FieldProblem> problems;
};

constexpr std::size_t kMaxRebaseReason = 500;

// The rebases with their reasons, the corrections to values with theirs, and (for those who run the group)
// the form to rebase at a point: any point but the first.
void AddRebaseData(RequestContext& ctx, const LoadedChart& loaded, const RebaseForm& form, const std::string& base,
                   nlohmann::json& data) {
    nlohmann::json rebases = nlohmann::json::array();
    for (const auto& r : loaded.measure.rebases) {
        rebases.push_back({{"date", r.on.ToString()},
                           {"date_text", r.on.ToLongString()},
                           {"reason", r.reason.empty() ? "No reason was recorded." : r.reason}});
    }
    nlohmann::json dates = nlohmann::json::array();
    for (std::size_t i = 1; i < loaded.values.size(); ++i) {
        const std::string iso = loaded.values[i].date.ToString();
        dates.push_back(
            {{"value", iso}, {"label", loaded.values[i].date.ToLongString()}, {"selected", iso == form.date}});
    }
    auto changes = store::MeasuresRepository(ctx.db()).ListChanges(loaded.measure.id);
    nlohmann::json corrections = nlohmann::json::array();
    for (const auto& c : changes.ok() ? *changes : std::vector<store::ValueChange>{}) {
        corrections.push_back({{"date", c.date.ToLongString()},
                               {"was", svg::Number(c.old_value, 2)},
                               {"now", c.new_value ? svg::Number(*c.new_value, 2) : "removed"},
                               {"reason", c.reason},
                               {"by", c.changed_by},
                               {"on", CivilDate::FromDays(c.changed_at / 86400).ToLongString()}});
    }
    const bool manage = loaded.standing.MayManage();
    data["rebases"] = rebases;
    data["has_rebases"] = !rebases.empty();
    data["may_rebase"] = manage && !dates.empty();
    data["may_remove_rebase"] = manage;
    data["rebase_dates"] = dates;
    data["rebase_reason"] = form.reason;
    data["rebase_action"] = base + "/rebases";
    data["rebase_remove_action"] = base + "/rebases/remove";
    data["corrections"] = corrections;
    data["has_corrections"] = !corrections.empty();
}

Status SaveMeasure(RequestContext& ctx, const improvement::Measure& measure, const std::string& action) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
    CV_RETURN_IF_ERROR(store::MeasuresRepository(ctx.db()).Update(measure, ctx.app.clock().NowSeconds()));
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), action, "measure",
                                        std::to_string(measure.id), "success"));
    return tx.Commit();
}

void Render(RequestContext& ctx, const std::optional<LoadedChart>& loaded, const RebaseForm& form, int status) {
    const auto& g = loaded->standing.group;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : loaded->chart.points) {
        rows.push_back({{"date", p.date.ToString()},
                        {"value", svg::Number(p.value, 2)},
                        {"moving_range", p.moving_range ? svg::Number(*p.moving_range, 2) : ""},
                        {"mean", svg::Number(p.mean, 2)},
                        {"lower_limit", svg::Number(p.lower_limit, 2)},
                        {"upper_limit", svg::Number(p.upper_limit, 2)},
                        {"point_type", StyleOf(p.type).label}});
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : loaded->chart.warnings) warnings.push_back(w);
    const std::string base = "/groups/" + std::to_string(g.id) + "/measures/" + std::to_string(loaded->measure.id);
    const bool has_points = !loaded->chart.points.empty();
    nlohmann::json plain_values = nlohmann::json::array();
    for (const auto& v : loaded->values) {
        plain_values.push_back({{"date", v.date.ToString()}, {"value", svg::Number(v.value, 2)}});
    }
    const bool typed_in = loaded->measure.source == improvement::MeasureSource::kManual ||
                          loaded->measure.source == improvement::MeasureSource::kCsv;
    nlohmann::json data = {{"name", loaded->measure.name},
                           {"group_name", g.name},
                           {"source", app::MeasureSourceText(loaded->measure)},
                           {"has_points", has_points},
                           {"cannot_chart", loaded->cannot_chart},
                           {"plain_values", plain_values},
                           {"has_plain_values", !has_points && !plain_values.empty()},
                           {"typed_in", typed_in},
                           {"may_add_values", typed_in && loaded->standing.MayManage()},
                           {"values_href", base + "/values"},
                           {"svg", has_points ? DrawChart(*loaded) : ""},
                           {"variation", has_points ? VariationText(loaded->chart.variation_icon) : ""},
                           {"assurance", has_points ? AssuranceText(loaded->chart.assurance_icon) : ""},
                           {"warnings", warnings},
                           {"has_warnings", !warnings.empty()},
                           {"rows", rows},
                           {"csv_href", base + "/data.csv"},
                           {"breadcrumbs", GroupBreadcrumbs(g)}};
    AddRebaseData(ctx, *loaded, form, base, data);
    AddErrors(data, form.problems);
    ctx.Page(loaded->measure.name, "partnership_measure", data, status);
}

void ShowMeasure(RequestContext& ctx) {
    auto loaded = Load(ctx);
    if (!loaded) return;
    Render(ctx, loaded, {}, 200);
}

// Recalculates the limits from a point, with the reason: one transaction with its audit entry.
void AddRebase(RequestContext& ctx) {
    auto loaded = Load(ctx);
    if (!loaded) return;
    if (!Require(ctx, loaded->standing.MayManage(), kWhoManagesProgramme)) return;
    RebaseForm form{
        std::string(text::Trim(ctx.Param("rebase_date"))), std::string(text::Trim(ctx.Param("rebase_reason"))), {}};
    auto date = CivilDate::Parse(form.date);
    const bool a_point = date.ok() && std::any_of(loaded->values.begin() + (loaded->values.empty() ? 0 : 1),
                                                  loaded->values.end(), [&](const auto& v) { return v.date == *date; });
    if (!a_point) form.problems.push_back({"rebase_date", "Choose the point to recalculate the limits from"});
    if (form.reason.empty()) {
        form.problems.push_back({"rebase_reason", "Enter why the process changed at that point"});
    } else if (form.reason.size() > kMaxRebaseReason) {
        form.problems.push_back({"rebase_reason", "The reason must be 500 characters or fewer"});
    }
    improvement::Measure changed = loaded->measure;
    if (a_point) {
        std::erase_if(changed.rebases, [&](const auto& r) { return r.on == *date; });
        changed.rebases.push_back({*date, form.reason});
        auto chart = improvement::ComputeXmrChart(loaded->values, improvement::SpcOptionsFor(changed));
        if (!chart.ok()) {
            form.problems.push_back({"rebase_date", "The limits cannot be recalculated from " + date->ToLongString() +
                                                        ": " + chart.status().message()});
        }
    }
    if (!form.problems.empty()) return Render(ctx, loaded, form, 422);
    if (Status s = SaveMeasure(ctx, changed, "measure.rebase"); !s.ok()) return ctx.Error(HttpStatusFor(s), s);
    ctx.Redirect(GroupPathOf(loaded->standing.group.id, "/measures/" + std::to_string(changed.id)),
                 "The limits are recalculated from " + date->ToLongString() + ".");
}

void RemoveRebase(RequestContext& ctx) {
    auto loaded = Load(ctx);
    if (!loaded) return;
    if (!Require(ctx, loaded->standing.MayManage(), kWhoManagesProgramme)) return;
    auto date = CivilDate::Parse(text::Trim(ctx.Param("rebase_date")));
    improvement::Measure changed = loaded->measure;
    const std::size_t before = changed.rebases.size();
    if (date.ok()) std::erase_if(changed.rebases, [&](const auto& r) { return r.on == *date; });
    if (changed.rebases.size() == before) {
        return ctx.Error(404, Status::NotFound("the chart is not recalculated from that date"));
    }
    if (Status s = SaveMeasure(ctx, changed, "measure.rebase_removed"); !s.ok()) {
        return ctx.Error(HttpStatusFor(s), s);
    }
    ctx.Redirect(GroupPathOf(loaded->standing.group.id, "/measures/" + std::to_string(changed.id)),
                 "The limits are no longer recalculated from " + date->ToLongString() + ".");
}

void MeasureCsv(RequestContext& ctx) {
    auto loaded = Load(ctx);
    if (!loaded) return;
    std::string out = csv::Row({"date", "value", "moving_range", "mean", "lower_limit", "upper_limit", "point_type"});
    for (const auto& p : loaded->chart.points) {
        out +=
            csv::Row({p.date.ToString(), svg::Number(p.value, 4), p.moving_range ? svg::Number(*p.moving_range, 4) : "",
                      svg::Number(p.mean, 4), svg::Number(p.lower_limit, 4), svg::Number(p.upper_limit, 4),
                      std::string(improvement::PointTypeName(p.type))});
    }
    ctx.Csv("carevoice-measure-" + std::to_string(loaded->measure.id) + ".csv", out);
}

}  // namespace

void RegisterMeasureRoutes(Router& router) {
    RegisterMeasureFormRoutes(router);  // "/measures/new" before "/measures/:measure_id"
    router.Add("GET", "/groups/:id/measures/:measure_id", Access::SignedIn(), RouteKind::kPage, ShowMeasure);
    router.Add("GET", "/groups/:id/measures/:measure_id/data.csv", Access::SignedIn(), RouteKind::kPage, MeasureCsv);
    router.Add("POST", "/groups/:id/measures/:measure_id/rebases", Access::SignedIn(), RouteKind::kPage, AddRebase);
    router.Add("POST", "/groups/:id/measures/:measure_id/rebases/remove", Access::SignedIn(), RouteKind::kPage,
               RemoveRebase);
}

}  // namespace carevoice::web::partnership_pages
