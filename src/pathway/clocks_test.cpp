// Every worked example of shared/docs/pathway.md, every row of its allocation table, and the edge cases
// issue 9 names: events out of order, a clock stopped on its start day, a leap day, a transfer back to the
// first provider, a later event correcting an earlier one. Expected values are the document's, worked by
// hand; none is computed by the code under test.
#include "pathway/clocks.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace carevoice::pathway {
namespace {

CivilDate D(const char* iso) { return CivilDate::Parse(iso).value(); }

// Builds one pathway's events.
class Events {
  public:
    Events& Add(const char* date, EventType type, const char* provider = "RAA") {
        Event e;
        e.pathway_id = "P1";
        e.event_id = "E" + std::to_string(events_.size() + 1);
        e.date = D(date);
        e.type = type;
        e.provider = provider;
        events_.push_back(e);
        return *this;
    }
    Events& Referral(const char* date, Route route = Route::kUrgentSuspectedCancer, const char* provider = "RAA") {
        Add(date, EventType::kReferralReceived, provider);
        events_.back().route = route;
        return *this;
    }
    Events& Missed(const char* date, const char* rebooked) {
        Add(date, EventType::kAppointmentMissed);
        events_.back().until = D(rebooked);
        return *this;
    }
    Events& Diagnosis(const char* date, DiagnosisOutcome outcome = DiagnosisOutcome::kCancer) {
        Add(date, EventType::kDiagnosisCommunicated);
        events_.back().outcome = outcome;
        return *this;
    }
    Events& Declined(const char* date, const char* available, bool admitted, Modality m = Modality::kSurgery) {
        Add(date, EventType::kOfferDeclined);
        events_.back().until = D(available);
        events_.back().admitted = admitted;
        events_.back().modality = m;
        return *this;
    }
    Events& Treated(const char* date, Modality m = Modality::kSurgery, const char* provider = "RAA") {
        Add(date, EventType::kTreatmentStarted, provider);
        events_.back().modality = m;
        return *this;
    }
    Events& Transfer(const char* date, const char* from, const char* to) {
        Add(date, EventType::kTransferSent, from);
        events_.back().to_provider = to;
        return *this;
    }
    Events& Supersedes(const char* earlier) {
        events_.back().supersedes = earlier;
        return *this;
    }
    std::vector<Event> Get() const { return events_; }

  private:
    std::vector<Event> events_;
};

const CivilDate kAsOf = D("2025-12-31");

const Clock* Find(const PathwayClocks& p, ClockKind kind, int treatment = 0) {
    for (const auto& c : p.clocks) {
        if (c.kind == kind && c.treatment == treatment) return &c;
    }
    return nullptr;
}

TEST(ClocksTest, ExampleA_TreatedOnDay63Breaches62WithTargetDate9March) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Treated("2025-03-10").Get(), kAsOf);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->wait_days, 63);
    EXPECT_EQ(c->status, ClockStatus::kBreached);
    EXPECT_EQ(c->TargetDate(), D("2025-03-09"));
    EXPECT_EQ(c->adjustment_days, 0);
}

TEST(ClocksTest, ExampleB_FirstAppointmentDnaAdjustsFdsAnd62By9Days) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Missed("2025-01-13", "2025-01-15")
                               .Diagnosis("2025-02-10")
                               .Treated("2025-03-17")
                               .Get(),
                           kAsOf);
    const Clock* fds = Find(p, ClockKind::kFds);
    const Clock* c62 = Find(p, ClockKind::k62);
    ASSERT_TRUE(fds && c62);
    EXPECT_EQ(fds->adjustment_days, 9);
    EXPECT_EQ(fds->wait_days, 26);
    EXPECT_EQ(fds->status, ClockStatus::kMet);
    EXPECT_EQ(fds->stop, D("2025-02-10"));
    EXPECT_EQ(c62->adjustment_days, 9);
    EXPECT_EQ(c62->wait_days, 61);
    EXPECT_EQ(c62->status, ClockStatus::kMet);
}

TEST(ClocksTest, ExampleC_DeclinedAdmittedSurgeryAdjusts31By14Days) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Add("2025-03-03", EventType::kDecisionToTreat)
                               .Declined("2025-03-17", "2025-03-31", true)
                               .Treated("2025-04-07")
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k31, 1);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->start, D("2025-03-03"));
    EXPECT_EQ(c->adjustment_days, 14);
    EXPECT_EQ(c->wait_days, 21);
    EXPECT_EQ(c->status, ClockStatus::kMet);
}

TEST(ClocksTest, ExampleCPrime_DeclinedChemotherapyDayVisitAdjustsNothing) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Add("2025-03-03", EventType::kDecisionToTreat)
                               .Declined("2025-03-17", "2025-03-31", false, Modality::kChemotherapy)
                               .Treated("2025-04-07", Modality::kChemotherapy)
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k31, 1);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->adjustment_days, 0);
    EXPECT_EQ(c->wait_days, 35);
    EXPECT_EQ(c->status, ClockStatus::kBreached);
}

TEST(ClocksTest, ExampleD_ConsultantUpgradeStarts62AndNoFds) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-02-01", Route::kOther)
                               .Add("2025-02-25", EventType::kConsultantUpgrade)
                               .Treated("2025-04-20")
                               .Get(),
                           kAsOf);
    EXPECT_EQ(Find(p, ClockKind::kFds), nullptr);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->start, D("2025-02-25"));
    EXPECT_EQ(c->wait_days, 54);
    EXPECT_EQ(c->status, ClockStatus::kMet);
}

TEST(ClocksTest, ExampleF_SecondTreatment31RunsFromTheEcad) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Add("2025-03-20", EventType::kDecisionToTreat)
                               .Treated("2025-04-01")
                               .Add("2025-04-29", EventType::kEcad)
                               .Treated("2025-05-27", Modality::kRadiotherapy)
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k31, 2);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->start, D("2025-04-29"));
    EXPECT_EQ(c->wait_days, 28);
    EXPECT_EQ(c->status, ClockStatus::kMet);
}

// Transfers: referred to A on 6 January 2025 (day 0), treated at B.
struct TransferCase {
    const char* name;
    const char* sent;
    const char* treated;
    ClockStatus status;
    const char* allocation;
};

class TransferAllocationTest : public ::testing::TestWithParam<TransferCase> {};

TEST_P(TransferAllocationTest, AllocatesAsThePublishedTable) {
    const auto& tc = GetParam();
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06", Route::kUrgentSuspectedCancer, "AAA")
                               .Transfer(tc.sent, "AAA", "BBB")
                               .Treated(tc.treated, Modality::kSurgery, "BBB")
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, tc.status);
    ASSERT_TRUE(c->allocation);
    EXPECT_EQ(FormatAllocation(*c->allocation), tc.allocation);
}

INSTANTIATE_TEST_SUITE_P(
    WorkedExamples, TransferAllocationTest,
    ::testing::Values(TransferCase{"E1", "2025-02-05", "2025-02-25", ClockStatus::kMet, "AAA=0.5;BBB=0.5"},
                      TransferCase{"E2", "2025-01-26", "2025-02-25", ClockStatus::kMet, "AAA=0.5;BBB=0.5"},
                      TransferCase{"E3", "2025-02-15", "2025-03-07", ClockStatus::kMet, "BBB=1"},
                      TransferCase{"E4", "2025-02-05", "2025-03-13", ClockStatus::kBreached, "BBB=1"},
                      TransferCase{"E5", "2025-02-20", "2025-03-12", ClockStatus::kBreached, "AAA=1"},
                      TransferCase{"E6", "2025-02-20", "2025-03-22", ClockStatus::kBreached, "AAA=0.5;BBB=0.5"}),
    [](const ::testing::TestParamInfo<TransferCase>& tc) { return std::string(tc.param.name); });

TEST(ClocksTest, MetButNeitherLegInTimeIsADataQualityProblemNotAllocated) {
    // Handover on day 40 after a 9-day DNA adjustment would be in time; without it, met needs adjustments
    // that differ between the legs: a declined admitted offer before the handover adjusts only the 62.
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06", Route::kUrgentSuspectedCancer, "AAA")
                               .Declined("2025-01-20", "2025-02-19", true)        // 30 days, before the handover
                               .Transfer("2025-02-25", "AAA", "BBB")              // day 50: handover days 50
                               .Treated("2025-03-27", Modality::kSurgery, "BBB")  // day 80: treating 30
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->wait_days, 50);  // 80 − 30
    EXPECT_EQ(c->status, ClockStatus::kMet);
    ASSERT_TRUE(c->allocation);
    EXPECT_FALSE(c->allocation->allocated);
    EXPECT_EQ(FormatAllocation(*c->allocation), "unallocated");
    EXPECT_FALSE(p.problems.empty());
}

TEST(ClocksTest, FirstAppointmentDnaShortensTheHandoverLegOnly) {
    // Referral 6 Jan, DNA rebooked 26 Jan (adjustment 20); handover on day 55 counts 35 days (in time);
    // treated on day 79, 24 days after the handover (in time); the clock waits 79 − 20 = 59: met, shared.
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06", Route::kUrgentSuspectedCancer, "AAA")
                               .Missed("2025-01-08", "2025-01-26")                // adjustment 20 days
                               .Transfer("2025-03-02", "AAA", "BBB")              // day 55: handover days 35
                               .Treated("2025-03-26", Modality::kSurgery, "BBB")  // day 79: treating 24
                               .Get(),
                           kAsOf);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->adjustment_days, 20);
    EXPECT_EQ(c->wait_days, 59);
    EXPECT_EQ(c->status, ClockStatus::kMet);
    ASSERT_TRUE(c->allocation && c->allocation->allocated);
    EXPECT_EQ(FormatAllocation(*c->allocation), "AAA=0.5;BBB=0.5");
}

TEST(ClocksTest, OneProviderThroughoutTakesAll) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Treated("2025-03-10").Get(), kAsOf);
    EXPECT_EQ(FormatAllocation(*Find(p, ClockKind::k62)->allocation), "RAA=1");
}

TEST(ClocksTest, TransferBackToTheFirstProviderBeforeTreatmentLeavesItAll) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06", Route::kUrgentSuspectedCancer, "AAA")
                               .Transfer("2025-01-20", "AAA", "BBB")
                               .Transfer("2025-02-10", "BBB", "AAA")
                               .Treated("2025-03-20", Modality::kSurgery, "AAA")
                               .Get(),
                           kAsOf);
    const auto& a = *Find(p, ClockKind::k62)->allocation;
    EXPECT_EQ(FormatAllocation(a), "AAA=1");
    EXPECT_EQ(a.between, std::vector<std::string>{"BBB"});
}

TEST(ClocksTest, AChainOfThreeSharesBetweenReferringAndTreatingAndListsTheOneBetween) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06", Route::kUrgentSuspectedCancer, "AAA")
                               .Transfer("2025-01-20", "AAA", "MMM")
                               .Transfer("2025-02-05", "MMM", "BBB")  // day 30: the handover to the treating provider
                               .Treated("2025-02-25", Modality::kSurgery, "BBB")
                               .Get(),
                           kAsOf);
    const auto& a = *Find(p, ClockKind::k62)->allocation;
    EXPECT_EQ(FormatAllocation(a), "AAA=0.5;BBB=0.5");
    EXPECT_EQ(a.between, std::vector<std::string>{"MMM"});
    EXPECT_EQ(a.handover_days, 30);
    EXPECT_EQ(a.treating_days, 20);
}

TEST(ClocksTest, EventsOutOfOrderGiveTheSameClocks) {
    auto in_order = Events()
                        .Referral("2025-01-06")
                        .Missed("2025-01-13", "2025-01-15")
                        .Diagnosis("2025-02-10")
                        .Treated("2025-03-17")
                        .Get();
    auto shuffled = in_order;
    std::reverse(shuffled.begin(), shuffled.end());
    std::swap(shuffled[0], shuffled[2]);
    auto a = ComputeClocks(in_order, kAsOf);
    auto b = ComputeClocks(shuffled, kAsOf);
    ASSERT_EQ(a.clocks.size(), b.clocks.size());
    for (std::size_t i = 0; i < a.clocks.size(); ++i) {
        EXPECT_EQ(a.clocks[i].kind, b.clocks[i].kind);
        EXPECT_EQ(a.clocks[i].wait_days, b.clocks[i].wait_days);
        EXPECT_EQ(a.clocks[i].status, b.clocks[i].status);
    }
    EXPECT_EQ(Find(b, ClockKind::kFds)->wait_days, 26);
}

TEST(ClocksTest, AClockStoppedOnItsStartDayWaitsZeroDays) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Diagnosis("2025-01-06").Get(), kAsOf);
    const Clock* fds = Find(p, ClockKind::kFds);
    ASSERT_NE(fds, nullptr);
    EXPECT_EQ(fds->stop, D("2025-01-06"));
    EXPECT_EQ(fds->wait_days, 0);
    EXPECT_EQ(fds->status, ClockStatus::kMet);
}

TEST(ClocksTest, ALeapDayCountsAsADay) {
    // 1 February 2028 + 28 days = 29 February 2028; treated on 1 March is day 29 of FDS: breached.
    auto p = ComputeClocks(Events().Referral("2028-02-01").Diagnosis("2028-03-01").Get(), D("2028-12-31"));
    const Clock* fds = Find(p, ClockKind::kFds);
    ASSERT_NE(fds, nullptr);
    EXPECT_EQ(fds->TargetDate(), D("2028-02-29"));
    EXPECT_EQ(fds->wait_days, 29);
    EXPECT_EQ(fds->status, ClockStatus::kBreached);
}

TEST(ClocksTest, ALaterEventCorrectingAnEarlierOneReplacesIt) {
    // The treatment was first recorded on 10 March (day 63, breached); the correction says 7 March (day 60).
    auto events = Events().Referral("2025-01-06").Treated("2025-03-10").Treated("2025-03-07").Supersedes("E2").Get();
    auto p = ComputeClocks(events, kAsOf);
    const Clock* c = Find(p, ClockKind::k62);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->wait_days, 60);
    EXPECT_EQ(c->status, ClockStatus::kMet);
    EXPECT_EQ(Find(p, ClockKind::k31, 2), nullptr);  // the superseded treatment is not a second one
}

TEST(ClocksTest, RuledOutClosesThe62ButStopsAndReportsTheFds) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Diagnosis("2025-01-30", DiagnosisOutcome::kRuledOut).Get(),
                           kAsOf);
    EXPECT_EQ(Find(p, ClockKind::kFds)->status, ClockStatus::kMet);
    EXPECT_EQ(Find(p, ClockKind::kFds)->wait_days, 24);
    EXPECT_EQ(Find(p, ClockKind::k62)->status, ClockStatus::kClosed);
    EXPECT_FALSE(Find(p, ClockKind::k62)->wait_days);
}

TEST(ClocksTest, DeathBeforeAStopClosesTheOpenClocks) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Add("2025-01-20", EventType::kDeath).Get(), kAsOf);
    EXPECT_EQ(Find(p, ClockKind::kFds)->status, ClockStatus::kClosed);
    EXPECT_EQ(Find(p, ClockKind::k62)->status, ClockStatus::kClosed);
}

TEST(ClocksTest, OpenClocksCountDaysToBreachFromTheAsOfDate) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Missed("2025-01-13", "2025-01-15").Get(), D("2025-02-01"));
    const Clock* fds = Find(p, ClockKind::kFds);
    const Clock* c62 = Find(p, ClockKind::k62);
    // FDS target date 6 Jan + 28 + 9 = 12 Feb: 11 days from 1 Feb. 62: 6 Jan + 71 = 18 Mar: 45 days.
    EXPECT_EQ(fds->status, ClockStatus::kOpen);
    EXPECT_EQ(fds->days_to_breach, 11);
    EXPECT_EQ(fds->wait_days, 17);
    EXPECT_EQ(c62->days_to_breach, 45);
    EXPECT_FALSE(c62->stop);
}

TEST(ClocksTest, UpgradeOfAnUrgentReferralIsListedAndIgnored) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Add("2025-02-01", EventType::kConsultantUpgrade)
                               .Add("2025-02-20", EventType::kDecisionToTreat)
                               .Treated("2025-03-10")
                               .Get(),
                           kAsOf);
    EXPECT_EQ(Find(p, ClockKind::k62)->start, D("2025-01-06"));
    EXPECT_EQ(Find(p, ClockKind::k62)->wait_days, 63);
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_EQ(p.problems[0].event_id, "E2");
    EXPECT_NE(p.problems[0].problem.find("cannot be upgraded"), std::string::npos);
}

TEST(ClocksTest, DnaAfterTheUpgradeDoesNotAdjustAnUpgradeStartedClock) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-02-01", Route::kOther)
                               .Add("2025-02-25", EventType::kConsultantUpgrade)
                               .Missed("2025-03-01", "2025-03-10")
                               .Treated("2025-04-20")
                               .Get(),
                           kAsOf);
    EXPECT_EQ(Find(p, ClockKind::k62)->adjustment_days, 0);
    EXPECT_EQ(Find(p, ClockKind::k62)->wait_days, 54);
}

TEST(ClocksTest, TreatmentWithoutDecisionToTreatHasNo31AndIsListed) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Treated("2025-03-10").Get(), kAsOf);
    EXPECT_EQ(Find(p, ClockKind::k31, 1), nullptr);
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_NE(p.problems[0].problem.find("no decision to treat"), std::string::npos);
}

TEST(ClocksTest, TheFirstDecisionToTreatAndTheLatestEcadCount) {
    auto p = ComputeClocks(Events()
                               .Referral("2025-01-06")
                               .Add("2025-02-03", EventType::kDecisionToTreat)
                               .Add("2025-02-10", EventType::kDecisionToTreat)
                               .Treated("2025-03-01")
                               .Add("2025-03-10", EventType::kEcad)
                               .Add("2025-03-20", EventType::kEcad)
                               .Treated("2025-04-10", Modality::kRadiotherapy)
                               .Get(),
                           kAsOf);
    EXPECT_EQ(Find(p, ClockKind::k31, 1)->start, D("2025-02-03"));
    EXPECT_EQ(Find(p, ClockKind::k31, 1)->wait_days, 26);
    EXPECT_EQ(Find(p, ClockKind::k31, 2)->start, D("2025-03-20"));
    EXPECT_EQ(Find(p, ClockKind::k31, 2)->wait_days, 21);
}

TEST(ClocksTest, ADecisionToTreatWithoutTreatmentIsAnOpen31) {
    auto p = ComputeClocks(Events().Referral("2025-01-06").Add("2025-03-03", EventType::kDecisionToTreat).Get(),
                           D("2025-03-10"));
    const Clock* c = Find(p, ClockKind::k31, 1);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, ClockStatus::kOpen);
    EXPECT_EQ(c->days_to_breach, 24);
}

}  // namespace
}  // namespace carevoice::pathway
