// A survey question's yearly published scores for one organisation, as observations an XmR chart can
// take: one point a year.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "improvement/spc.hpp"

namespace carevoice::improvement {

// One year's published result of one question for one organisation (store: cpes_results).
struct PublishedYearScore {
    int year = 0;
    std::optional<double> score;  // none when suppressed (too few respondents)
    std::optional<int> n;
};

// Each year's point is dated 1 July of the survey year. A CPES year describes care in April to June
// (since 2015 the sample is patients discharged after cancer treatment in April, May or June of the
// survey year; gov.uk, "National Cancer Patient Experience Survey 2017"), so 1 July is the first day after
// the care the score describes: the point never sits before the care it measures, the points are
// exactly a year apart (so the chart's spacing is honest), and measures kept monthly on the 1st can
// share the axis without two points of a year falling on one date.
inline constexpr int kCpesObservationMonth = 7;
inline constexpr int kCpesObservationDay = 1;

// One observation per year with a published score, oldest first; suppressed years are left out (a
// chart cannot draw a point that was never published). Fails if a year appears twice or a score is
// not finite.
Result<std::vector<Observation>> ObservationsFromCpes(std::span<const PublishedYearScore> scores);

}  // namespace carevoice::improvement
