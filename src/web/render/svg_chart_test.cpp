// The SVG chart helper: round ticks, escaping, and an accessible, style-free <svg>.
#include "web/render/svg_chart.hpp"

#include <gtest/gtest.h>

namespace carevoice::web::svg {
namespace {

TEST(SvgNiceStep, IsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(NiceStep(100, 5), 20);
    EXPECT_DOUBLE_EQ(NiceStep(100, 10), 10);
    EXPECT_DOUBLE_EQ(NiceStep(7, 6), 2);
    EXPECT_DOUBLE_EQ(NiceStep(0.9, 6), 0.2);
    EXPECT_DOUBLE_EQ(NiceStep(1234, 6), 500);
}

TEST(SvgNiceDomain, WidensOutwardToWholeSteps) {
    EXPECT_EQ(NiceDomain(63.2, 96.7, 6), (std::pair<double, double>{60, 100}));
    EXPECT_EQ(NiceDomain(0, 912, 6), (std::pair<double, double>{0, 1000}));
    EXPECT_EQ(NiceDomain(5, 5, 6), (std::pair<double, double>{4, 6}));
}

TEST(SvgLinearScale, MapsTheDomainOntoTheRangeEvenBackwards) {
    LinearScale y(0, 100, 400, 0);
    EXPECT_DOUBLE_EQ(y(0), 400);
    EXPECT_DOUBLE_EQ(y(100), 0);
    EXPECT_DOUBLE_EQ(y(25), 300);
    EXPECT_EQ(y.Ticks(5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
}

TEST(SvgLinearScale, TicksIncludeBothEndsDespiteFloatingPointSteps) {
    LinearScale x(0.1, 0.7, 0, 100);
    auto ticks = x.Ticks(6);
    ASSERT_FALSE(ticks.empty());
    EXPECT_NEAR(ticks.front(), 0.1, 1e-12);
    EXPECT_NEAR(ticks.back(), 0.7, 1e-12);
}

TEST(SvgAxisLabel, ALabelLongerThanItsAxisIsShortenedAtAWordAndKeptWhole) {
    EXPECT_EQ(FittedLabel("Days (median)", 300), "Days (median)");
    const std::string long_label =
        "Told the outcome within 28 days of an urgent referral, from the pathway, in every area (%)";
    const std::string fitted = FittedLabel(long_label, 200);  // about 23 characters
    EXPECT_EQ(fitted.substr(0, fitted.find("<title>")), "Told the outcome\u2026");
    EXPECT_NE(fitted.find("<title>" + long_label + "</title>"), std::string::npos);
    // Escaped either way.
    EXPECT_EQ(FittedLabel("A & B", 300), "A &amp; B");
}

TEST(SvgEscape, EscapesMarkupAndQuotes) {
    EXPECT_EQ(Escape("<script>\"a\" & 'b'</script>"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
}

TEST(SvgNumber, NeverShowsMinusZero) {
    EXPECT_EQ(Number(-0.04, 1), "0.0");
    EXPECT_EQ(Number(-0.4, 0), "0");
    EXPECT_EQ(Number(-0.5, 1), "-0.5");
    EXPECT_EQ(Number(77.3196, 1), "77.3");
}

TEST(SvgChart, IsAnAccessibleImageWithTitleAndDescriptionAndNoInlineStyle) {
    Chart chart("c1", "Title <1>", "What it shows", {0, 10, "x", nullptr, 5}, {0, 100, "y", nullptr, 5});
    chart.Line({{0, 10}, {10, 20}}, "line");
    chart.Point(5, 50, Marker::kTriangleUp, "pt", "a \"point\"");
    chart.LegendMarker(Marker::kCircle, "pt", "Legend");
    const std::string svg = chart.Render();
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"c1-title c1-desc\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"c1-title\">Title &lt;1&gt;</title>"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"c1-desc\">What it shows</desc>"), std::string::npos);
    EXPECT_NE(svg.find("<title>a &quot;point&quot;</title>"), std::string::npos);
    EXPECT_NE(svg.find("<polygon"), std::string::npos);
    EXPECT_EQ(svg.find("style="), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
}

TEST(SvgChart, PlacesPointsOnTheScales) {
    Layout layout;
    Chart chart("c2", "t", "d", {0, 100, "x", nullptr, 5}, {0, 10, "y", nullptr, 5}, layout);
    EXPECT_DOUBLE_EQ(chart.X(0), layout.margin_left);
    EXPECT_DOUBLE_EQ(chart.X(100), layout.width - layout.margin_right);
    EXPECT_DOUBLE_EQ(chart.Y(0), layout.height - layout.margin_bottom);
    EXPECT_DOUBLE_EQ(chart.Y(10), layout.margin_top);
}

}  // namespace
}  // namespace carevoice::web::svg
