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

std::size_t KeepEffective(std::span<Event> events) {
    std::size_t n = events.size();
    const bool corrected =
        std::any_of(events.begin(), events.end(), [](const Event& e) { return !e.supersedes.empty(); });
    if (corrected) {  // most pathways have no correction: nothing to leave out
        std::set<std::string, std::less<>> superseded;
        for (const auto& e : events) {
            if (!e.supersedes.empty()) superseded.insert(e.supersedes);
        }
        // remove_if keeps the order of the events it keeps.
        n = static_cast<std::size_t>(std::remove_if(events.begin(), events.end(),
                                                    [&](const Event& e) { return superseded.contains(e.event_id); }) -
                                     events.begin());
    }
    auto applied_before = [](const Event& a, const Event& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.type < b.type;
    };
    const auto end = events.begin() + static_cast<std::ptrdiff_t>(n);
    // Extracts usually list a pathway's events in order: then a stable sort would change nothing.
    if (!std::is_sorted(events.begin(), end, applied_before)) std::stable_sort(events.begin(), end, applied_before);
    return n;
}

std::vector<Event> EffectiveEvents(std::vector<Event> events) {
    events.resize(KeepEffective(events));
    return events;
}

}  // namespace carevoice::pathway
