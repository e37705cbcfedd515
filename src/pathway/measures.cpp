#include "pathway/measures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace carevoice::pathway {
namespace {

CivilDate Ymd(int year, int month, int day) { return *CivilDate::FromYmd(year, month, day); }

CivilDate MonthOf(CivilDate date) { return Ymd(date.year(), date.month(), 1); }

CivilDate NextMonth(CivilDate month) {
    return month.month() == 12 ? Ymd(month.year() + 1, 1, 1) : Ymd(month.year(), month.month() + 1, 1);
}

bool Within(const std::optional<CivilDate>& date, const MeasureWindow& window) {
    return date && *date >= window.from && *date <= window.to;
}

std::optional<ClockKind> ClockOf(MeasureId measure) {
    switch (measure) {
        case MeasureId::kFds:
            return ClockKind::kFds;
        case MeasureId::k31:
            return ClockKind::k31;
        case MeasureId::k62:
            return ClockKind::k62;
        default:
            return std::nullopt;
    }
}

std::optional<double> Median(std::vector<std::int64_t> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    if (values.size() % 2 == 1) return static_cast<double>(values[mid]);
    return (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid])) / 2.0;
}

MeasureValue Share(std::int64_t numerator, std::int64_t denominator) {
    MeasureValue v{numerator, denominator, std::nullopt};
    if (denominator > 0) v.value = static_cast<double>(numerator) / static_cast<double>(denominator);
    return v;
}

// The clocks of a standard that stopped in the window with a result: met and all with a result.
void CountClocks(ClockKind kind, const PathwayFacts& f, const MeasureWindow& window, std::int64_t& met,
                 std::int64_t& all) {
    for (const auto& c : f.clocks) {
        if (c.kind != kind || !Within(c.stop, window)) continue;
        if (c.status == ClockStatus::kMet) ++met, ++all;
        if (c.status == ClockStatus::kBreached) ++all;
    }
}

}  // namespace

std::vector<TargetPeriod> DefaultTargets() {
    return {
        {ClockKind::kFds, Ymd(2000, 1, 1), 0.75},
        {ClockKind::kFds, Ymd(2026, 3, 1), 0.80},
        {ClockKind::k31, Ymd(2000, 1, 1), 0.96},
        {ClockKind::k62, Ymd(2000, 1, 1), 0.85},
    };
}

std::optional<double> TargetOn(const std::vector<TargetPeriod>& targets, ClockKind clock, CivilDate on) {
    const TargetPeriod* best = nullptr;
    for (const auto& t : targets) {
        if (t.clock == clock && t.from <= on && (!best || t.from >= best->from)) best = &t;
    }
    if (!best) return std::nullopt;
    return best->target;
}

PathwayFacts FactsOf(const Patient& patient, const PathwayRecord& record, const std::vector<Event>& events,
                     CivilDate as_of) {
    PathwayFacts f;
    f.kind = record.kind;
    f.area = patient.area_code.empty() ? "not_known" : patient.area_code;
    f.deprivation = patient.deprivation_quintile ? std::to_string(*patient.deprivation_quintile) : "not_known";
    f.age_band = AgeBand(AgeOn(patient.date_of_birth, record.referral_received_on.value_or(as_of)));
    f.sex = std::string(NameOf(kSexes, patient.sex));
    f.ethnic_group = std::string(NameOf(kEthnicGroups, patient.ethnic_group));
    f.tumour_group = record.tumour_group.empty() ? "not_recorded" : record.tumour_group;
    f.referral_received = record.referral_received_on;
    f.active = record.status == PathwayStatus::kActive;
    f.has_key_worker = record.key_worker.has_value();
    f.died_on = record.died_on;
    if (const Preference* wish = LatestPreference(record, PreferenceKind::kPlaceOfDeath)) {
        f.place_of_death_preference_recorded = wish->state == PreferenceState::kDecided;
    }
    f.died_in_preferred_place = DiedInPreferredPlace(record);
    const std::vector<Event> effective = EffectiveEvents(events);
    for (const auto& e : effective) {
        if (e.type == EventType::kReferralReceived && !f.referral_received) f.referral_received = e.date;
        if (e.type == EventType::kDiagnosisCommunicated && !f.diagnosis_communicated) f.diagnosis_communicated = e.date;
        if (e.type == EventType::kEmergencyAdmission && f.died_on && e.date <= *f.died_on &&
            DaysBetween(e.date, *f.died_on) <= 90) {
            ++f.emergency_admissions_last_90_days;
        }
    }
    f.clocks = ComputeClocks(effective, as_of).clocks;
    return f;
}

std::vector<PathwayFacts> FactsOfAll(const std::vector<Patient>& patients, const std::vector<PathwayRecord>& records,
                                     const std::vector<Event>& events, CivilDate as_of) {
    std::map<std::int64_t, const Patient*> by_id;
    for (const auto& p : patients) by_id[p.id] = &p;
    std::map<std::string, std::vector<Event>> by_ref;
    for (const auto& e : events) by_ref[e.pathway_id].push_back(e);
    std::vector<PathwayFacts> out;
    out.reserve(records.size());
    for (const auto& r : records) {
        auto patient = by_id.find(r.patient_id);
        if (patient == by_id.end()) continue;
        auto own = by_ref.find(r.ref);
        out.push_back(FactsOf(*patient->second, r, own == by_ref.end() ? std::vector<Event>{} : own->second, as_of));
    }
    return out;
}

MeasureForm FormOf(MeasureId measure) {
    return measure == MeasureId::kDaysToDiagnosis ? MeasureForm::kMedian : MeasureForm::kShare;
}

bool HigherIsBetter(MeasureId measure) {
    switch (measure) {
        case MeasureId::kWaitingOver62:
        case MeasureId::kWaitingOver104:
        case MeasureId::kDaysToDiagnosis:
        case MeasureId::kEmergencyAdmissionsLast90:
            return false;
        default:
            return true;
    }
}

std::string GroupOf(const PathwayFacts& facts, Dimension dimension) {
    switch (dimension) {
        case Dimension::kArea:
            return facts.area;
        case Dimension::kDeprivation:
            return facts.deprivation;
        case Dimension::kAgeBand:
            return facts.age_band;
        case Dimension::kSex:
            return facts.sex;
        case Dimension::kEthnicGroup:
            return facts.ethnic_group;
        case Dimension::kTumourGroup:
            return facts.tumour_group;
    }
    return {};
}

MeasureValue Compute(MeasureId measure, const std::vector<const PathwayFacts*>& facts, const MeasureWindow& window) {
    if (auto clock = ClockOf(measure)) {
        std::int64_t met = 0, all = 0;
        for (const auto* f : facts) CountClocks(*clock, *f, window, met, all);
        return Share(met, all);
    }
    std::int64_t numerator = 0, denominator = 0;
    std::vector<std::int64_t> days;
    for (const auto* f : facts) {
        const bool died = Within(f->died_on, window);
        switch (measure) {
            case MeasureId::kWaitingOver62:
            case MeasureId::kWaitingOver104: {
                const int over = measure == MeasureId::kWaitingOver62 ? 62 : 104;
                for (const auto& c : f->clocks) {
                    if (c.kind != ClockKind::k62 || c.status != ClockStatus::kOpen || !c.wait_days) continue;
                    ++denominator;
                    if (*c.wait_days > over) ++numerator;
                }
                break;
            }
            case MeasureId::kDaysToDiagnosis:
                if (f->referral_received && Within(f->diagnosis_communicated, window)) {
                    days.push_back(DaysBetween(*f->referral_received, *f->diagnosis_communicated));
                }
                break;
            case MeasureId::kPreferenceRecorded:
                if (died) ++denominator, numerator += f->place_of_death_preference_recorded ? 1 : 0;
                break;
            case MeasureId::kDiedInPreferredPlace:
                if (died && f->died_in_preferred_place) ++denominator, numerator += *f->died_in_preferred_place ? 1 : 0;
                break;
            case MeasureId::kEmergencyAdmissionsLast90:
                if (died) ++denominator, numerator += f->emergency_admissions_last_90_days > 0 ? 1 : 0;
                break;
            case MeasureId::kKeyWorker:
                if (f->active) ++denominator, numerator += f->has_key_worker ? 1 : 0;
                break;
            default:
                break;
        }
    }
    if (measure == MeasureId::kDaysToDiagnosis) {
        return {0, static_cast<std::int64_t>(days.size()), Median(std::move(days))};
    }
    return Share(numerator, denominator);
}

MeasureValue Compute(MeasureId measure, const std::vector<PathwayFacts>& facts, const MeasureWindow& window) {
    std::vector<const PathwayFacts*> all;
    all.reserve(facts.size());
    for (const auto& f : facts) all.push_back(&f);
    return Compute(measure, all, window);
}

std::map<std::string, MeasureValue> ComputeByGroup(MeasureId measure, Dimension dimension,
                                                   const std::vector<PathwayFacts>& facts,
                                                   const MeasureWindow& window) {
    std::map<std::string, std::vector<const PathwayFacts*>> groups;
    for (const auto& f : facts) groups[GroupOf(f, dimension)].push_back(&f);
    std::map<std::string, MeasureValue> out;
    for (const auto& [group, members] : groups) out[group] = Compute(measure, members, window);
    return out;
}

bool Suppressed(const MeasureValue& value, MeasureForm form, int threshold) {
    if (value.denominator < threshold) return true;
    return form == MeasureForm::kShare && value.numerator < threshold;
}

std::string FormatValue(const MeasureValue& value, MeasureForm form, int threshold) {
    if (value.denominator == 0) return "none";
    if (Suppressed(value, form, threshold)) return "fewer than " + std::to_string(threshold);
    char text[96];
    if (form == MeasureForm::kMedian) {
        std::snprintf(text, sizeof text, "%g days (median of %lld)", *value.value,
                      static_cast<long long>(value.denominator));
    } else {
        std::snprintf(text, sizeof text, "%.0f%% (%lld of %lld)", std::round(*value.value * 100.0),
                      static_cast<long long>(value.numerator), static_cast<long long>(value.denominator));
    }
    return text;
}

std::string SuppressionRule(int threshold) {
    const std::string n = std::to_string(threshold);
    return "Small numbers are not shown, so that nobody can be recognised: where fewer than " + n +
           " people are counted, or fewer than " + n + " of them had the outcome, the page says \"fewer than " + n +
           "\" and the share is withheld.";
}

std::optional<double> MonthlyPerformance::Share() const {
    if (met + breached == 0) return std::nullopt;
    return static_cast<double>(met) / static_cast<double>(met + breached);
}

std::vector<MonthlyPerformance> MonthlySeries(ClockKind clock, const std::vector<PathwayFacts>& facts,
                                              const std::vector<TargetPeriod>& targets, CivilDate from, CivilDate to) {
    std::vector<MonthlyPerformance> months;
    // Bounded: at most 600 months (50 years) whatever the dates.
    for (CivilDate m = MonthOf(from); m <= to && months.size() < 600; m = NextMonth(m)) {
        months.push_back({m, 0, 0, TargetOn(targets, clock, m)});
    }
    if (months.empty()) return months;
    for (const auto& f : facts) {
        for (const auto& c : f.clocks) {
            if (c.kind != clock || !c.stop || *c.stop < months.front().month || *c.stop > to) continue;
            const CivilDate m = MonthOf(*c.stop);
            auto it = std::find_if(months.begin(), months.end(), [&](const auto& x) { return x.month == m; });
            if (it == months.end()) continue;
            if (c.status == ClockStatus::kMet) ++it->met;
            if (c.status == ClockStatus::kBreached) ++it->breached;
        }
    }
    return months;
}

std::optional<ClockKind> MonthlyClockOf(MeasureId measure) { return ClockOf(measure); }

std::vector<MonthlyShare> ShowableMonths(const std::vector<MonthlyPerformance>& series, int threshold) {
    std::vector<MonthlyShare> out;
    for (const auto& m : series) {
        const MeasureValue value{m.met, m.met + m.breached, m.Share()};
        if (!value.value || Suppressed(value, MeasureForm::kShare, threshold)) continue;
        out.push_back({m.month, *value.value * 100});
    }
    return out;
}

}  // namespace carevoice::pathway
