// A measure a group tracks on an XmR chart (spc.hpp): what it is, its unit, which direction is
// better, an optional target, rebase dates, the work item it follows, and where its numbers come from
// (typed in, a CSV file, the published survey for one organisation and question, or a waiting-time
// standard of the pathway, monthly, for one area or all).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "improvement/spc.hpp"
#include "improvement/spc_csv.hpp"

namespace carevoice::improvement {

enum class MeasureSource { kManual, kCsv, kCpes, kPathway };

// "manual", "csv", "cpes", "pathway" — stored and exchanged.
std::string_view MeasureSourceName(MeasureSource source);
std::optional<MeasureSource> ParseMeasureSource(std::string_view name);

// "higher", "lower" or "neutral": the names ParseImprovementDirection (spc.hpp) reads.
std::string_view DirectionName(ImprovementDirection direction);

// Limits recalculated from a date on (a change to the process, such as a new clinic), with why: the
// chart shows the reason where the limits change.
struct Rebase {
    CivilDate on;
    std::string reason;
    bool operator==(const Rebase&) const = default;
};

struct Measure {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::string name;
    std::string unit;  // e.g. "%", "days", "patients"
    ImprovementDirection better = ImprovementDirection::kNeutral;
    std::optional<double> target;
    std::vector<Rebase> rebases;
    std::optional<std::int64_t> work_item_id;
    MeasureSource source = MeasureSource::kManual;
    std::string cpes_org_code;  // for kCpes: ODS code
    std::string cpes_question;  // for kCpes: "Q17"
    // For kPathway: a monthly waiting-time standard (pathway::kMeasures code "fds", "31" or "62") and the
    // area (CCG code) it is counted for; an empty area counts every area. Which codes exist is the pathway
    // library's to say: the feed (app/measure_observations.hpp) checks them.
    std::string pathway_measure;
    std::string pathway_area;
};

// Fails (InvalidArgument, naming each field) on: no name; a target that is not finite; a rebase
// date given twice; a CPES source without organisation code or question, or a question that is not
// "Q" and a number; CPES fields on a measure of another source; a pathway source without its measure, or
// pathway fields on a measure of another source.
Status ValidateMeasure(const Measure& measure);

// Fails on a value that is not finite or a date given twice, naming the date.
Status ValidateObservations(std::span<const Observation> observations);

// What a value of the measure may be: a measure in "%" takes 0 to 100; no value is dated after `today`.
ValueRule ValueRuleFor(const Measure& measure, CivilDate today);

// The chart options the measure implies: its direction, target and rebase dates (sorted), with the
// default moving-range screening.
SpcOptions SpcOptionsFor(const Measure& measure);

}  // namespace carevoice::improvement
