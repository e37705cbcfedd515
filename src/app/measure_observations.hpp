// The points of a partnership measure's chart, whatever feeds it: values typed in or imported (stored), the
// published survey (stored when the measure was made), or a waiting-time standard of the pathway — the
// share met each month in one area or all, computed from the pathway's events when asked, with small
// months left out (pathway::ShowableMonths). A group's members see only these aggregated, suppressed
// shares, never a patient.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "improvement/measure.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

// How many months back a pathway-fed chart goes (complete months, ending with last month).
inline constexpr int kPathwayFeedMonths = 24;

// InvalidArgument naming `pathway_measure` when a pathway-fed measure names a standard that cannot feed
// a monthly chart; Ok for any other measure.
Status CheckPathwayFeed(const improvement::Measure& measure);

// The standards a measure can be fed from: code and label ("fds", "Faster Diagnosis Standard: ...").
std::vector<std::pair<std::string, std::string>> PathwayFeedChoices();

// Oldest first. `threshold` is the pathway's small-count threshold (configuration).
Result<std::vector<improvement::Observation>> MeasureObservations(store::Connection& conn,
                                                                  const improvement::Measure& measure, CivilDate today,
                                                                  int threshold);

// What feeds the measure, in words for its page: "Typed in or imported by the group", "The published
// survey: Q17 for RD8", "The pathway: Faster Diagnosis Standard ..., area 05W, monthly".
std::string MeasureSourceText(const improvement::Measure& measure);

}  // namespace carevoice::app
