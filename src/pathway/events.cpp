#include "pathway/events.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace carevoice::pathway {
namespace {

template <typename E, std::size_t N>
std::optional<E> Find(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [value, text] : table) {
        if (text == name) return value;
    }
    return std::nullopt;
}
template <typename E, std::size_t N>
std::string_view NameIn(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return "";
}

constexpr std::array<std::pair<EventType, std::string_view>, 16> kEventTypes = {{
    {EventType::kReferralReceived, "referral_received"},
    {EventType::kConsultantUpgrade, "consultant_upgrade"},
    {EventType::kFirstSeen, "first_seen"},
    {EventType::kAppointmentMissed, "appointment_missed"},
    {EventType::kDiagnosisCommunicated, "diagnosis_communicated"},
    {EventType::kMdtDiscussion, "mdt_discussion"},
    {EventType::kDecisionToTreat, "decision_to_treat"},
    {EventType::kEcad, "ecad"},
    {EventType::kOfferDeclined, "offer_declined"},
    {EventType::kTreatmentStarted, "treatment_started"},
    {EventType::kTransferSent, "transfer_sent"},
    {EventType::kTransferAccepted, "transfer_accepted"},
    {EventType::kKeyWorkerContact, "key_worker_contact"},
    {EventType::kEmergencyAdmission, "emergency_admission"},
    {EventType::kDischarge, "discharge"},
    {EventType::kDeath, "death"},
}};
constexpr std::array<std::pair<Route, std::string_view>, 4> kRoutes = {{
    {Route::kUrgentSuspectedCancer, "urgent_suspected_cancer"},
    {Route::kUrgentScreening, "urgent_screening"},
    {Route::kBreastSymptomatic, "breast_symptomatic"},
    {Route::kOther, "other"},
}};
constexpr std::array<std::pair<Modality, std::string_view>, 4> kModalities = {{
    {Modality::kSurgery, "surgery"},
    {Modality::kChemotherapy, "chemotherapy"},
    {Modality::kRadiotherapy, "radiotherapy"},
    {Modality::kOther, "other"},
}};
constexpr std::array<std::pair<DiagnosisOutcome, std::string_view>, 2> kOutcomes = {{
    {DiagnosisOutcome::kCancer, "cancer"},
    {DiagnosisOutcome::kRuledOut, "ruled_out"},
}};

}  // namespace

std::string_view EventTypeName(EventType type) { return NameIn(kEventTypes, type); }
std::optional<EventType> ParseEventType(std::string_view name) { return Find(kEventTypes, name); }
std::string_view RouteName(Route route) { return NameIn(kRoutes, route); }
std::optional<Route> ParseRoute(std::string_view name) { return Find(kRoutes, name); }
std::string_view ModalityName(Modality modality) { return NameIn(kModalities, modality); }
std::optional<Modality> ParseModality(std::string_view name) { return Find(kModalities, name); }
std::string_view OutcomeName(DiagnosisOutcome outcome) { return NameIn(kOutcomes, outcome); }
std::optional<DiagnosisOutcome> ParseOutcome(std::string_view name) { return Find(kOutcomes, name); }

bool IsUrgentRoute(Route route) { return route != Route::kOther; }

std::vector<Event> EffectiveEvents(std::vector<Event> events) {
    std::set<std::string, std::less<>> superseded;  // copies: the events are moved below
    for (const auto& e : events) {
        if (!e.supersedes.empty()) superseded.insert(e.supersedes);
    }
    std::vector<Event> out;
    out.reserve(events.size());
    for (auto& e : events) {
        if (!superseded.contains(e.event_id)) out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.type < b.type;
    });
    return out;
}

}  // namespace carevoice::pathway
