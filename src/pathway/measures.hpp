// The measures commissioners watch across a pathway (issue 9): monthly Faster Diagnosis, 31- and 62-day
// performance against the operational targets, patients waiting over 62 and 104 days, days from referral to
// diagnosis, deaths in the preferred place beside how many deaths had a recorded preference, emergency
// admissions in the last 90 days of life, and the share of patients with a named key worker — each by area,
// deprivation quintile, age band, sex, ethnic group and tumour group, with small counts suppressed.
// Pure: patients, pathways and events in, counts out. No patient-identifiable field leaves this file.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "pathway/clocks.hpp"
#include "pathway/events.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"

namespace carevoice::pathway {

// Suppression: a figure whose numerator or denominator is below the threshold shows "fewer than N" and
// its share is withheld, so that nobody can be recognised. Configuration; this is the default.
inline constexpr int kDefaultSmallCountThreshold = 8;

// An operational target for a clock from a date on (configuration by period; pathway.md).
struct TargetPeriod {
    ClockKind clock = ClockKind::kFds;
    CivilDate from;     // the first day it applies
    double target = 0;  // a share, 0 to 1
};
// FDS 75% to February 2026, 80% from March 2026; 31-day 96%; 62-day 85%.
std::vector<TargetPeriod> DefaultTargets();
// The target of `clock` in force on `on` (the latest period starting on or before it); none if none.
std::optional<double> TargetOn(const std::vector<TargetPeriod>& targets, ClockKind clock, CivilDate on);

// What the measures need of one pathway: its groups and its facts, no name or NHS number.
struct PathwayFacts {
    PathwayKind kind = PathwayKind::kCancer;
    std::string area;          // area code (CCG)
    std::string deprivation;   // "1" … "5", or "not_known"
    std::string age_band;      // on the referral date (or the as-of date)
    std::string sex;           // kSexes name
    std::string ethnic_group;  // kEthnicGroups name
    std::string tumour_group;  // as recorded; "not_recorded" when empty
    std::vector<Clock> clocks;
    std::optional<CivilDate> referral_received;
    std::optional<CivilDate> diagnosis_communicated;  // the first, either outcome
    bool active = false;
    bool has_key_worker = false;
    std::optional<CivilDate> died_on;
    bool place_of_death_preference_recorded = false;  // decided before death
    std::optional<bool> died_in_preferred_place;
    int emergency_admissions_last_90_days = 0;  // before death; 0 when alive
};

// One pathway's facts from its patient, its record and its events (any order), as of a date.
PathwayFacts FactsOf(const Patient& patient, const PathwayRecord& record, const std::vector<Event>& events,
                     CivilDate as_of);
// The facts of every pathway whose patient is in `patients`; `events` of many pathways, any order.
std::vector<PathwayFacts> FactsOfAll(const std::vector<Patient>& patients, const std::vector<PathwayRecord>& records,
                                     const std::vector<Event>& events, CivilDate as_of);

enum class MeasureId {
    kFds,
    k31,
    k62,
    kWaitingOver62,
    kWaitingOver104,
    kDaysToDiagnosis,
    kPreferenceRecorded,
    kDiedInPreferredPlace,
    kEmergencyAdmissionsLast90,
    kKeyWorker,
};
inline constexpr std::array<EnumName<MeasureId>, 10> kMeasures = {{
    {MeasureId::kFds, "fds", "Faster Diagnosis Standard: told within 28 days"},
    {MeasureId::k31, "31", "31 days from decision to treat to treatment"},
    {MeasureId::k62, "62", "62 days from referral to first treatment"},
    {MeasureId::kWaitingOver62, "waiting_over_62", "Waiting over 62 days (of those still waiting)"},
    {MeasureId::kWaitingOver104, "waiting_over_104", "Waiting over 104 days (of those still waiting)"},
    {MeasureId::kDaysToDiagnosis, "days_to_diagnosis", "Days from referral to diagnosis (median)"},
    {MeasureId::kPreferenceRecorded, "preference_recorded", "Deaths with a recorded preferred place of death"},
    {MeasureId::kDiedInPreferredPlace, "died_in_preferred_place",
     "Died in the preferred place (of deaths with a recorded preference)"},
    {MeasureId::kEmergencyAdmissionsLast90, "emergency_admissions_last_90",
     "Deaths with an emergency admission in the last 90 days of life"},
    {MeasureId::kKeyWorker, "key_worker", "Patients with a named key worker"},
}};

// How a measure reads: a share (numerator of denominator), or a median of `denominator` values.
enum class MeasureForm { kShare, kMedian };
MeasureForm FormOf(MeasureId measure);
// True when higher is better (for a share); false for waits, admissions and days.
bool HigherIsBetter(MeasureId measure);

enum class Dimension { kArea, kDeprivation, kAgeBand, kSex, kEthnicGroup, kTumourGroup };
inline constexpr std::array<EnumName<Dimension>, 6> kDimensions = {{
    {Dimension::kArea, "area", "Area (CCG)"},
    {Dimension::kDeprivation, "deprivation", "Deprivation quintile (1 = most deprived)"},
    {Dimension::kAgeBand, "age", "Age band"},
    {Dimension::kSex, "sex", "Sex"},
    {Dimension::kEthnicGroup, "ethnic_group", "Ethnic group"},
    {Dimension::kTumourGroup, "tumour_group", "Tumour group"},
}};
// The group of a pathway under a dimension (a code: "05W", "3", "60-69", "female", "white", "lung").
std::string GroupOf(const PathwayFacts& facts, Dimension dimension);

// The window a measure looks at: clocks that stopped, diagnoses and deaths from `from` to `to` inclusive;
// waits, and key workers of active pathways, as of `to`.
struct MeasureWindow {
    CivilDate from, to;
};

struct MeasureValue {
    std::int64_t numerator = 0;    // shares: those who met it / waited over / had it
    std::int64_t denominator = 0;  // shares: all counted; medians: how many values
    std::optional<double> value;   // the share (0 to 1) or the median; none when the denominator is 0
};

MeasureValue Compute(MeasureId measure, const std::vector<const PathwayFacts*>& facts, const MeasureWindow& window);
MeasureValue Compute(MeasureId measure, const std::vector<PathwayFacts>& facts, const MeasureWindow& window);
// The measure for each group of a dimension present in `facts`, by group code.
std::map<std::string, MeasureValue> ComputeByGroup(MeasureId measure, Dimension dimension,
                                                   const std::vector<PathwayFacts>& facts, const MeasureWindow& window);

// Suppression: numerator or denominator below the threshold (medians: fewer values than it).
bool Suppressed(const MeasureValue& value, MeasureForm form, int threshold);
// How a cell reads: "fewer than 8", "no one yet", "82% (41 of 50)", "23 days (median of 40)".
std::string FormatValue(const MeasureValue& value, MeasureForm form, int threshold);
// The rule in words, for the page.
std::string SuppressionRule(int threshold);

// One month of a waiting-time standard: clocks that stopped in it, met and breached.
struct MonthlyPerformance {
    CivilDate month;  // its first day
    std::int64_t met = 0;
    std::int64_t breached = 0;
    std::optional<double> target;  // in force that month
    std::optional<double> Share() const;
};
// Every month from `from`'s month to `to`'s month, in order (months with no clock stopped have 0 and 0).
std::vector<MonthlyPerformance> MonthlySeries(ClockKind clock, const std::vector<PathwayFacts>& facts,
                                              const std::vector<TargetPeriod>& targets, CivilDate from, CivilDate to);

// The measures a partnership group's chart can be fed from, month by month: the three waiting-time
// standards. The clock of such a measure; none for the others.
std::optional<ClockKind> MonthlyClockOf(MeasureId measure);

// A month's share met, in percent, as a point of a chart (a partnership measure fed from the pathway).
struct MonthlyShare {
    CivilDate month;
    double percent = 0;
};
// The months of `series` that may be shown, oldest first: a month whose met or counted clocks are below the
// suppression threshold is left out (as Suppressed says for a share), so that a chart open to a group's lay
// members never shows a count small enough to recognise someone.
std::vector<MonthlyShare> ShowableMonths(const std::vector<MonthlyPerformance>& series, int threshold);

}  // namespace carevoice::pathway
