// The measures against figures worked out by hand.
#include "pathway/measures.hpp"

#include <gtest/gtest.h>

namespace carevoice::pathway {
namespace {

CivilDate D(const char* iso) { return *CivilDate::Parse(iso); }

Clock Stopped(ClockKind kind, const char* stop, ClockStatus status) {
    Clock c;
    c.kind = kind;
    c.stop = D(stop);
    c.status = status;
    return c;
}

Clock Waiting(int days) {
    Clock c;
    c.kind = ClockKind::k62;
    c.status = ClockStatus::kOpen;
    c.wait_days = days;
    return c;
}

PathwayFacts InArea(const char* area) {
    PathwayFacts f;
    f.area = area;
    return f;
}

const MeasureWindow kYear{D("2025-04-01"), D("2026-03-31")};

TEST(PathwayMeasures, TargetsChangeByPeriod) {
    const auto targets = DefaultTargets();
    EXPECT_DOUBLE_EQ(*TargetOn(targets, ClockKind::kFds, D("2026-02-28")), 0.75);
    EXPECT_DOUBLE_EQ(*TargetOn(targets, ClockKind::kFds, D("2026-03-01")), 0.80);
    EXPECT_DOUBLE_EQ(*TargetOn(targets, ClockKind::k31, D("2025-06-01")), 0.96);
    EXPECT_DOUBLE_EQ(*TargetOn(targets, ClockKind::k62, D("2026-06-01")), 0.85);
    EXPECT_FALSE(TargetOn({}, ClockKind::k62, D("2026-06-01")));
}

TEST(PathwayMeasures, PerformanceIsMetOverMetAndBreachedByTheMonthTheClockStopped) {
    // Area A: 3 FDS met, 1 breached in the window, 1 met before it, 1 closed (no result): 3 of 4.
    PathwayFacts a = InArea("A");
    a.clocks = {Stopped(ClockKind::kFds, "2025-05-02", ClockStatus::kMet),
                Stopped(ClockKind::kFds, "2025-05-20", ClockStatus::kMet),
                Stopped(ClockKind::kFds, "2025-06-01", ClockStatus::kMet),
                Stopped(ClockKind::kFds, "2025-06-09", ClockStatus::kBreached),
                Stopped(ClockKind::kFds, "2025-03-31", ClockStatus::kMet),
                Stopped(ClockKind::kFds, "2025-06-10", ClockStatus::kClosed)};
    const MeasureValue v = Compute(MeasureId::kFds, std::vector<PathwayFacts>{a}, kYear);
    EXPECT_EQ(v.numerator, 3);
    EXPECT_EQ(v.denominator, 4);
    EXPECT_DOUBLE_EQ(*v.value, 0.75);

    const auto months = MonthlySeries(ClockKind::kFds, {a}, DefaultTargets(), D("2025-04-15"), D("2025-06-30"));
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(months[0].month, D("2025-04-01"));
    EXPECT_EQ(months[0].met + months[0].breached, 0);
    EXPECT_FALSE(months[0].Share());
    EXPECT_EQ(months[1].met, 2);
    EXPECT_EQ(months[2].met, 1);
    EXPECT_EQ(months[2].breached, 1);
    EXPECT_DOUBLE_EQ(*months[2].Share(), 0.5);
    EXPECT_DOUBLE_EQ(*months[2].target, 0.75);
}

TEST(PathwayMeasures, WaitsOver62And104CountOpenClocksOnly) {
    PathwayFacts f = InArea("A");
    f.clocks = {Waiting(10), Waiting(63), Waiting(104), Waiting(105),
                Stopped(ClockKind::k62, "2025-06-01", ClockStatus::kBreached)};
    const MeasureValue over62 = Compute(MeasureId::kWaitingOver62, std::vector<PathwayFacts>{f}, kYear);
    EXPECT_EQ(over62.numerator, 3);
    EXPECT_EQ(over62.denominator, 4);
    const MeasureValue over104 = Compute(MeasureId::kWaitingOver104, std::vector<PathwayFacts>{f}, kYear);
    EXPECT_EQ(over104.numerator, 1);
    EXPECT_EQ(over104.denominator, 4);
}

TEST(PathwayMeasures, DaysToDiagnosisIsTheMedian) {
    std::vector<PathwayFacts> all;
    for (int days : {10, 30, 20, 40}) {
        PathwayFacts f = InArea("A");
        f.referral_received = D("2025-05-01");
        f.diagnosis_communicated = D("2025-05-01").AddDays(days);
        all.push_back(f);
    }
    const MeasureValue v = Compute(MeasureId::kDaysToDiagnosis, all, kYear);
    EXPECT_EQ(v.denominator, 4);
    EXPECT_DOUBLE_EQ(*v.value, 25.0);  // (20 + 30) / 2
}

TEST(PathwayMeasures, DeathsInThePreferredPlaceAreOfDeathsWithARecordedPreference) {
    std::vector<PathwayFacts> all;
    auto death = [&](bool recorded, std::optional<bool> in_place, int admissions) {
        PathwayFacts f = InArea("A");
        f.died_on = D("2025-09-01");
        f.place_of_death_preference_recorded = recorded;
        f.died_in_preferred_place = in_place;
        f.emergency_admissions_last_90_days = admissions;
        all.push_back(f);
    };
    death(true, true, 0);
    death(true, true, 2);
    death(true, false, 1);
    death(false, std::nullopt, 1);
    death(false, std::nullopt, 0);
    const MeasureValue recorded = Compute(MeasureId::kPreferenceRecorded, all, kYear);
    EXPECT_EQ(recorded.numerator, 3);
    EXPECT_EQ(recorded.denominator, 5);
    const MeasureValue place = Compute(MeasureId::kDiedInPreferredPlace, all, kYear);
    EXPECT_EQ(place.numerator, 2);
    EXPECT_EQ(place.denominator, 3);
    const MeasureValue admitted = Compute(MeasureId::kEmergencyAdmissionsLast90, all, kYear);
    EXPECT_EQ(admitted.numerator, 3);
    EXPECT_EQ(admitted.denominator, 5);
}

TEST(PathwayMeasures, KeyWorkerShareIsOfActivePathwaysByGroup) {
    std::vector<PathwayFacts> all;
    for (int i = 0; i < 10; ++i) {
        PathwayFacts f = InArea(i < 6 ? "05W" : "04Y");
        f.active = i != 9;
        f.has_key_worker = i % 2 == 0;
        all.push_back(f);
    }
    const auto by_area = ComputeByGroup(MeasureId::kKeyWorker, Dimension::kArea, all, kYear);
    ASSERT_EQ(by_area.size(), 2u);
    EXPECT_EQ(by_area.at("05W").numerator, 3);  // 0, 2, 4 of 0-5
    EXPECT_EQ(by_area.at("05W").denominator, 6);
    EXPECT_EQ(by_area.at("04Y").numerator, 2);  // 6, 8 of 6-8 (9 is not active)
    EXPECT_EQ(by_area.at("04Y").denominator, 3);
}

TEST(PathwayMeasures, SmallCountsAreSuppressedAndTheShareWithheld) {
    EXPECT_EQ(FormatValue({41, 50, 0.82}, MeasureForm::kShare, 8), "82% (41 of 50)");
    EXPECT_EQ(FormatValue({7, 50, 0.14}, MeasureForm::kShare, 8), "fewer than 8");
    EXPECT_EQ(FormatValue({7, 7, 1.0}, MeasureForm::kShare, 8), "fewer than 8");
    EXPECT_EQ(FormatValue({8, 8, 1.0}, MeasureForm::kShare, 8), "100% (8 of 8)");
    EXPECT_EQ(FormatValue({0, 0, std::nullopt}, MeasureForm::kShare, 8), "none");
    EXPECT_EQ(FormatValue({0, 12, 23.5}, MeasureForm::kMedian, 8), "23.5 days (median of 12)");
    EXPECT_EQ(FormatValue({0, 5, 23.5}, MeasureForm::kMedian, 8), "fewer than 8");
    // The threshold is configuration.
    EXPECT_EQ(FormatValue({7, 50, 0.14}, MeasureForm::kShare, 5), "14% (7 of 50)");
    EXPECT_TRUE(Suppressed({10, 20, 0.5}, MeasureForm::kShare, 21));
    EXPECT_NE(SuppressionRule(8).find("fewer than 8"), std::string::npos);
}

// A chart fed from the pathway shows a month only when both its met and its counted clocks reach the
// threshold: 9 of 10 met (90%) is shown; 7 of 10 (met below 8) and 5 of 5 are not; an empty month is not.
TEST(PathwayMeasures, AChartFedFromThePathwayShowsOnlyMonthsAboveTheThreshold) {
    const std::vector<MonthlyPerformance> series = {{D("2025-04-01"), 9, 1, 0.75},
                                                    {D("2025-05-01"), 7, 3, 0.75},
                                                    {D("2025-06-01"), 5, 0, 0.75},
                                                    {D("2025-07-01"), 0, 0, 0.75},
                                                    {D("2025-08-01"), 16, 4, 0.75}};
    const auto shown = ShowableMonths(series, 8);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].month, D("2025-04-01"));
    EXPECT_DOUBLE_EQ(shown[0].percent, 90);
    EXPECT_EQ(shown[1].month, D("2025-08-01"));
    EXPECT_DOUBLE_EQ(shown[1].percent, 80);
    EXPECT_EQ(ShowableMonths(series, 1).size(), 4u);  // a lower threshold shows all but the empty month
    EXPECT_EQ(MonthlyClockOf(MeasureId::k62), ClockKind::k62);
    EXPECT_FALSE(MonthlyClockOf(MeasureId::kKeyWorker).has_value());
}

TEST(PathwayMeasures, FactsComeFromThePatientTheRecordAndTheEvents) {
    Patient p;
    p.id = 1;
    p.date_of_birth = D("1950-06-01");
    p.sex = Sex::kFemale;
    p.area_code = "05G";
    p.deprivation_quintile = 2;
    p.ethnic_group = EthnicGroup::kWhite;
    PathwayRecord r;
    r.ref = "P1";
    r.patient_id = 1;
    r.tumour_group = "lung";
    r.referral_received_on = D("2025-01-06");
    r.status = PathwayStatus::kDied;
    r.died_on = D("2025-06-01");
    r.place_of_death = Place::kHome;
    r.preferences.push_back({PreferenceKind::kPlaceOfDeath, PreferenceState::kDecided, "home", "", {}, "kim", 1});
    auto event = [](const char* date, EventType type) {
        Event e;
        e.pathway_id = "P1";
        e.event_id = std::string(date) + std::to_string(static_cast<int>(type));
        e.date = D(date);
        e.type = type;
        e.provider = "RJE";
        if (type == EventType::kReferralReceived) e.route = Route::kUrgentSuspectedCancer;
        if (type == EventType::kTreatmentStarted) e.modality = Modality::kSurgery, e.admitted = true;
        return e;
    };
    // Worked example A: treated 10 March, 62-day wait 63, breached. Admissions 1 Feb (more than 90 days before
    // death: not counted) and 1 May (counted).
    const std::vector<Event> events = {
        event("2025-01-06", EventType::kReferralReceived), event("2025-03-10", EventType::kTreatmentStarted),
        event("2025-02-01", EventType::kEmergencyAdmission), event("2025-05-01", EventType::kEmergencyAdmission)};
    const auto all = FactsOfAll({p}, {r}, events, D("2025-07-01"));
    ASSERT_EQ(all.size(), 1u);
    const PathwayFacts& f = all[0];
    EXPECT_EQ(f.age_band, "70-79");
    EXPECT_EQ(GroupOf(f, Dimension::kDeprivation), "2");
    EXPECT_EQ(GroupOf(f, Dimension::kSex), "female");
    EXPECT_EQ(GroupOf(f, Dimension::kTumourGroup), "lung");
    EXPECT_EQ(f.emergency_admissions_last_90_days, 1);
    EXPECT_TRUE(f.place_of_death_preference_recorded);
    EXPECT_EQ(f.died_in_preferred_place, true);
    const MeasureValue v62 = Compute(MeasureId::k62, all, {D("2025-01-01"), D("2025-12-31")});
    EXPECT_EQ(v62.numerator, 0);
    EXPECT_EQ(v62.denominator, 1);
}

}  // namespace
}  // namespace carevoice::pathway
