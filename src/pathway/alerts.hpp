// "Lost in the system" alerts: the signs that a patient on an open pathway may have been forgotten. Each
// rule is a pure function of the pathway record, its effective events, its next action and the as-of date;
// each alert says why (with the dates) and what to do. Days are counted as the clocks count them: calendar
// days, the referral day being day 0. A rule of N days fires on day N (not N − 1).
//
// Contact with the patient means an event the patient took part in: key_worker_contact, first_seen,
// diagnosis_communicated, decision_to_treat, offer_declined or treatment_started. A missed appointment,
// an MDT discussion or a transfer is not contact.
//
// An acknowledgement (with a note) silences one rule on one pathway until its cause changes: an alert
// carries `cause_on`, the latest date among the facts it rests on and the pathway's latest event; an
// acknowledgement made on or after that day holds, one made before it does not.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"
#include "pathway/events.hpp"
#include "pathway/record.hpp"

namespace carevoice::pathway {

enum class AlertRule {
    kNoKeyWorker,
    kNoNextAction,
    kNextActionOverdue,
    kNoContact,
    kTransferNotAccepted,
    kNoDecisionToTreat,
    kEmergencyAdmissionNoContact,
};
inline constexpr std::array<EnumName<AlertRule>, 7> kAlertRules = {{
    {AlertRule::kNoKeyWorker, "no_key_worker", "No key worker"},
    {AlertRule::kNoNextAction, "no_next_action", "No next action"},
    {AlertRule::kNextActionOverdue, "next_action_overdue", "Next action overdue"},
    {AlertRule::kNoContact, "no_contact", "No contact"},
    {AlertRule::kTransferNotAccepted, "transfer_not_accepted", "Transfer not accepted"},
    {AlertRule::kNoDecisionToTreat, "no_decision_to_treat", "No decision to treat"},
    {AlertRule::kEmergencyAdmissionNoContact, "emergency_admission_no_contact",
     "Emergency admission without key-worker contact"},
}};

// The configurable days of the rules, with their defaults. Kept in the `settings` table, one row per field,
// under the names of kAlertSettingNames; admins edit them on /pathway/alerts/settings.
struct AlertSettings {
    int no_key_worker_days = 7;          // from the referral
    int no_contact_days = 28;            // since the last contact (or the referral)
    int transfer_not_accepted_days = 5;  // since the transfer was sent
    int no_decision_to_treat_days = 14;  // since a cancer diagnosis was communicated (cancer pathways)
    int emergency_contact_days = 1;      // since an emergency admission with no key-worker contact
};
inline constexpr int kMinAlertDays = 1;
inline constexpr int kMaxAlertDays = 365;

struct AlertSettingField {
    std::string_view name;   // the settings row and the form field
    std::string_view label;  // what admins read
    int AlertSettings::*days;
};
inline constexpr std::array<AlertSettingField, 5> kAlertSettingFields = {{
    {"pathway.alert.no_key_worker_days", "Days from referral without a key worker", &AlertSettings::no_key_worker_days},
    {"pathway.alert.no_contact_days", "Days without contact with the patient", &AlertSettings::no_contact_days},
    {"pathway.alert.transfer_not_accepted_days", "Days a transfer may wait to be accepted",
     &AlertSettings::transfer_not_accepted_days},
    {"pathway.alert.no_decision_to_treat_days", "Days from a cancer diagnosis without a decision to treat",
     &AlertSettings::no_decision_to_treat_days},
    {"pathway.alert.emergency_contact_days", "Days after an emergency admission without key-worker contact",
     &AlertSettings::emergency_contact_days},
}};

// Sets one field from text ("14"): a whole number of days from kMinAlertDays to kMaxAlertDays, or a
// problem naming the field. Unknown names are a problem too.
Status SetAlertSetting(AlertSettings& settings, std::string_view name, std::string_view value);

// The earliest open action of the pathway, as the rules need it.
struct NextAction {
    std::string description;
    std::string owner;
    CivilDate due_on;
};

// What a rule found: the facts, from which the words are made when someone reads them (an alert of every
// pathway is computed whenever the events change; few are ever shown).
struct Alert {
    AlertRule rule = AlertRule::kNoKeyWorker;
    CivilDate cause_on;     // see the file comment: an acknowledgement on or after this day holds
    CivilDate since;        // the day the rule counts from: referral, last contact, transfer, diagnosis, admission, due
    std::int64_t days = 0;  // from `since` to the as-of date
    bool ever = true;       // no_contact: false when there was never contact (counted from the referral)
    std::string subject;    // transfer_not_accepted: the receiving provider; next_action_overdue: the action
    std::string owner;      // next_action_overdue: who owns the action

    // "No key worker has been named in the 9 days since the referral on 6 January 2025."
    std::string Why() const;
    // "Name a key worker on the pathway page."
    std::string WhatToDo() const;
};

struct AlertInput {
    const PathwayRecord* record = nullptr;
    std::span<const Event> events;  // the pathway's effective events, in applied order (EffectiveEvents)
    std::optional<NextAction> next_action;
};

// Every rule that fires for the pathway on `as_of`, in the order of AlertRule. None for a pathway that is
// not active.
std::vector<Alert> ComputeAlerts(const AlertInput& input, CivilDate as_of, const AlertSettings& settings);

// Does an acknowledgement made on `acknowledged_on` still hold for this alert?
bool AcknowledgementHolds(const Alert& alert, CivilDate acknowledged_on);

}  // namespace carevoice::pathway
