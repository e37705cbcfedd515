// /pathway/outcomes: the measures under Macmillan's nine statements with one column per CCG area, the
// monthly waiting-time charts, a breakdown page per measure and a CSV download. Every figure goes through
// pathway::FormatValue, so small counts are suppressed the same way everywhere.
#include "web/pathway/outcomes.hpp"

#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web {
namespace {

using outcomes::OutcomesData;
using pathway::Dimension;
using pathway::MeasureId;

// Commissioners and the people who support them; partnership facilitators see it for their groups' work.
Access OutcomesAccess() {
    return Access::Roles({Role::kAdmin, Role::kCoordinator, Role::kAnalyst, Role::kFacilitator});
}

struct Statement {
    const char* text;
    std::vector<MeasureId> measures;
};

// Macmillan's nine outcomes (shared/domain/README.md) and the measures carevoice has for each.
const std::vector<Statement>& Statements() {
    static const std::vector<Statement> kStatements = {
        {"I was diagnosed early", {MeasureId::kFds, MeasureId::kDaysToDiagnosis}},
        {"I understand, so I make good decisions", {}},
        {"I get the treatment and care which are best for my cancer, and my life",
         {MeasureId::k31, MeasureId::k62, MeasureId::kWaitingOver62, MeasureId::kWaitingOver104}},
        {"Those around me are well supported", {}},
        {"I am treated with dignity and respect", {}},
        {"I know what I can do to help myself and who else can help me", {MeasureId::kKeyWorker}},
        {"I can enjoy life", {}},
        {"I feel part of a community and I'm inspired to give something back", {}},
        {"I want to die well",
         {MeasureId::kPreferenceRecorded, MeasureId::kDiedInPreferredPlace, MeasureId::kEmergencyAdmissionsLast90}},
    };
    return kStatements;
}

nlohmann::json Cell(const pathway::MeasureValue& value, MeasureId measure, int threshold) {
    const auto form = pathway::FormOf(measure);
    return {{"text", pathway::FormatValue(value, form, threshold)},
            {"suppressed", value.denominator > 0 && pathway::Suppressed(value, form, threshold)}};
}

std::string WindowText(const OutcomesData& data) {
    return "Clocks that stopped, diagnoses and deaths from " + data.window.from.ToLongString() + " to " +
           data.window.to.ToLongString() + "; waits and key workers as of " + data.window.to.ToLongString() + ".";
}

nlohmann::json MeasureRow(const OutcomesData& data, MeasureId measure) {
    nlohmann::json cells = nlohmann::json::array();
    const auto by_area = pathway::ComputeByGroup(measure, Dimension::kArea, data.facts, data.window);
    for (const auto& [code, name] : data.areas) {
        auto it = by_area.find(code);
        cells.push_back(Cell(it == by_area.end() ? pathway::MeasureValue{} : it->second, measure, data.threshold));
    }
    return {{"name", std::string(LabelOf(pathway::kMeasures, measure))},
            {"href", "/pathway/outcomes/" + std::string(NameOf(pathway::kMeasures, measure))},
            {"higher_is_better", pathway::HigherIsBetter(measure)},
            {"cells", cells},
            {"all", Cell(pathway::Compute(measure, data.facts, data.window), measure, data.threshold)}};
}

nlohmann::json Charts(const OutcomesData& data) {
    nlohmann::json charts = nlohmann::json::array();
    const auto targets = pathway::DefaultTargets();
    for (auto clock : {pathway::ClockKind::kFds, pathway::ClockKind::k31, pathway::ClockKind::k62}) {
        const auto months = pathway::MonthlySeries(clock, data.facts, targets, data.window.from, data.window.to);
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& m : months) {
            const pathway::MeasureValue v{m.met, m.met + m.breached, m.Share()};
            rows.push_back({{"month", m.month.ToString().substr(0, 7)},
                            {"value", pathway::FormatValue(v, pathway::MeasureForm::kShare, data.threshold)},
                            {"target", m.target ? svg::Number(*m.target * 100.0, 0) + "%" : "none"}});
        }
        const MeasureId id = clock == pathway::ClockKind::kFds  ? MeasureId::kFds
                             : clock == pathway::ClockKind::k31 ? MeasureId::k31
                                                                : MeasureId::k62;
        charts.push_back({{"title", std::string(LabelOf(pathway::kMeasures, id))},
                          {"id", std::string(pathway::ClockName(clock))},
                          {"svg", outcomes::PerformanceChart(clock, months)},
                          {"rows", rows}});
    }
    return charts;
}

void ShowOutcomes(RequestContext& ctx) {
    auto data = outcomes::LoadOutcomes(ctx);
    if (!data) return;
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& [code, name] : data->areas) areas.push_back({{"code", code}, {"name", name}});
    nlohmann::json statements = nlohmann::json::array();
    int n = 0;
    for (const auto& s : Statements()) {
        nlohmann::json rows = nlohmann::json::array();
        for (MeasureId m : s.measures) rows.push_back(MeasureRow(*data, m));
        statements.push_back({{"number", ++n}, {"text", s.text}, {"rows", rows}, {"has_rows", !rows.empty()}});
    }
    ctx.Page("Outcomes by area", "pathway_outcomes",
             {{"areas", areas},
              {"statements", statements},
              {"charts", Charts(*data)},
              {"window", WindowText(*data)},
              {"rule", pathway::SuppressionRule(data->threshold)},
              {"pathways", data->facts.size()}});
}

void ShowBreakdown(RequestContext& ctx) {
    auto measure = ParseName(pathway::kMeasures, ctx.params["measure"]);
    if (!measure) {
        ctx.Error(404, "not_found", "There is no such measure: choose one from the outcomes page.",
                  {{"measure", "is not a measure carevoice computes"}});
        return;
    }
    auto data = outcomes::LoadOutcomes(ctx);
    if (!data) return;
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& d : pathway::kDimensions) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& [group, value] : pathway::ComputeByGroup(*measure, d.value, data->facts, data->window)) {
            nlohmann::json row = Cell(value, *measure, data->threshold);
            row["group"] = outcomes::GroupLabel(*data, d.value, group);
            rows.push_back(row);
        }
        sections.push_back({{"title", std::string(d.label)}, {"rows", rows}});
    }
    const std::string name(LabelOf(pathway::kMeasures, *measure));
    ctx.Page(name, "pathway_outcome_breakdown",
             {{"name", name},
              {"sections", sections},
              {"all", Cell(pathway::Compute(*measure, data->facts, data->window), *measure, data->threshold)},
              {"window", WindowText(*data)},
              {"rule", pathway::SuppressionRule(data->threshold)}});
}

// One row per measure × dimension × group; suppressed figures have no counts and no value.
void OutcomesCsv(RequestContext& ctx) {
    auto data = outcomes::LoadOutcomes(ctx);
    if (!data) return;
    std::string out = csv::Row(
        {"measure", "dimension", "group", "shown", "numerator", "denominator", "value", "window_from", "window_to"});
    for (const auto& m : pathway::kMeasures) {
        const auto form = pathway::FormOf(m.value);
        for (const auto& d : pathway::kDimensions) {
            for (const auto& [group, v] : pathway::ComputeByGroup(m.value, d.value, data->facts, data->window)) {
                const bool hidden = pathway::Suppressed(v, form, data->threshold);
                const bool numerator = form == pathway::MeasureForm::kShare;
                out += csv::Row({std::string(m.name), std::string(d.name), outcomes::GroupLabel(*data, d.value, group),
                                 pathway::FormatValue(v, form, data->threshold),
                                 hidden || !numerator ? "" : std::to_string(v.numerator),
                                 hidden ? "" : std::to_string(v.denominator),
                                 hidden || !v.value ? "" : svg::Number(*v.value, 4), data->window.from.ToString(),
                                 data->window.to.ToString()});
            }
        }
    }
    ctx.Csv("carevoice-pathway-outcomes.csv", out);
}

}  // namespace

void RegisterOutcomesRoutes(Router& router) {
    router.Add("GET", "/pathway/outcomes", OutcomesAccess(), RouteKind::kPage, ShowOutcomes);
    router.Add("GET", "/pathway/outcomes.csv", OutcomesAccess(), RouteKind::kPage, OutcomesCsv);
    router.Add("GET", "/pathway/outcomes/:measure", OutcomesAccess(), RouteKind::kPage, ShowBreakdown);
}

}  // namespace carevoice::web
