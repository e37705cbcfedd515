#include "web/http/metrics.hpp"

#include <gtest/gtest.h>

namespace carevoice::web {
namespace {

TEST(MetricsTest, HistogramBucketsAreCumulative) {
    Metrics m;
    m.Observe("/", "GET", 200, 0.0004);
    m.Observe("/", "GET", 200, 0.003);
    m.Observe("/", "GET", 500, 9.0);
    std::string text = m.Render();
    EXPECT_NE(text.find(R"(carevoice_http_requests_total{route="/",method="GET",status="200"} 2)"), std::string::npos);
    EXPECT_NE(text.find(R"(carevoice_http_request_duration_seconds_bucket{route="/",le="0.0005"} 1)"),
              std::string::npos);
    EXPECT_NE(text.find(R"(carevoice_http_request_duration_seconds_bucket{route="/",le="0.005"} 2)"),
              std::string::npos);
    EXPECT_NE(text.find(R"(carevoice_http_request_duration_seconds_bucket{route="/",le="2.5"} 2)"), std::string::npos);
    EXPECT_NE(text.find(R"(carevoice_http_request_duration_seconds_bucket{route="/",le="+Inf"} 3)"), std::string::npos);
    EXPECT_NE(text.find(R"(carevoice_http_request_duration_seconds_count{route="/"} 3)"), std::string::npos);
}

TEST(MetricsTest, LabelValuesAreEscaped) {
    Metrics m;
    m.Observe("a\"b", "GET", 200, 0.1);
    EXPECT_NE(m.Render().find(R"(route="a\"b")"), std::string::npos);
}

TEST(MetricsTest, UnknownMethodsShareOneLabelSoTheLabelSetStaysBounded) {
    Metrics m;
    for (int i = 0; i < 100; ++i) m.Observe("(unmatched)", "MADEUP" + std::to_string(i), 400, 0.001);
    m.Observe("/", "PATCH", 200, 0.001);
    const std::string text = m.Render();
    EXPECT_NE(text.find(R"x(carevoice_http_requests_total{route="(unmatched)",method="OTHER",status="400"} 100)x"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("MADEUP"), std::string::npos);
    EXPECT_NE(text.find(R"(method="PATCH")"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::web
