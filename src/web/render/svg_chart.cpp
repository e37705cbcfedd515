#include "web/render/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace carevoice::web::svg {
namespace {

// Rough width of one character of the chart's 13px sans-serif text, to lay out the legend.
constexpr double kCharWidth = 7.2;
constexpr double kLegendSwatch = 28;
constexpr double kLegendGap = 18;
constexpr double kLegendTop = 68;  // first legend row, below the plot area's bottom edge
constexpr double kLegendRow = 22;

std::string Px(double v) { return Number(v, 1); }

}  // namespace

std::string Escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string Number(double value, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s(buf);
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0.0" reads as a negative number to a person; it is zero.
        if (s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    }
    return s;
}

LinearScale::LinearScale(double domain_min, double domain_max, double range_start, double range_end)
    : domain_min_(domain_min), domain_max_(domain_max), range_start_(range_start), range_end_(range_end) {}

double LinearScale::operator()(double value) const {
    const double span = domain_max_ - domain_min_;
    if (span == 0) return (range_start_ + range_end_) / 2;
    return range_start_ + (value - domain_min_) / span * (range_end_ - range_start_);
}

double NiceStep(double span, int target) {
    if (!(span > 0) || target < 1) return 1;
    const double raw = span / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    double nice = 10;
    if (fraction <= 1)
        nice = 1;
    else if (fraction <= 2)
        nice = 2;
    else if (fraction <= 5)
        nice = 5;
    return nice * magnitude;
}

std::pair<double, double> NiceDomain(double lo, double hi, int target) {
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) return {lo - 1, hi + 1};
    const double step = NiceStep(hi - lo, target);
    return {std::floor(lo / step) * step, std::ceil(hi / step) * step};
}

std::vector<double> LinearScale::Ticks(int target) const {
    std::vector<double> ticks;
    const double step = NiceStep(domain_max_ - domain_min_, target);
    // A tiny tolerance keeps the end ticks despite floating-point steps.
    const double eps = step * 1e-9;
    for (double t = std::ceil((domain_min_ - eps) / step) * step; t <= domain_max_ + eps; t += step) {
        ticks.push_back(std::abs(t) < eps ? 0.0 : t);
    }
    return ticks;
}

std::string MarkerShape(Marker marker, double cx, double cy, double size, const std::string& css_class) {
    const std::string cls = " class=\"" + Escape(css_class) + "\"";
    switch (marker) {
        case Marker::kCircle:
            return "<circle cx=\"" + Px(cx) + "\" cy=\"" + Px(cy) + "\" r=\"" + Px(size) + "\"" + cls + "/>";
        case Marker::kSquare:
            return "<rect x=\"" + Px(cx - size) + "\" y=\"" + Px(cy - size) + "\" width=\"" + Px(2 * size) +
                   "\" height=\"" + Px(2 * size) + "\"" + cls + "/>";
        case Marker::kDiamond: {
            const double s = size * 1.3;
            return "<polygon points=\"" + Px(cx) + "," + Px(cy - s) + " " + Px(cx + s) + "," + Px(cy) + " " + Px(cx) +
                   "," + Px(cy + s) + " " + Px(cx - s) + "," + Px(cy) + "\"" + cls + "/>";
        }
        case Marker::kTriangleUp:
        case Marker::kTriangleDown: {
            const double s = size * 1.35;
            const double dir = marker == Marker::kTriangleUp ? 1 : -1;
            return "<polygon points=\"" + Px(cx) + "," + Px(cy - dir * s) + " " + Px(cx + s) + "," +
                   Px(cy + dir * s * 0.8) + " " + Px(cx - s) + "," + Px(cy + dir * s * 0.8) + "\"" + cls + "/>";
        }
    }
    return "";
}

std::string FittedLabel(const std::string& label, double space) {
    // An axis label is 14px semi-bold (carevoice.css): about 8.5 units a character at most, so a label longer
    // than the axis would run off the chart. It is shortened at a word with "…"; the whole label stays in
    // the text's <title>, and in the chart's description and the page around it.
    const auto fits = static_cast<std::size_t>(std::max(4.0, space / kAxisLabelCharWidth));
    auto is_char_start = [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    };  // not UTF-8 continuation
    if (static_cast<std::size_t>(std::count_if(label.begin(), label.end(), is_char_start)) <= fits) {
        return Escape(label);
    }
    // The byte where character number `fits` begins: the first fits - 1 are kept, with room for the "…".
    std::size_t chars = 0, end = 0;
    for (; end < label.size(); ++end) {
        if (is_char_start(label[end]) && ++chars == fits) break;
    }
    std::size_t space_at = label[end] == ' ' ? end : label.rfind(' ', end);
    if (space_at == std::string::npos || space_at < end / 2) space_at = end;
    return Escape(label.substr(0, space_at)) + "\u2026<title>" + Escape(label) + "</title>";
}

Chart::Chart(std::string id, std::string title, std::string description, Axis x, Axis y, Layout layout)
    : id_(std::move(id)),
      title_(std::move(title)),
      description_(std::move(description)),
      x_axis_(std::move(x)),
      y_axis_(std::move(y)),
      layout_(layout),
      x_scale_(x_axis_.min, x_axis_.max, layout.margin_left, layout.width - layout.margin_right),
      y_scale_(y_axis_.min, y_axis_.max, layout.height - layout.margin_bottom, layout.margin_top) {}

void Chart::Line(const std::vector<std::pair<double, double>>& points, const std::string& css_class) {
    if (points.empty()) return;
    // Appended piece by piece: GCC 12 at -O2 warns falsely (-Wstringop-overflow) on "literal" + string&&.
    body_ += "<polyline class=\"";
    body_ += Escape(css_class);
    body_ += "\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0) body_ += ' ';
        body_ += Px(X(points[i].first));
        body_ += ',';
        body_ += Px(Y(points[i].second));
    }
    body_ += "\"/>";
}

void Chart::HorizontalLine(double y, const std::string& css_class) {
    Line({{x_axis_.min, y}, {x_axis_.max, y}}, css_class);
}

void Chart::Point(double x, double y, Marker marker, const std::string& css_class, const std::string& tooltip,
                  double size) {
    body_ += "<g>";
    if (!tooltip.empty()) body_ += "<title>" + Escape(tooltip) + "</title>";
    body_ += MarkerShape(marker, X(x), Y(y), size, css_class) + "</g>";
}

void Chart::Bar(double x_from, double x_to, double y_from, double y_to, const std::string& css_class,
                const std::string& tooltip) {
    const double left = std::min(X(x_from), X(x_to)), right = std::max(X(x_from), X(x_to));
    const double top = std::min(Y(y_from), Y(y_to)), bottom = std::max(Y(y_from), Y(y_to));
    body_ += "<g>";
    if (!tooltip.empty()) body_ += "<title>" + Escape(tooltip) + "</title>";
    body_ += "<rect class=\"" + Escape(css_class) + "\" x=\"" + Px(left) + "\" y=\"" + Px(top) + "\" width=\"" +
             Px(right - left) + "\" height=\"" + Px(bottom - top) + "\"/></g>";
}

void Chart::Label(double x, double y, const std::string& text, const std::string& css_class, double dx, double dy) {
    body_ += "<text class=\"" + Escape(css_class) + "\" x=\"" + Px(X(x) + dx) + "\" y=\"" + Px(Y(y) + dy) + "\">" +
             Escape(text) + "</text>";
}

void Chart::LegendMarker(Marker marker, const std::string& css_class, const std::string& text) {
    legend_.push_back({false, marker, css_class, text});
}

void Chart::LegendLine(const std::string& css_class, const std::string& text) {
    legend_.push_back({true, Marker::kCircle, css_class, text});
}

std::string Chart::RenderAxes() const {
    const double left = layout_.margin_left, right = layout_.width - layout_.margin_right;
    const double top = layout_.margin_top, bottom = layout_.height - layout_.margin_bottom;
    auto format = [](const Axis& a, double v) { return a.format ? a.format(v) : Number(v, 0); };
    std::string out = "<g class=\"cv-chart__axes\" aria-hidden=\"true\">";
    for (double t : y_scale_.Ticks(y_axis_.target_ticks)) {
        const std::string y = Px(Y(t));
        out += "<line class=\"cv-chart__grid\" x1=\"" + Px(left) + "\" x2=\"" + Px(right) + "\" y1=\"" + y +
               "\" y2=\"" + y + "\"/>";
        out += "<text class=\"cv-chart__tick cv-chart__tick--y\" x=\"" + Px(left - 8) + "\" y=\"" + Px(Y(t) + 4) +
               "\">" + Escape(format(y_axis_, t)) + "</text>";
    }
    for (double t : x_scale_.Ticks(x_axis_.target_ticks)) {
        const std::string x = Px(X(t));
        out += "<line class=\"cv-chart__tick-mark\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + Px(bottom) + "\" y2=\"" +
               Px(bottom + 6) + "\"/>";
        out += "<text class=\"cv-chart__tick cv-chart__tick--x\" x=\"" + x + "\" y=\"" + Px(bottom + 22) + "\">" +
               Escape(format(x_axis_, t)) + "</text>";
    }
    out += "<line class=\"cv-chart__axis\" x1=\"" + Px(left) + "\" x2=\"" + Px(right) + "\" y1=\"" + Px(bottom) +
           "\" y2=\"" + Px(bottom) + "\"/>";
    out += "<line class=\"cv-chart__axis\" x1=\"" + Px(left) + "\" x2=\"" + Px(left) + "\" y1=\"" + Px(top) +
           "\" y2=\"" + Px(bottom) + "\"/>";
    out += "<text class=\"cv-chart__axis-label\" x=\"" + Px((left + right) / 2) + "\" y=\"" + Px(bottom + 44) + "\">" +
           FittedLabel(x_axis_.label, right - left) + "</text>";
    const double ly = (top + bottom) / 2;
    out += "<text class=\"cv-chart__axis-label\" x=\"" + Px(18) + "\" y=\"" + Px(ly) + "\" transform=\"rotate(-90 " +
           Px(18) + " " + Px(ly) + ")\">" + FittedLabel(y_axis_.label, bottom - top) + "</text>";
    out += "</g>";
    return out;
}

std::string Chart::RenderLegend() const {
    if (legend_.empty()) return "";
    std::string out = "<g class=\"cv-chart__legend\" aria-hidden=\"true\">";
    double x = layout_.margin_left;
    double y = layout_.height - layout_.margin_bottom + kLegendTop;
    for (const auto& e : legend_) {
        const double width = kLegendSwatch + kCharWidth * static_cast<double>(e.text.size());
        if (x > layout_.margin_left && x + width > layout_.width - layout_.margin_right) {
            x = layout_.margin_left;  // wrap onto the next row
            y += kLegendRow;
        }
        if (e.is_line) {
            out += "<line class=\"" + Escape(e.css_class) + "\" x1=\"" + Px(x) + "\" x2=\"" + Px(x + 22) + "\" y1=\"" +
                   Px(y) + "\" y2=\"" + Px(y) + "\"/>";
        } else {
            out += MarkerShape(e.marker, x + 11, y, 5, e.css_class);
        }
        out += "<text class=\"cv-chart__legend-text\" x=\"" + Px(x + kLegendSwatch) + "\" y=\"" + Px(y + 4) + "\">" +
               Escape(e.text) + "</text>";
        x += width + kLegendGap;
    }
    out += "</g>";
    return out;
}

std::string Chart::Render() const {
    const std::string w = Px(layout_.width), h = Px(layout_.height);
    const double left = layout_.margin_left, top = layout_.margin_top;
    const double plot_w = layout_.width - layout_.margin_left - layout_.margin_right;
    const double plot_h = layout_.height - layout_.margin_top - layout_.margin_bottom;
    const std::string id = Escape(id_);
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cv-chart\" viewBox=\"0 0 " + w + " " + h +
                      "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">";
    out += "<title id=\"" + id + "-title\">" + Escape(title_) + "</title>";
    out += "<desc id=\"" + id + "-desc\">" + Escape(description_) + "</desc>";
    out += "<defs><clipPath id=\"" + id + "-plot\"><rect x=\"" + Px(left - 8) + "\" y=\"" + Px(top - 8) +
           "\" width=\"" + Px(plot_w + 16) + "\" height=\"" + Px(plot_h + 16) + "\"/></clipPath></defs>";
    out += RenderAxes();
    out += "<g clip-path=\"url(#" + id + "-plot)\">" + body_ + "</g>";
    out += RenderLegend();
    out += "</svg>";
    return out;
}

}  // namespace carevoice::web::svg
