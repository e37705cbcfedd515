#include "improvement/measure.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.hpp"

namespace carevoice::improvement {
namespace {

bool IsQuestionCode(std::string_view q) {
    if (q.size() < 2 || q[0] != 'Q') return false;
    return std::all_of(q.begin() + 1, q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status Invalid(std::string what, std::vector<FieldProblem> problems) {
    if (problems.empty()) return Status::Ok();
    std::string message = what + " is not valid: ";
    for (std::size_t at = 0; at < problems.size(); ++at) {
        if (at > 0) message += "; ";
        message += problems[at].field + " " + problems[at].problem;
    }
    return Status::InvalidArgument(std::move(message), std::move(problems));
}

}  // namespace

std::string_view MeasureSourceName(MeasureSource source) {
    switch (source) {
        case MeasureSource::kManual:
            return "manual";
        case MeasureSource::kCsv:
            return "csv";
        case MeasureSource::kCpes:
            return "cpes";
        case MeasureSource::kPathway:
            return "pathway";
    }
    return "";
}

std::string_view DirectionName(ImprovementDirection direction) {
    switch (direction) {
        case ImprovementDirection::kIncrease:
            return "higher";
        case ImprovementDirection::kDecrease:
            return "lower";
        case ImprovementDirection::kNeutral:
            return "neutral";
    }
    return "neutral";
}

std::optional<MeasureSource> ParseMeasureSource(std::string_view name) {
    for (MeasureSource source :
         {MeasureSource::kManual, MeasureSource::kCsv, MeasureSource::kCpes, MeasureSource::kPathway}) {
        if (MeasureSourceName(source) == name) return source;
    }
    return std::nullopt;
}

Status ValidateMeasure(const Measure& measure) {
    std::vector<FieldProblem> problems;
    if (text::Trim(measure.name).empty()) problems.push_back({"name", "is required"});
    if (measure.target && !std::isfinite(*measure.target)) problems.push_back({"target", "must be a finite number"});
    std::set<CivilDate> rebases;
    for (const Rebase& rebase : measure.rebases) {
        if (!rebases.insert(rebase.on).second) {
            problems.push_back({"rebase_dates", "give " + rebase.on.ToString() + " twice"});
        }
    }
    if (measure.source == MeasureSource::kCpes) {
        if (text::Trim(measure.cpes_org_code).empty()) {
            problems.push_back({"cpes_org_code", "is required for a measure taken from the survey"});
        }
        if (text::Trim(measure.cpes_question).empty()) {
            problems.push_back({"cpes_question", "is required for a measure taken from the survey"});
        } else if (!IsQuestionCode(measure.cpes_question)) {
            problems.push_back(
                {"cpes_question", "'" + measure.cpes_question + "' is not a question number such as Q17"});
        }
    } else if (!measure.cpes_org_code.empty() || !measure.cpes_question.empty()) {
        problems.push_back({"source", "is '" + std::string(MeasureSourceName(measure.source)) +
                                          "' but a survey organisation or question is given"});
    }
    if (measure.source == MeasureSource::kPathway) {
        if (text::Trim(measure.pathway_measure).empty()) {
            problems.push_back({"pathway_measure", "is required for a measure taken from the pathway"});
        }
    } else if (!measure.pathway_measure.empty() || !measure.pathway_area.empty()) {
        problems.push_back({"source", "is '" + std::string(MeasureSourceName(measure.source)) +
                                          "' but a pathway measure or area is given"});
    }
    return Invalid("the measure", std::move(problems));
}

Status ValidateObservations(std::span<const Observation> observations) {
    std::vector<FieldProblem> problems;
    std::set<CivilDate> dates;
    for (const Observation& observation : observations) {
        const std::string field = "observations[" + observation.date.ToString() + "]";
        if (!std::isfinite(observation.value)) problems.push_back({field, "value must be a finite number"});
        if (!dates.insert(observation.date).second) problems.push_back({field, "is given twice"});
    }
    return Invalid("the observations", std::move(problems));
}

ValueRule ValueRuleFor(const Measure& measure, CivilDate today) {
    ValueRule rule;
    rule.latest = today;
    const std::string unit = text::ToLower(text::Trim(measure.unit));
    if (unit == "%" || unit == "percent" || unit == "per cent" || unit == "percentage") {
        rule.min = 0;
        rule.max = 100;
        rule.range_words = "a percentage: a number from 0 to 100";
    }
    return rule;
}

SpcOptions SpcOptionsFor(const Measure& measure) {
    SpcOptions options;
    options.direction = measure.better;
    options.target = measure.target;
    for (const Rebase& rebase : measure.rebases) options.rebase_dates.push_back(rebase.on);
    std::sort(options.rebase_dates.begin(), options.rebase_dates.end());
    return options;
}

}  // namespace carevoice::improvement
