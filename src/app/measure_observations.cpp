#include "app/measure_observations.hpp"

#include <algorithm>

#include "app/pathway_facts.hpp"
#include "core/enum_names.hpp"
#include "pathway/measures.hpp"
#include "store/measures_repository.hpp"

namespace carevoice::app {
namespace {

std::optional<pathway::MeasureId> FeedOf(const improvement::Measure& measure) {
    auto id = ParseName(pathway::kMeasures, measure.pathway_measure);
    if (!id || !pathway::MonthlyClockOf(*id)) return std::nullopt;
    return id;
}

CivilDate FirstOfMonth(CivilDate date) { return *CivilDate::FromYmd(date.year(), date.month(), 1); }

}  // namespace

Status CheckPathwayFeed(const improvement::Measure& measure) {
    if (measure.source != improvement::MeasureSource::kPathway || FeedOf(measure)) return Status::Ok();
    const std::string problem = "'" + measure.pathway_measure + "' is not a waiting-time standard (fds, 31 or 62)";
    return Status::InvalidArgument("the measure is not valid: pathway_measure " + problem,
                                   {{"pathway_measure", problem}});
}

std::vector<std::pair<std::string, std::string>> PathwayFeedChoices() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& m : pathway::kMeasures) {
        if (pathway::MonthlyClockOf(m.value)) out.emplace_back(std::string(m.name), std::string(m.label));
    }
    return out;
}

Result<std::vector<improvement::Observation>> MeasureObservations(store::Connection& conn,
                                                                  const improvement::Measure& measure, CivilDate today,
                                                                  int threshold) {
    if (measure.source != improvement::MeasureSource::kPathway) {
        return store::MeasuresRepository(conn).Observations(measure.id);
    }
    CV_RETURN_IF_ERROR(CheckPathwayFeed(measure));
    const pathway::ClockKind clock = *pathway::MonthlyClockOf(*FeedOf(measure));
    CV_ASSIGN_OR_RETURN(auto facts, ReadPathwayFacts(conn, today));
    if (!measure.pathway_area.empty()) {
        std::erase_if(facts, [&](const pathway::PathwayFacts& f) { return f.area != measure.pathway_area; });
    }
    // Complete months only: this month's share would move as the month goes on.
    const CivilDate this_month = FirstOfMonth(today);
    CivilDate from = this_month;
    for (int i = 0; i < kPathwayFeedMonths; ++i) from = FirstOfMonth(from.AddDays(-1));
    const auto series = pathway::MonthlySeries(clock, facts, pathway::DefaultTargets(), from, this_month.AddDays(-1));
    std::vector<improvement::Observation> out;
    for (const auto& month : pathway::ShowableMonths(series, threshold)) out.push_back({month.month, month.percent});
    return out;
}

std::string MeasureSourceText(const improvement::Measure& measure) {
    switch (measure.source) {
        case improvement::MeasureSource::kManual:
        case improvement::MeasureSource::kCsv:
            return "Values typed in or imported by the group";
        case improvement::MeasureSource::kCpes:
            return "The published National Cancer Patient Experience Survey: " + measure.cpes_question + " for " +
                   measure.cpes_org_code + ", one point a year";
        case improvement::MeasureSource::kPathway: {
            auto feed = FeedOf(measure);
            const std::string label = feed ? std::string(LabelOf(pathway::kMeasures, *feed)) : measure.pathway_measure;
            return "The pathway: " + label + ", the share met each month in " +
                   (measure.pathway_area.empty() ? std::string("every area") : "area " + measure.pathway_area) +
                   " (months with small counts are left out)";
        }
    }
    return "";
}

}  // namespace carevoice::app
