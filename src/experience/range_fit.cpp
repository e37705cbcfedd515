#include "experience/range_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

constexpr double kPercentScale = 100;  // percentages are published 0–100 but their τ² is on the 0–1 scale
constexpr double kMeanScaleTop = 10;   // the 0–10 rating item
constexpr int kStepsPerUnit = 2000;    // the centre grid: 0.0005 of a percentage point
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A limit exactly half a unit from a rounded one may round either way in floating point: search only points
// strictly inside each rounding interval.
constexpr double kInsideRounding = 1 - 1e-9;

struct Bounds {
    double lower = 0;
    double upper = 0;  // may be infinite: a capped limit allows any wider range
};

struct Scale {
    double top;     // 100 or 10
    double factor;  // published units per unit of the τ² scale: 100 for percentages, 1 for the mean
    double half;    // half the rounding unit
    double sd;      // the 0–10 item's respondent-level SD
    Measure measure;
};

// Sampling variance of one organisation's score on the τ² scale, at centre `centre` (published scale).
double SamplingVariance(const Scale& scale, double centre, int n) {
    if (scale.measure == Measure::kPercent) {
        const double p = centre / kPercentScale;
        return p * (1 - p) / n;
    }
    return scale.sd * scale.sd / n;
}

// The τ² that make one rounded limit come out right at `centre`, or nullopt if none does. The range's half
// width on the published scale is w = factor·z·sqrt(v + τ²); a lower limit L needs c − w in [L − h, L + h),
// an upper limit U needs c + w in [U − h, U + h); a limit on the edge of the scale was capped.
std::optional<Bounds> Tau2For(const Scale& scale, double centre, int n, double limit, bool is_lower) {
    double w_low = 0;
    double w_high = 0;
    if (is_lower) {
        const bool capped = limit <= 0;
        w_low = capped ? centre - scale.half : centre - limit - scale.half;
        w_high = capped ? kInfinity : centre - limit + scale.half;
    } else {
        const bool capped = limit >= scale.top;
        w_low = capped ? scale.top - scale.half - centre : limit - scale.half - centre;
        w_high = capped ? kInfinity : limit + scale.half - centre;
    }
    if (w_high < 0) return std::nullopt;
    const double per_unit = scale.factor * kZ95;
    const double variance = SamplingVariance(scale, centre, n);
    const double w = std::max(0.0, w_low) / per_unit;
    Bounds tau2{std::max(0.0, w * w - variance), kInfinity};
    if (w_high != kInfinity) {
        const double high = w_high / per_unit;
        tau2.upper = high * high - variance;
    }
    if (tau2.upper < tau2.lower) return std::nullopt;
    return tau2;
}

struct Deepest {
    int count = 0;
    Bounds tau2;  // where that many limits hold
};

// Each limit's τ² interval at one centre, as two lists (the lower and the upper bounds).
struct Tau2Intervals {
    std::vector<double> lower, upper;
};

// Fills `out` with every limit's τ² interval at `centre`; false if some limit cannot hold at this centre at all.
bool FillTau2Intervals(const Scale& scale, double centre, std::span<const PublishedRange> ranges, Tau2Intervals& out) {
    out.lower.clear();
    out.upper.clear();
    bool all = true;
    for (const auto& range : ranges) {
        for (const bool is_lower : {true, false}) {
            auto bounds = Tau2For(scale, centre, range.n, is_lower ? range.limits.lower : range.limits.upper, is_lower);
            if (!bounds) {
                all = false;
                continue;
            }
            out.lower.push_back(bounds->lower);
            out.upper.push_back(bounds->upper);
        }
    }
    return all;
}

// The τ² every limit allows at `centre`, if there is one: the common part of their intervals. Linear and
// stopping at the first limit that cannot hold (the largest organisations, given first, constrain most), so the
// search tries it first; only when no centre lets every limit hold does it count overlaps.
std::optional<Bounds> AllLimitsHold(const Scale& scale, double centre, std::span<const PublishedRange> ranges) {
    Bounds common{0, kInfinity};
    for (const auto& range : ranges) {
        for (const bool is_lower : {true, false}) {
            auto bounds = Tau2For(scale, centre, range.n, is_lower ? range.limits.lower : range.limits.upper, is_lower);
            if (!bounds) return std::nullopt;
            common.lower = std::max(common.lower, bounds->lower);
            common.upper = std::min(common.upper, bounds->upper);
            if (common.upper < common.lower) return std::nullopt;
        }
    }
    return common;
}

// How many intervals hold τ² = x: all of them but those starting above x and those ending below it. The most
// are held at some lower bound, from there to the nearest upper bound at or above it.
//
// When all but a few intervals overlap, that lower bound is one of the few largest and only the few smallest
// upper bounds lie below it, so a partial sort finds it; otherwise every bound is sorted.
constexpr std::size_t kFewOutliers = 8;

std::optional<Deepest> DeepestAmongFewOutliers(Tau2Intervals& t) {
    const std::size_t m = t.lower.size();
    const std::size_t few = std::min(m, kFewOutliers + 1);
    std::partial_sort(t.lower.begin(), t.lower.begin() + static_cast<std::ptrdiff_t>(few), t.lower.end(),
                      std::greater<>());
    std::partial_sort(t.upper.begin(), t.upper.begin() + static_cast<std::ptrdiff_t>(few), t.upper.end());
    std::optional<Deepest> best;
    for (std::size_t k = 0; k < few; ++k) {  // descending x: at equal counts the lowest τ² wins
        const double x = t.lower[k];
        std::size_t starting_above = 0;
        while (starting_above < k && t.lower[starting_above] > x) ++starting_above;
        std::size_t ending_below = 0;
        while (ending_below < few && t.upper[ending_below] < x) ++ending_below;
        if (ending_below == few && few < m) continue;  // more may end below x: not counted here
        const int count = static_cast<int>(m - starting_above - ending_below);
        if (!best || count >= best->count) {
            best = Deepest{count, {x, ending_below < m ? t.upper[ending_below] : kInfinity}};
        }
    }
    if (best && best->count + static_cast<int>(kFewOutliers) >= static_cast<int>(m)) return best;
    return std::nullopt;
}

Deepest DeepestBySorting(Tau2Intervals& t) {
    std::sort(t.lower.begin(), t.lower.end());
    std::sort(t.upper.begin(), t.upper.end());
    const std::size_t m = t.lower.size();
    Deepest best;
    std::size_t ending_below = 0;
    for (std::size_t k = 0; k < m; ++k) {
        if (k + 1 < m && t.lower[k + 1] == t.lower[k]) continue;  // count each lower bound once, with all its equals
        const double x = t.lower[k];
        while (ending_below < m && t.upper[ending_below] < x) ++ending_below;
        const int count = static_cast<int>(k + 1 - ending_below);
        if (count > best.count) best = Deepest{count, {x, t.upper[ending_below]}};
    }
    return best;
}

// The τ² held by the most limits' intervals at `centre` (the lowest such stretch).
Deepest DeepestOverlap(const Scale& scale, double centre, std::span<const PublishedRange> ranges,
                       Tau2Intervals& intervals) {
    FillTau2Intervals(scale, centre, ranges, intervals);
    if (intervals.lower.empty()) return {};
    if (auto few = DeepestAmongFewOutliers(intervals)) return *few;
    return DeepestBySorting(intervals);
}

// The centres every uncapped range allows: its rounded limits put the true centre within half a unit of the
// range's midpoint. Falls back to half a unit around the median midpoint if the ranges disagree.
Bounds CentreBracket(const Scale& scale, std::span<const PublishedRange> ranges) {
    std::vector<double> midpoints;
    for (const auto& range : ranges) {
        if (range.limits.lower > 0 && range.limits.upper < scale.top) {
            midpoints.push_back((range.limits.lower + range.limits.upper) / 2);
        }
    }
    if (midpoints.empty()) {
        for (const auto& range : ranges) midpoints.push_back((range.limits.lower + range.limits.upper) / 2);
    }
    std::sort(midpoints.begin(), midpoints.end());
    Bounds bracket{midpoints.back() - scale.half, midpoints.front() + scale.half};
    if (bracket.lower > bracket.upper) {
        const double median = midpoints[midpoints.size() / 2];
        bracket = {median - scale.half, median + scale.half};
    }
    const double margin = scale.half / kStepsPerUnit;  // the centre must lie strictly inside the scale
    bracket.lower = std::clamp(bracket.lower, margin, scale.top - margin);
    bracket.upper = std::clamp(bracket.upper, margin, scale.top - margin);
    return bracket;
}

Status CheckRanges(Measure measure, std::span<const PublishedRange> ranges, double sd, double unit) {
    if (ranges.empty()) return Status::InvalidArgument("fitting an expected range needs at least one published range");
    if (!(unit > 0) || !std::isfinite(unit)) {
        return Status::InvalidArgument("the rounding unit must be positive, got " + ShowNumber(unit));
    }
    if (measure == Measure::kMean && !(sd > 0 && std::isfinite(sd))) {
        return Status::InvalidArgument("the 0–10 item needs a positive respondent-level sd, got " + ShowNumber(sd));
    }
    const double top = measure == Measure::kPercent ? kPercentScale : kMeanScaleTop;
    for (std::size_t at = 0; at < ranges.size(); ++at) {
        const auto& range = ranges[at];
        const std::string where = "published range " + std::to_string(at + 1) + ": ";
        if (Status status = CheckRespondents(range.n); !status.ok()) {
            return Status::InvalidArgument(where + status.message());
        }
        if (!(range.limits.lower >= 0 && range.limits.lower <= range.limits.upper && range.limits.upper <= top)) {
            return Status::InvalidArgument(where + "the limits (" + ShowNumber(range.limits.lower) + ", " +
                                           ShowNumber(range.limits.upper) + ") must be in order within 0–" +
                                           ShowNumber(top));
        }
    }
    return Status::Ok();
}

}  // namespace

bool RoundsTo(double value, double published, double unit) {
    return std::llround(value / unit) == std::llround(published / unit);
}

Result<RangeFit> FitRangeParameters(Measure measure, std::span<const PublishedRange> ranges, double sd,
                                    double rounding_unit) {
    CV_RETURN_IF_ERROR(CheckRanges(measure, ranges, sd, rounding_unit));
    const Scale scale{measure == Measure::kPercent ? kPercentScale : kMeanScaleTop,
                      measure == Measure::kPercent ? kPercentScale : 1, rounding_unit / 2 * kInsideRounding, sd,
                      measure};
    const Bounds bracket = CentreBracket(scale, ranges);
    std::vector<PublishedRange> by_size(ranges.begin(), ranges.end());
    std::stable_sort(by_size.begin(), by_size.end(),
                     [](const PublishedRange& a, const PublishedRange& b) { return a.n > b.n; });
    const double step = rounding_unit / kStepsPerUnit;
    const int steps = std::max(1, static_cast<int>(std::ceil((bracket.upper - bracket.lower) / step)));
    auto centre_at = [&](int at) { return bracket.lower + (bracket.upper - bracket.lower) * at / steps; };

    // How many limits hold at each centre of the grid, at its best τ².
    Tau2Intervals intervals;
    std::vector<int> counts(static_cast<std::size_t>(steps) + 1);
    const int every_limit = static_cast<int>(2 * ranges.size());
    bool all_somewhere = false;
    for (int at = 0; at <= steps; ++at) {
        const bool all = AllLimitsHold(scale, centre_at(at), by_size).has_value();
        counts[static_cast<std::size_t>(at)] = all ? every_limit : 0;
        all_somewhere = all_somewhere || all;
    }
    if (!all_somewhere) {
        for (int at = 0; at <= steps; ++at) {
            counts[static_cast<std::size_t>(at)] = DeepestOverlap(scale, centre_at(at), ranges, intervals).count;
        }
    }
    // The middle of the longest run of centres that reach the best count.
    const int best = *std::max_element(counts.begin(), counts.end());
    int run_start = 0, run_length = 0, chosen = 0, chosen_length = 0;
    for (int at = 0; at <= steps; ++at) {
        if (counts[static_cast<std::size_t>(at)] != best) {
            run_length = 0;
            continue;
        }
        if (run_length++ == 0) run_start = at;
        if (run_length > chosen_length) {
            chosen_length = run_length;
            chosen = run_start + (run_length - 1) / 2;
        }
    }
    const double centre = centre_at(chosen);
    const Bounds tau2 =
        all_somewhere ? *AllLimitsHold(scale, centre, by_size) : DeepestOverlap(scale, centre, ranges, intervals).tau2;

    RangeFit fit;
    fit.parameters.measure = measure;
    fit.parameters.centre = centre;
    fit.parameters.sd = measure == Measure::kMean ? sd : 0;
    fit.parameters.tau2 = tau2.upper == kInfinity ? tau2.lower : (tau2.lower + tau2.upper) / 2;
    fit.ranges = static_cast<int>(ranges.size());
    for (const auto& range : ranges) {
        CV_ASSIGN_OR_RETURN(Interval ours, ExpectedRange(fit.parameters, range.n));
        const bool lower = RoundsTo(ours.lower, range.limits.lower, rounding_unit);
        const bool upper = RoundsTo(ours.upper, range.limits.upper, rounding_unit);
        fit.limits_reproduced += (lower ? 1 : 0) + (upper ? 1 : 0);
        fit.ranges_reproduced += lower && upper ? 1 : 0;
    }
    return fit;
}

}  // namespace carevoice::experience
