#include "web/http/metrics.hpp"

#include <array>
#include <cstdio>
#include <string_view>

namespace carevoice::web {
namespace {

std::string Label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

// The methods carevoice answers; any other shares the label "OTHER", so that requests with made-up
// methods cannot grow the set of labels (and the memory and scrape size with it).
std::string MethodLabel(const std::string& method) {
    static constexpr std::array<std::string_view, 7> kKnown = {"GET",   "HEAD",   "POST",   "PUT",
                                                               "PATCH", "DELETE", "OPTIONS"};
    for (std::string_view known : kKnown) {
        if (method == known) return method;
    }
    return "OTHER";
}

}  // namespace

void Metrics::Observe(const std::string& route, const std::string& method, int status, double seconds) {
    std::lock_guard lock(mu_);
    ++requests_[{route, MethodLabel(method), status}];
    auto& b = buckets_[route];
    std::size_t i = 0;
    while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
    ++b[i];
    sum_[route] += seconds;
}

std::string Metrics::Render() const {
    std::lock_guard lock(mu_);
    std::string out;
    out += "# HELP carevoice_http_requests_total HTTP requests by route pattern, method and status.\n";
    out += "# TYPE carevoice_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [route, method, status] = key;
        out += "carevoice_http_requests_total{route=\"" + Label(route) + "\",method=\"" + Label(method) +
               "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP carevoice_http_request_duration_seconds Time to answer a request, by route pattern.\n";
    out += "# TYPE carevoice_http_request_duration_seconds histogram\n";
    for (const auto& [route, b] : buckets_) {
        long long cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += b[i];
            char le[32];
            std::snprintf(le, sizeof le, "%g", kBuckets[i]);
            out += "carevoice_http_request_duration_seconds_bucket{route=\"" + Label(route) + "\",le=\"" + le + "\"} " +
                   std::to_string(cumulative) + "\n";
        }
        cumulative += b[kBuckets.size()];
        out += "carevoice_http_request_duration_seconds_bucket{route=\"" + Label(route) + "\",le=\"+Inf\"} " +
               std::to_string(cumulative) + "\n";
        char sum[64];
        std::snprintf(sum, sizeof sum, "%.6f", sum_.at(route));
        out += "carevoice_http_request_duration_seconds_sum{route=\"" + Label(route) + "\"} " + sum + "\n";
        out += "carevoice_http_request_duration_seconds_count{route=\"" + Label(route) + "\"} " +
               std::to_string(cumulative) + "\n";
    }
    return out;
}

}  // namespace carevoice::web
