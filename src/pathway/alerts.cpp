#include "pathway/alerts.hpp"

#include <algorithm>
#include <charconv>

namespace carevoice::pathway {
namespace {

bool IsContact(EventType type) {
    switch (type) {
        case EventType::kKeyWorkerContact:
        case EventType::kFirstSeen:
        case EventType::kDiagnosisCommunicated:
        case EventType::kDecisionToTreat:
        case EventType::kOfferDeclined:
        case EventType::kTreatmentStarted:
            return true;
        default:
            return false;
    }
}

std::string Days(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// The referral: the record's date, else the first referral_received event, else none.
std::optional<CivilDate> ReferralDate(const AlertInput& in) {
    if (in.record->referral_received_on) return in.record->referral_received_on;
    for (const Event& e : in.events) {
        if (e.type == EventType::kReferralReceived) return e.date;
    }
    return std::nullopt;
}

// The latest event of a type (events are in applied order, so the last one found).
const Event* Latest(std::span<const Event> events, EventType type) {
    const Event* found = nullptr;
    for (const Event& e : events) {
        if (e.type == type) found = &e;
    }
    return found;
}

bool AnyOnOrAfter(std::span<const Event> events, CivilDate since, bool (*matches)(const Event&)) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.date >= since && matches(e); });
}

struct RuleContext {
    const AlertInput& in;
    CivilDate as_of;
    const AlertSettings& settings;
    std::optional<CivilDate> referral;
    CivilDate latest_event;  // the pathway's latest event, or the referral; 1970-01-01 if neither
    std::vector<Alert>& out;

    // Fires `rule`, counting days from `since`; the cause is `since` unless a later event came after it.
    Alert& Add(AlertRule rule, CivilDate since) {
        Alert& a = out.emplace_back();
        a.rule = rule;
        a.since = since;
        a.days = DaysBetween(since, as_of);
        a.cause_on = std::max(since, latest_event);
        return a;
    }
};

void NoKeyWorker(RuleContext& c) {
    if (c.in.record->key_worker || !c.referral) return;
    if (DaysBetween(*c.referral, c.as_of) < c.settings.no_key_worker_days) return;
    c.Add(AlertRule::kNoKeyWorker, *c.referral);
}

void NextActionRules(RuleContext& c) {
    if (!c.in.next_action) {
        c.Add(AlertRule::kNoNextAction, c.referral.value_or(c.latest_event));
        return;
    }
    const NextAction& action = *c.in.next_action;
    if (action.due_on >= c.as_of) return;
    Alert& a = c.Add(AlertRule::kNextActionOverdue, action.due_on);
    a.subject = action.description;
    a.owner = action.owner;
}

void NoContact(RuleContext& c) {
    std::optional<CivilDate> last;
    for (const Event& e : c.in.events) {
        if (IsContact(e.type)) last = e.date;
    }
    const bool ever = last.has_value();
    if (!ever) last = c.referral;
    if (!last) return;
    if (DaysBetween(*last, c.as_of) < c.settings.no_contact_days) return;
    c.Add(AlertRule::kNoContact, *last).ever = ever;
}

void TransferNotAccepted(RuleContext& c) {
    // The latest transfer sent that no transfer_accepted by its receiving provider has followed.
    const Event* pending = nullptr;
    for (const Event& e : c.in.events) {
        if (e.type == EventType::kTransferSent) pending = &e;
        if (pending && e.type == EventType::kTransferAccepted && e.date >= pending->date &&
            (e.provider.empty() || e.provider == pending->to_provider)) {
            pending = nullptr;
        }
    }
    if (!pending) return;
    if (DaysBetween(pending->date, c.as_of) < c.settings.transfer_not_accepted_days) return;
    c.Add(AlertRule::kTransferNotAccepted, pending->date).subject = pending->to_provider;
}

void NoDecisionToTreat(RuleContext& c) {
    if (c.in.record->kind != PathwayKind::kCancer) return;
    const Event* diagnosis = nullptr;
    for (const Event& e : c.in.events) {
        if (e.type == EventType::kDiagnosisCommunicated && e.outcome == DiagnosisOutcome::kCancer) diagnosis = &e;
    }
    if (!diagnosis) return;
    auto decided = [](const Event& e) {
        return e.type == EventType::kDecisionToTreat || e.type == EventType::kTreatmentStarted;
    };
    if (AnyOnOrAfter(c.in.events, diagnosis->date, +decided)) return;
    if (DaysBetween(diagnosis->date, c.as_of) < c.settings.no_decision_to_treat_days) return;
    c.Add(AlertRule::kNoDecisionToTreat, diagnosis->date);
}

void EmergencyAdmission(RuleContext& c) {
    const Event* admission = Latest(c.in.events, EventType::kEmergencyAdmission);
    if (!admission) return;
    auto contact = [](const Event& e) { return e.type == EventType::kKeyWorkerContact; };
    if (AnyOnOrAfter(c.in.events, admission->date, +contact)) return;
    if (DaysBetween(admission->date, c.as_of) < c.settings.emergency_contact_days) return;
    c.Add(AlertRule::kEmergencyAdmissionNoContact, admission->date);
}

}  // namespace

Status SetAlertSetting(AlertSettings& settings, std::string_view name, std::string_view value) {
    for (const AlertSettingField& f : kAlertSettingFields) {
        if (f.name != name) continue;
        int days = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), days);
        if (value.empty() || ec != std::errc() || end != value.data() + value.size() || days < kMinAlertDays ||
            days > kMaxAlertDays) {
            return Status::InvalidArgument(
                "Check the alert settings.",
                {{std::string(name), "must be a whole number of days from " + std::to_string(kMinAlertDays) + " to " +
                                         std::to_string(kMaxAlertDays)}});
        }
        settings.*(f.days) = days;
        return Status::Ok();
    }
    return Status::InvalidArgument("Check the alert settings.", {{std::string(name), "is not an alert setting"}});
}

std::vector<Alert> ComputeAlerts(const AlertInput& input, CivilDate as_of, const AlertSettings& settings) {
    std::vector<Alert> out;
    if (!input.record || input.record->status != PathwayStatus::kActive) return out;
    RuleContext c{input, as_of, settings, ReferralDate(input), CivilDate(), out};
    if (!input.events.empty()) {
        c.latest_event = input.events.front().date;
        for (const Event& e : input.events) c.latest_event = std::max(c.latest_event, e.date);
    } else if (c.referral) {
        c.latest_event = *c.referral;
    }
    NoKeyWorker(c);
    NextActionRules(c);
    NoContact(c);
    TransferNotAccepted(c);
    NoDecisionToTreat(c);
    EmergencyAdmission(c);
    return out;
}

std::string Alert::Why() const {
    const std::string on = since.ToLongString();
    switch (rule) {
        case AlertRule::kNoKeyWorker:
            return "No key worker has been named in the " + Days(days) + " since the referral on " + on + ".";
        case AlertRule::kNoNextAction:
            return "The pathway has no open next action.";
        case AlertRule::kNextActionOverdue:
            return "The next action \"" + subject + "\" (" + owner + ") was due on " + on + ", " + Days(days) + " ago.";
        case AlertRule::kNoContact:
            return ever ? "No contact with the patient for " + Days(days) + ", since " + on + "."
                        : "No contact with the patient in the " + Days(days) + " since the referral on " + on + ".";
        case AlertRule::kTransferNotAccepted:
            return "The transfer to " + subject + " sent on " + on + " has not been accepted after " + Days(days) + ".";
        case AlertRule::kNoDecisionToTreat:
            return "Cancer was diagnosed and communicated on " + on + " and no decision to treat is recorded after " +
                   Days(days) + ".";
        case AlertRule::kEmergencyAdmissionNoContact:
            return "The patient was admitted as an emergency on " + on +
                   " and the key worker has not been in contact since (" + Days(days) + ").";
    }
    return {};
}

std::string Alert::WhatToDo() const {
    switch (rule) {
        case AlertRule::kNoKeyWorker:
            return "Name a key worker on the pathway page.";
        case AlertRule::kNoNextAction:
            return "Agree the next step with the team and record it, with an owner and a due date, on the pathway "
                   "page.";
        case AlertRule::kNextActionOverdue:
            return "Ask " + owner + " whether it is done: mark it done or record a new due date on the pathway page.";
        case AlertRule::kNoContact:
            return "Contact the patient (the key worker, or the team if none is named) and record it as "
                   "key_worker_contact.";
        case AlertRule::kTransferNotAccepted:
            return "Call " + subject + " to confirm they have the referral, then record transfer_accepted.";
        case AlertRule::kNoDecisionToTreat:
            return "Check the MDT has discussed the patient and a treatment plan is agreed; record the decision to "
                   "treat.";
        case AlertRule::kEmergencyAdmissionNoContact:
            return "Ask the key worker to contact the patient or the admitting ward, and record key_worker_contact.";
    }
    return {};
}

bool AcknowledgementHolds(const Alert& alert, CivilDate acknowledged_on) { return acknowledged_on >= alert.cause_on; }

}  // namespace carevoice::pathway
