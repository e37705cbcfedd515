// Prometheus metrics: requests by route, method and status, and a latency histogram.
// Thread-safe; the lock is held only to bump counters.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace carevoice::web {

class Metrics {
  public:
    void Observe(const std::string& route, const std::string& method, int status, double seconds);
    // The text exposition format, version 0.0.4.
    std::string Render() const;

    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  private:
    mutable std::mutex mu_;
    std::map<std::tuple<std::string, std::string, int>, long long> requests_;
    std::map<std::string, std::array<long long, kBuckets.size() + 1>> buckets_;  // by route; last = +Inf
    std::map<std::string, double> sum_;
};

}  // namespace carevoice::web
