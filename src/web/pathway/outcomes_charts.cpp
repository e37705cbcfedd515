// Monthly waiting-time performance as an XmR chart (improvement::ComputeXmrChart) with the operational
// target drawn month by month (it changes by period), as inline SVG. Months with no clock stopped are left
// out of the chart and shown in the table beside it.
#include <algorithm>

#include "improvement/spc.hpp"
#include "web/pathway/outcomes.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::outcomes {

std::string PerformanceChart(pathway::ClockKind clock, const std::vector<pathway::MonthlyPerformance>& months) {
    std::vector<improvement::Observation> observations;
    std::vector<std::pair<double, double>> targets;
    for (const auto& m : months) {
        const double x = static_cast<double>(m.month.days_since_epoch());
        if (m.target) targets.push_back({x, *m.target * 100.0});
        if (auto share = m.Share()) observations.push_back({m.month, *share * 100.0});
    }
    if (observations.size() < 2) return {};
    improvement::SpcOptions options;
    options.direction = improvement::ImprovementDirection::kIncrease;
    if (!targets.empty()) options.target = targets.back().second;
    auto chart = improvement::ComputeXmrChart(observations, options);
    if (!chart.ok()) return {};
    double lo = 100, hi = 0;
    for (const auto& p : chart->points) {
        lo = std::min({lo, p.value, p.lower_limit});
        hi = std::max({hi, p.value, p.upper_limit});
    }
    for (const auto& t : targets) lo = std::min(lo, t.second), hi = std::max(hi, t.second);
    auto [y_min, y_max] = svg::NiceDomain(std::max(0.0, lo), std::min(100.0, hi));
    const double x_min = static_cast<double>(months.front().month.days_since_epoch());
    double x_max = static_cast<double>(months.back().month.days_since_epoch());
    if (x_max <= x_min) x_max = x_min + 1;
    svg::Axis x{x_min, x_max, "Month the clock stopped",
                [](double d) { return CivilDate::FromDays(static_cast<std::int64_t>(d)).ToString().substr(0, 7); }};
    svg::Axis y{y_min, y_max, "Met (%)", [](double v) { return svg::Number(v, 0); }};
    const std::string name = std::string(pathway::ClockName(clock));
    const std::string title =
        name == "fds" ? "Faster Diagnosis Standard, month by month" : name + "-day standard, month by month";
    svg::Chart svg_chart("outcomes-chart-" + name, title,
                         "XmR chart of the share of clocks met each month, with the mean, the process limits and "
                         "the operational target. The table beside it gives the same numbers.",
                         x, y);
    const auto& points = chart->points;
    for (const auto& s : chart->segments) {
        const double from = static_cast<double>(points[s.first_point].date.days_since_epoch());
        const double to = static_cast<double>(points[s.first_point + s.point_count - 1].date.days_since_epoch());
        svg_chart.Line({{from, s.limits.mean}, {to, s.limits.mean}}, "cv-spc__mean");
        svg_chart.Line({{from, s.limits.lower_limit}, {to, s.limits.lower_limit}}, "cv-spc__limit");
        svg_chart.Line({{from, s.limits.upper_limit}, {to, s.limits.upper_limit}}, "cv-spc__limit");
    }
    if (!targets.empty()) svg_chart.Line(targets, "cv-spc__target");
    std::vector<std::pair<double, double>> series;
    for (const auto& p : points) series.push_back({static_cast<double>(p.date.days_since_epoch()), p.value});
    svg_chart.Line(series, "cv-spc__series");
    for (const auto& p : points) {
        const bool special = p.type != improvement::PointType::kCommonCause;
        svg_chart.Point(static_cast<double>(p.date.days_since_epoch()), p.value,
                        special ? svg::Marker::kSquare : svg::Marker::kCircle,
                        special ? "cv-point cv-spc__point--neutral" : "cv-point cv-spc__point--common",
                        p.date.ToString().substr(0, 7) + ": " + svg::Number(p.value, 1) + "%" +
                            (special ? " (special cause)" : ""));
    }
    svg_chart.LegendLine("cv-spc__mean", "Mean");
    svg_chart.LegendLine("cv-spc__limit", "Process limits");
    svg_chart.LegendLine("cv-spc__target", "Operational target");
    svg_chart.LegendMarker(svg::Marker::kCircle, "cv-point cv-spc__point--common", "Common cause");
    svg_chart.LegendMarker(svg::Marker::kSquare, "cv-point cv-spc__point--neutral", "Special cause");
    return svg_chart.Render();
}

}  // namespace carevoice::web::outcomes
