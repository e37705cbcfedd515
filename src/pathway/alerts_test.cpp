// Every alert rule: a case that fires, one that does not, the boundary day (a rule of N days fires on day N,
// not on day N − 1), and acknowledgement (holds until the cause changes). Dates worked by hand.
#include "pathway/alerts.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace carevoice::pathway {
namespace {

CivilDate D(const char* iso) { return CivilDate::Parse(iso).value(); }

class AlertsTest : public ::testing::Test {
  protected:
    AlertsTest() {
        record.ref = "P1";
        record.kind = PathwayKind::kCancer;
        record.route = Route::kUrgentSuspectedCancer;
        record.referral_received_on = D("2025-01-06");
        record.prime_provider = "RAA";
        record.key_worker = KeyWorker{"Sam Lee", "CNS", "0100", std::nullopt, 0, "admin"};
        // A contact and a next action due in the future, so that only the rule under test fires.
        next = NextAction{"Book CT", "Sam Lee", D("2025-12-31")};
    }
    Event& Add(const char* date, EventType type, const char* provider = "RAA") {
        Event e;
        e.pathway_id = "P1";
        e.event_id = "E" + std::to_string(events.size() + 1);
        e.date = D(date);
        e.type = type;
        e.provider = provider;
        events.push_back(e);
        return events.back();
    }
    std::vector<Alert> Run(const char* as_of) {
        const auto effective = EffectiveEvents(events);
        AlertInput in{&record, effective, next};
        return ComputeAlerts(in, D(as_of), settings);
    }
    std::optional<Alert> Find(const char* as_of, AlertRule rule) {
        for (const Alert& a : Run(as_of)) {
            if (a.rule == rule) return a;
        }
        return std::nullopt;
    }

    PathwayRecord record;
    std::vector<Event> events;
    std::optional<NextAction> next;
    AlertSettings settings;
};

TEST_F(AlertsTest, NoKeyWorkerFiresOnDaySevenFromReferral) {
    record.key_worker.reset();
    Add("2025-01-06", EventType::kReferralReceived).route = Route::kUrgentSuspectedCancer;
    EXPECT_FALSE(Find("2025-01-12", AlertRule::kNoKeyWorker));  // day 6
    auto a = Find("2025-01-13", AlertRule::kNoKeyWorker);       // day 7
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "No key worker has been named in the 7 days since the referral on 6 January 2025.");
    EXPECT_EQ(a->WhatToDo(), "Name a key worker on the pathway page.");
    settings.no_key_worker_days = 10;
    EXPECT_FALSE(Find("2025-01-13", AlertRule::kNoKeyWorker));
}

TEST_F(AlertsTest, NoKeyWorkerDoesNotFireWhenOneIsNamed) { EXPECT_FALSE(Find("2025-03-01", AlertRule::kNoKeyWorker)); }

TEST_F(AlertsTest, NoNextActionFiresWithoutAnOpenAction) {
    EXPECT_FALSE(Find("2025-01-07", AlertRule::kNoNextAction));
    next.reset();
    auto a = Find("2025-01-07", AlertRule::kNoNextAction);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "The pathway has no open next action.");
    EXPECT_FALSE(Find("2025-01-07", AlertRule::kNextActionOverdue));
}

TEST_F(AlertsTest, NextActionOverdueFiresTheDayAfterItWasDue) {
    next = NextAction{"Book CT", "Sam Lee", D("2025-02-03")};
    EXPECT_FALSE(Find("2025-02-03", AlertRule::kNextActionOverdue));  // due today: not overdue
    auto a = Find("2025-02-04", AlertRule::kNextActionOverdue);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "The next action \"Book CT\" (Sam Lee) was due on 3 February 2025, 1 day ago.");
    EXPECT_EQ(a->cause_on, D("2025-02-03"));
}

TEST_F(AlertsTest, NoContactCountsFromTheLastContactOrTheReferral) {
    EXPECT_FALSE(Find("2025-02-02", AlertRule::kNoContact));  // day 27 from the referral
    auto a = Find("2025-02-03", AlertRule::kNoContact);       // day 28
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "No contact with the patient in the 28 days since the referral on 6 January 2025.");

    Add("2025-01-20", EventType::kFirstSeen);
    Add("2025-02-01", EventType::kMdtDiscussion);             // not contact
    EXPECT_FALSE(Find("2025-02-16", AlertRule::kNoContact));  // day 27 from first seen
    a = Find("2025-02-17", AlertRule::kNoContact);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "No contact with the patient for 28 days, since 20 January 2025.");
    Add("2025-02-10", EventType::kKeyWorkerContact);
    EXPECT_FALSE(Find("2025-02-17", AlertRule::kNoContact));
}

TEST_F(AlertsTest, TransferNotAcceptedFiresOnDayFive) {
    Add("2025-01-06", EventType::kReferralReceived).route = Route::kUrgentSuspectedCancer;
    Add("2025-01-20", EventType::kTransferSent).to_provider = "RBB";
    EXPECT_FALSE(Find("2025-01-24", AlertRule::kTransferNotAccepted));  // day 4
    auto a = Find("2025-01-25", AlertRule::kTransferNotAccepted);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(), "The transfer to RBB sent on 20 January 2025 has not been accepted after 5 days.");
    EXPECT_EQ(a->WhatToDo(), "Call RBB to confirm they have the referral, then record transfer_accepted.");
    Add("2025-01-22", EventType::kTransferAccepted, "RBB");
    EXPECT_FALSE(Find("2025-01-25", AlertRule::kTransferNotAccepted));
}

TEST_F(AlertsTest, AcceptanceByAnotherProviderDoesNotClearATransfer) {
    Add("2025-01-20", EventType::kTransferSent).to_provider = "RBB";
    Add("2025-01-21", EventType::kTransferAccepted, "RCC");
    EXPECT_TRUE(Find("2025-01-25", AlertRule::kTransferNotAccepted));
}

TEST_F(AlertsTest, NoDecisionToTreatFiresOnDayFourteenForCancerOnly) {
    Add("2025-02-10", EventType::kDiagnosisCommunicated).outcome = DiagnosisOutcome::kCancer;
    EXPECT_FALSE(Find("2025-02-23", AlertRule::kNoDecisionToTreat));  // day 13
    auto a = Find("2025-02-24", AlertRule::kNoDecisionToTreat);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(),
              "Cancer was diagnosed and communicated on 10 February 2025 and no decision to treat is recorded "
              "after 14 days.");
    record.kind = PathwayKind::kEndOfLife;
    EXPECT_FALSE(Find("2025-02-24", AlertRule::kNoDecisionToTreat));
    record.kind = PathwayKind::kCancer;
    Add("2025-02-20", EventType::kDecisionToTreat);
    EXPECT_FALSE(Find("2025-02-24", AlertRule::kNoDecisionToTreat));
}

TEST_F(AlertsTest, RuledOutIsNotADiagnosisWaitingForTreatment) {
    Add("2025-02-10", EventType::kDiagnosisCommunicated).outcome = DiagnosisOutcome::kRuledOut;
    EXPECT_FALSE(Find("2025-03-30", AlertRule::kNoDecisionToTreat));
}

TEST_F(AlertsTest, EmergencyAdmissionWithoutKeyWorkerContactSince) {
    Add("2025-01-10", EventType::kKeyWorkerContact);  // before: does not count
    Add("2025-02-01", EventType::kEmergencyAdmission);
    EXPECT_FALSE(Find("2025-02-01", AlertRule::kEmergencyAdmissionNoContact));  // day 0
    auto a = Find("2025-02-02", AlertRule::kEmergencyAdmissionNoContact);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->Why(),
              "The patient was admitted as an emergency on 1 February 2025 and the key worker has not been in "
              "contact since (1 day).");
    Add("2025-02-01", EventType::kKeyWorkerContact);  // same day counts
    EXPECT_FALSE(Find("2025-02-05", AlertRule::kEmergencyAdmissionNoContact));
}

TEST_F(AlertsTest, ClosedPathwaysHaveNoAlerts) {
    record.key_worker.reset();
    next.reset();
    EXPECT_FALSE(Run("2025-06-01").empty());
    record.status = PathwayStatus::kDischarged;
    EXPECT_TRUE(Run("2025-06-01").empty());
    record.status = PathwayStatus::kDied;
    EXPECT_TRUE(Run("2025-06-01").empty());
}

TEST_F(AlertsTest, SupersededEventsDoNotCount) {
    Add("2025-02-01", EventType::kEmergencyAdmission);
    Event& fix = Add("2025-02-01", EventType::kDischarge);
    fix.supersedes = "E1";
    EXPECT_FALSE(Find("2025-02-05", AlertRule::kEmergencyAdmissionNoContact));
}

TEST_F(AlertsTest, AcknowledgementHoldsUntilANewerEvent) {
    Add("2025-01-20", EventType::kTransferSent).to_provider = "RBB";
    auto a = Find("2025-01-27", AlertRule::kTransferNotAccepted);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->cause_on, D("2025-01-20"));
    EXPECT_FALSE(AcknowledgementHolds(*a, D("2025-01-19")));
    EXPECT_TRUE(AcknowledgementHolds(*a, D("2025-01-20")));
    EXPECT_TRUE(AcknowledgementHolds(*a, D("2025-01-27")));
    // Something new happens on the pathway: the alert is raised again.
    Add("2025-01-28", EventType::kMdtDiscussion);
    a = Find("2025-01-29", AlertRule::kTransferNotAccepted);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->cause_on, D("2025-01-28"));
    EXPECT_FALSE(AcknowledgementHolds(*a, D("2025-01-27")));
}

TEST(AlertSettingsTest, ReadsDaysAndNamesTheBadField) {
    AlertSettings s;
    EXPECT_EQ(s.no_key_worker_days, 7);
    EXPECT_EQ(s.no_contact_days, 28);
    EXPECT_EQ(s.transfer_not_accepted_days, 5);
    EXPECT_EQ(s.no_decision_to_treat_days, 14);
    ASSERT_TRUE(SetAlertSetting(s, "pathway.alert.no_contact_days", "21").ok());
    EXPECT_EQ(s.no_contact_days, 21);
    for (const char* bad : {"", "0", "366", "7 days", "-3", "1e2"}) {
        Status st = SetAlertSetting(s, "pathway.alert.no_contact_days", bad);
        ASSERT_FALSE(st.ok()) << bad;
        ASSERT_EQ(st.details().size(), 1u);
        EXPECT_EQ(st.details()[0].field, "pathway.alert.no_contact_days");
        EXPECT_EQ(st.details()[0].problem, "must be a whole number of days from 1 to 365");
    }
    EXPECT_EQ(s.no_contact_days, 21);
    Status unknown = SetAlertSetting(s, "pathway.alert.nope", "3");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.details()[0].problem, "is not an alert setting");
}

}  // namespace
}  // namespace carevoice::pathway
