// The events of a patient's pathway (shared/docs/pathway.md, "The events layout"): what happened, on
// which day, at which provider. Events may arrive in any order; they are applied in date order and, on
// one day, in the order of EventType below. A correction is a new event that supersedes an earlier one.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"

namespace carevoice::pathway {

// In the order events of one day are applied (the order of the layout's table).
enum class EventType {
    kReferralReceived,
    kConsultantUpgrade,
    kFirstSeen,
    kAppointmentMissed,
    kDiagnosisCommunicated,
    kMdtDiscussion,
    kDecisionToTreat,
    kEcad,
    kOfferDeclined,
    kTreatmentStarted,
    kTransferSent,
    kTransferAccepted,
    kKeyWorkerContact,
    kEmergencyAdmission,
    kDischarge,
    kDeath,
};

enum class Route { kUrgentSuspectedCancer, kUrgentScreening, kBreastSymptomatic, kOther };
enum class Modality { kSurgery, kChemotherapy, kRadiotherapy, kOther };
enum class DiagnosisOutcome { kCancer, kRuledOut };

// The layout's names ("referral_received") and what people read ("Referral received").
inline constexpr std::array<EnumName<EventType>, 16> kEventTypeNames = {{
    {EventType::kReferralReceived, "referral_received", "Referral received"},
    {EventType::kConsultantUpgrade, "consultant_upgrade", "Consultant upgrade"},
    {EventType::kFirstSeen, "first_seen", "First seen"},
    {EventType::kAppointmentMissed, "appointment_missed", "First appointment missed"},
    {EventType::kDiagnosisCommunicated, "diagnosis_communicated", "Diagnosis communicated"},
    {EventType::kMdtDiscussion, "mdt_discussion", "MDT discussion"},
    {EventType::kDecisionToTreat, "decision_to_treat", "Decision to treat"},
    {EventType::kEcad, "ecad", "Earliest clinically appropriate date set"},
    {EventType::kOfferDeclined, "offer_declined", "Offer of admitted treatment declined"},
    {EventType::kTreatmentStarted, "treatment_started", "Treatment started"},
    {EventType::kTransferSent, "transfer_sent", "Transfer sent"},
    {EventType::kTransferAccepted, "transfer_accepted", "Transfer accepted"},
    {EventType::kKeyWorkerContact, "key_worker_contact", "Key worker contact"},
    {EventType::kEmergencyAdmission, "emergency_admission", "Emergency admission"},
    {EventType::kDischarge, "discharge", "Discharge"},
    {EventType::kDeath, "death", "Death"},
}};
inline constexpr std::array<EnumName<Route>, 4> kRouteNames = {{
    {Route::kUrgentSuspectedCancer, "urgent_suspected_cancer", "Urgent suspected cancer"},
    {Route::kUrgentScreening, "urgent_screening", "Urgent screening"},
    {Route::kBreastSymptomatic, "breast_symptomatic", "Breast symptomatic"},
    {Route::kOther, "other", "Other (may be upgraded by a consultant)"},
}};
inline constexpr std::array<EnumName<Modality>, 4> kModalityNames = {{
    {Modality::kSurgery, "surgery", "Surgery"},
    {Modality::kChemotherapy, "chemotherapy", "Chemotherapy"},
    {Modality::kRadiotherapy, "radiotherapy", "Radiotherapy"},
    {Modality::kOther, "other", "Other treatment"},
}};
inline constexpr std::array<EnumName<DiagnosisOutcome>, 2> kOutcomeNames = {{
    {DiagnosisOutcome::kCancer, "cancer", "Cancer diagnosed"},
    {DiagnosisOutcome::kRuledOut, "ruled_out", "Cancer ruled out"},
}};

struct Event {
    std::string pathway_id;
    std::string event_id;
    CivilDate date;
    EventType type = EventType::kReferralReceived;
    std::string provider;  // ODS code
    std::optional<Route> route;
    std::optional<Modality> modality;
    std::optional<bool> admitted;
    std::optional<DiagnosisOutcome> outcome;
    std::optional<CivilDate> until;
    std::string to_provider;
    std::string supersedes;  // event_id of an earlier event of the same pathway this one corrects
    std::size_t line = 0;    // where it was read (0: not from a file)
};

// The names the layout uses ("referral_received", "urgent_suspected_cancer", "surgery", "ruled_out").
std::string_view EventTypeName(EventType type);
std::optional<EventType> ParseEventType(std::string_view name);
std::string_view RouteName(Route route);
std::optional<Route> ParseRoute(std::string_view name);
std::string_view ModalityName(Modality modality);
std::optional<Modality> ParseModality(std::string_view name);
std::string_view OutcomeName(DiagnosisOutcome outcome);
std::optional<DiagnosisOutcome> ParseOutcome(std::string_view name);

// The routes whose referral starts the Faster Diagnosis Standard and the 62-day clock.
bool IsUrgentRoute(Route route);

// The events that count: those no other event supersedes (a chain of corrections leaves only the last),
// in the order they are applied (date, then EventType, then the order given). Events of one pathway.
std::vector<Event> EffectiveEvents(std::vector<Event> events);
// The same in place: the first n of `events` become the effective ones in applied order, and n is returned
// (the superseded ones are left after them, intact, in the order given).
std::size_t KeepEffective(std::span<Event> events);

// Puts `events` in pathway order (by id; within a pathway, in the order given) in place, and returns where
// each pathway begins, with the end last. No event is copied, and events already in that order (as the
// store reads them) are not moved at all.
std::vector<std::size_t> SortByPathway(std::vector<Event>& events);

}  // namespace carevoice::pathway
