// The events of a patient's pathway (shared/docs/pathway.md, "The events layout"): what happened, on
// which day, at which provider. Events may arrive in any order; they are applied in date order and, on
// one day, in the order of EventType below. A correction is a new event that supersedes an earlier one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

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

}  // namespace carevoice::pathway
