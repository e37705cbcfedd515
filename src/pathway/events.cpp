#include "pathway/events.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace carevoice::pathway {

std::string_view EventTypeName(EventType type) { return NameOf(kEventTypeNames, type); }
std::optional<EventType> ParseEventType(std::string_view name) { return ParseName(kEventTypeNames, name); }
std::string_view RouteName(Route route) { return NameOf(kRouteNames, route); }
std::optional<Route> ParseRoute(std::string_view name) { return ParseName(kRouteNames, name); }
std::string_view ModalityName(Modality modality) { return NameOf(kModalityNames, modality); }
std::optional<Modality> ParseModality(std::string_view name) { return ParseName(kModalityNames, name); }
std::string_view OutcomeName(DiagnosisOutcome outcome) { return NameOf(kOutcomeNames, outcome); }
std::optional<DiagnosisOutcome> ParseOutcome(std::string_view name) { return ParseName(kOutcomeNames, name); }

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
