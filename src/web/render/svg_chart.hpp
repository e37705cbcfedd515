// A small SVG chart drawn on the server: linear scales with round ticks, axes with labels, lines,
// marked points and a legend, rendered as one accessible inline <svg> (role="img", <title>, <desc>).
// Styling is by CSS class only (web/static/carevoice.css): the Content-Security-Policy forbids
// inline styles. Used by the funnel plot; general enough for time series (SPC charts).
// Not thread-safe; build one chart per request.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carevoice::web::svg {

// Escapes text for an XML text node or a double-quoted attribute.
std::string Escape(std::string_view text);

// Formats a number with `decimals` decimals, e.g. Number(77.3196, 1) == "77.3".
std::string Number(double value, int decimals);

// Maps a data interval onto a pixel interval (which may run backwards, as a y axis does).
class LinearScale {
  public:
    LinearScale(double domain_min, double domain_max, double range_start, double range_end);
    double operator()(double value) const;
    double domain_min() const { return domain_min_; }
    double domain_max() const { return domain_max_; }
    // Round tick values (steps of 1, 2 or 5 × 10^k) inside the domain, about `target` of them.
    std::vector<double> Ticks(int target = 6) const;

  private:
    double domain_min_, domain_max_, range_start_, range_end_;
};

// The tick step for a span of about `target` ticks: 1, 2 or 5 × 10^k.
double NiceStep(double span, int target);
// Widens [lo, hi] outward to multiples of the nice step, so that the axis starts and ends on a tick.
// An empty span is widened by one unit each side.
std::pair<double, double> NiceDomain(double lo, double hi, int target = 6);

// An axis label that fits `space` SVG units: as it is, or shortened at a word with "…" and the whole label
// in a <title>; escaped for SVG text.
inline constexpr double kAxisLabelCharWidth = 8.5;
std::string FittedLabel(const std::string& label, double space);

enum class Marker { kCircle, kTriangleUp, kTriangleDown, kSquare, kDiamond };

struct Axis {
    double min = 0;
    double max = 1;
    std::string label;
    std::function<std::string(double)> format;  // tick labels; default: Number(v, 0)
    int target_ticks = 6;
};

// Sizes in SVG units; the SVG scales to its container's width, so `width` is best set near the width
// it is shown at, for text of the intended size.
struct Layout {
    double width = 620;
    double height = 460;
    double margin_left = 64;
    double margin_right = 16;
    double margin_top = 16;
    double margin_bottom = 112;  // tick labels, the axis label and two rows of legend
};

class Chart {
  public:
    // `id` prefixes the ids of the title and description (aria-labelledby), so it must be unique in the page.
    Chart(std::string id, std::string title, std::string description, Axis x, Axis y, Layout layout = {});

    double X(double value) const { return x_scale_(value); }
    double Y(double value) const { return y_scale_(value); }

    // A line through points in data coordinates, e.g. a control limit or a funnel curve.
    void Line(const std::vector<std::pair<double, double>>& points, const std::string& css_class);
    // A horizontal line across the plot at y, e.g. a centre line.
    void HorizontalLine(double y, const std::string& css_class);
    // One data point; `tooltip` becomes the point's own <title> (shown on hover).
    void Point(double x, double y, Marker marker, const std::string& css_class, const std::string& tooltip,
               double size = 4.5);
    // A bar from (x_from, y_from) to (x_to, y_to) in data coordinates, e.g. a count in a bar chart;
    // `tooltip` becomes the bar's own <title>.
    void Bar(double x_from, double x_to, double y_from, double y_to, const std::string& css_class,
             const std::string& tooltip);
    // Text beside a data point (dx, dy in pixels).
    void Label(double x, double y, const std::string& text, const std::string& css_class, double dx = 8,
               double dy = -8);
    // Legend entries, drawn in rows under the x-axis label (wrapping when a row is full).
    void LegendMarker(Marker marker, const std::string& css_class, const std::string& text);
    void LegendLine(const std::string& css_class, const std::string& text);

    std::string Render() const;

  private:
    struct LegendEntry {
        bool is_line;
        Marker marker;
        std::string css_class, text;
    };
    std::string RenderAxes() const;
    std::string RenderLegend() const;

    std::string id_, title_, description_;
    Axis x_axis_, y_axis_;
    Layout layout_;
    LinearScale x_scale_, y_scale_;
    std::string body_;
    std::vector<LegendEntry> legend_;
};

// The SVG element for one marker centred on (cx, cy) in pixels.
std::string MarkerShape(Marker marker, double cx, double cy, double size, const std::string& css_class);

}  // namespace carevoice::web::svg
