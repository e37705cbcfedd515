// The commissioners' outcomes page (issue 9): the pathway measures under Macmillan's nine statements, one
// column per CCG area, monthly waiting-time performance on SPC charts against the targets, a breakdown
// per measure by deprivation, age, sex, ethnic group and tumour group, and a CSV download. Aggregated
// and suppressed only: no patient's name, NHS number or record reaches these pages.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pathway/measures.hpp"

namespace carevoice::web {

class Router;
struct RequestContext;

namespace outcomes {

struct OutcomesData {
    std::vector<pathway::PathwayFacts> facts;
    std::vector<std::pair<std::string, std::string>> areas;  // code, name: the columns, by code
    pathway::MeasureWindow window;                           // the last twelve months to today
    int threshold = pathway::kDefaultSmallCountThreshold;
};

// Reads every pathway's facts (outcomes_model.cpp); answers the request itself (503) and returns nothing
// when storage fails.
std::optional<OutcomesData> LoadOutcomes(RequestContext& ctx);
// How a group code reads: an area's name, "1 (most deprived)", "Female", "White", "Upper gi".
std::string GroupLabel(const OutcomesData& data, pathway::Dimension dimension, const std::string& group);

// outcomes_charts.cpp: the monthly performance of a standard as an SVG XmR chart against its target.
std::string PerformanceChart(pathway::ClockKind clock, const std::vector<pathway::MonthlyPerformance>& months);

}  // namespace outcomes

void RegisterOutcomesRoutes(Router& router);

}  // namespace carevoice::web
