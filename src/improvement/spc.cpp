#include "improvement/spc.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace carevoice::improvement {
namespace {

Status CheckObservations(const std::vector<Observation>& observations) {
    if (observations.empty()) return Status::InvalidArgument("an XmR chart needs at least 2 points; there are none");
    std::vector<FieldProblem> problems;
    for (std::size_t at = 0; at < observations.size(); ++at) {
        const Observation& o = observations[at];
        const std::string where = "point " + std::to_string(at + 1) + " (" + o.date.ToString() + ")";
        if (!std::isfinite(o.value)) problems.push_back({where, "the value is not a finite number"});
        if (at > 0 && o.date <= observations[at - 1].date) {
            problems.push_back({where, o.date == observations[at - 1].date
                                           ? "the date appears twice; each date may have only one value"
                                           : "the date is before the one above; dates must run oldest first"});
        }
    }
    if (!problems.empty()) return Status::InvalidArgument("the points cannot be charted", std::move(problems));
    return Status::Ok();
}

// Index of the first point of each segment, in order; the first is always 0.
Result<std::vector<std::size_t>> SegmentStarts(const std::vector<Observation>& observations,
                                               const std::vector<CivilDate>& rebase_dates) {
    std::vector<std::size_t> starts = {0};
    std::vector<FieldProblem> problems;
    for (CivilDate date : rebase_dates) {
        auto it = std::lower_bound(observations.begin(), observations.end(), date,
                                   [](const Observation& o, CivilDate d) { return o.date < d; });
        if (it == observations.end() || it->date != date) {
            problems.push_back({"rebase " + date.ToString(), "is not the date of any point; rebase on a point's date"});
            continue;
        }
        starts.push_back(static_cast<std::size_t>(it - observations.begin()));
    }
    if (!problems.empty()) return Status::InvalidArgument("a rebase date does not match a point", std::move(problems));
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
}

std::string ShortSegmentWarning(const XmrChart& chart, const Segment& segment) {
    const std::string count = std::to_string(segment.point_count);
    const std::string trial = " are trial limits and will change as points are added (Making Data Count asks for " +
                              std::to_string(kMinimumPoints) + ")";
    if (chart.segments.size() == 1) return "only " + count + " points: the limits" + trial;
    return "the segment from " + chart.points[segment.first_point].date.ToString() + " has only " + count +
           " points: its limits" + trial;
}

void AddSegment(std::span<const Observation> observations, std::size_t first, MovingRangeScreening screening,
                ImprovementDirection direction, XmrChart& chart) {
    std::vector<double> values;
    values.reserve(observations.size());
    for (const Observation& o : observations) values.push_back(o.value);

    Segment segment;
    segment.first_point = first;
    segment.point_count = values.size();
    segment.limits = ComputeProcessLimits(values, screening);
    segment.too_few_points = values.size() < kMinimumPoints;

    const std::vector<SpecialCauses> causes = FindSpecialCauses(values, segment.limits);
    for (std::size_t at = 0; at < values.size(); ++at) {
        ChartPoint point;
        point.date = observations[at].date;
        point.value = values[at];
        point.segment = chart.segments.size();
        if (at > 0) {
            point.moving_range = MovingRange(values[at - 1], values[at]);
            point.moving_range_excluded = screening == MovingRangeScreening::kExcludeLarge &&
                                          *point.moving_range > segment.limits.moving_range_ceiling;
        }
        point.mean = segment.limits.mean;
        point.lower_limit = segment.limits.lower_limit;
        point.upper_limit = segment.limits.upper_limit;
        point.special_causes = causes[at];
        point.type = ClassifyPoint(causes[at], direction);
        chart.points.push_back(point);
    }
    chart.segments.push_back(segment);
}

}  // namespace

Result<XmrChart> ComputeXmrChart(const std::vector<Observation>& observations, const SpcOptions& options) {
    CV_RETURN_IF_ERROR(CheckObservations(observations));
    if (options.target && !std::isfinite(*options.target)) {
        return Status::InvalidArgument("the target is not a finite number");
    }
    CV_ASSIGN_OR_RETURN(std::vector<std::size_t> starts, SegmentStarts(observations, options.rebase_dates));

    XmrChart chart;
    chart.points.reserve(observations.size());
    const std::span<const Observation> all(observations);
    for (std::size_t segment = 0; segment < starts.size(); ++segment) {
        const std::size_t first = starts[segment];
        const std::size_t end = segment + 1 < starts.size() ? starts[segment + 1] : observations.size();
        if (end - first < 2) {
            return Status::InvalidArgument("the segment from " + observations[first].date.ToString() +
                                           " has only 1 point; a segment needs at least 2 to have a moving range");
        }
        AddSegment(all.subspan(first, end - first), first, options.screening, options.direction, chart);
    }
    for (const Segment& segment : chart.segments) {
        if (segment.too_few_points) chart.warnings.push_back(ShortSegmentWarning(chart, segment));
    }
    chart.variation_icon = VariationIconFor(chart.points.back().type, options.direction);
    chart.assurance_icon = AssuranceIconFor(options.target, chart.segments.back().limits, options.direction);
    return chart;
}

VariationIcon VariationIconFor(PointType latest, ImprovementDirection direction) {
    const bool higher_is_better = direction == ImprovementDirection::kIncrease;
    switch (latest) {
        case PointType::kCommonCause:
            return VariationIcon::kCommonCause;
        case PointType::kSpecialCauseImprovement:
            return higher_is_better ? VariationIcon::kImprovementHigh : VariationIcon::kImprovementLow;
        case PointType::kSpecialCauseConcern:
            return higher_is_better ? VariationIcon::kConcernLow : VariationIcon::kConcernHigh;
        case PointType::kSpecialCauseNeutralHigh:
            return VariationIcon::kNeutralHigh;
        case PointType::kSpecialCauseNeutralLow:
            return VariationIcon::kNeutralLow;
    }
    return VariationIcon::kCommonCause;
}

AssuranceIcon AssuranceIconFor(std::optional<double> target, const ProcessLimits& latest,
                               ImprovementDirection direction) {
    if (!target || direction == ImprovementDirection::kNeutral) return AssuranceIcon::kNone;
    const bool higher_is_better = direction == ImprovementDirection::kIncrease;
    if (*target > latest.upper_limit) {
        return higher_is_better ? AssuranceIcon::kConsistentlyFail : AssuranceIcon::kConsistentlyPass;
    }
    if (*target < latest.lower_limit) {
        return higher_is_better ? AssuranceIcon::kConsistentlyPass : AssuranceIcon::kConsistentlyFail;
    }
    return AssuranceIcon::kHitAndMiss;
}

std::string_view PointTypeName(PointType type) {
    switch (type) {
        case PointType::kCommonCause:
            return "common_cause";
        case PointType::kSpecialCauseImprovement:
            return "special_cause_improvement";
        case PointType::kSpecialCauseConcern:
            return "special_cause_concern";
        case PointType::kSpecialCauseNeutralHigh:
            return "special_cause_neutral_high";
        case PointType::kSpecialCauseNeutralLow:
            return "special_cause_neutral_low";
    }
    return "common_cause";
}

std::string_view VariationIconName(VariationIcon icon) {
    switch (icon) {
        case VariationIcon::kCommonCause:
            return "common_cause";
        case VariationIcon::kImprovementHigh:
            return "improvement_high";
        case VariationIcon::kImprovementLow:
            return "improvement_low";
        case VariationIcon::kConcernHigh:
            return "concern_high";
        case VariationIcon::kConcernLow:
            return "concern_low";
        case VariationIcon::kNeutralHigh:
            return "neutral_high";
        case VariationIcon::kNeutralLow:
            return "neutral_low";
    }
    return "common_cause";
}

std::string_view AssuranceIconName(AssuranceIcon icon) {
    switch (icon) {
        case AssuranceIcon::kNone:
            return "none";
        case AssuranceIcon::kConsistentlyPass:
            return "consistently_pass";
        case AssuranceIcon::kConsistentlyFail:
            return "consistently_fail";
        case AssuranceIcon::kHitAndMiss:
            return "hit_and_miss";
    }
    return "none";
}

Result<ImprovementDirection> ParseImprovementDirection(std::string_view text) {
    if (text == "higher") return ImprovementDirection::kIncrease;
    if (text == "lower") return ImprovementDirection::kDecrease;
    if (text == "neutral") return ImprovementDirection::kNeutral;
    return Status::InvalidArgument("'" + std::string(text) + "' is not a direction; use higher, lower or neutral");
}

}  // namespace carevoice::improvement
