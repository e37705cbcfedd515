#include "pathway/events.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>
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
        // A stable partition keeps the order of both parts, and every event whole.
        n = static_cast<std::size_t>(
            std::stable_partition(events.begin(), events.end(),
                                  [&](const Event& e) { return !superseded.contains(e.event_id); }) -
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

std::vector<std::size_t> SortByPathway(std::vector<Event>& events) {
    const std::size_t n = events.size();
    {
        // Already in pathway order (the store reads them so): each pathway begins where the id changes.
        std::vector<std::size_t> start;
        bool ordered = true;
        for (std::size_t i = 0; i < n && ordered; ++i) {
            if (i == 0 || events[i].pathway_id != events[i - 1].pathway_id) {
                ordered = i == 0 || events[i - 1].pathway_id < events[i].pathway_id;
                start.push_back(i);
            }
        }
        if (ordered) {
            start.push_back(n);
            return start;
        }
    }
    std::vector<std::uint32_t> group(n);  // each event's pathway, numbered as first seen
    std::vector<std::size_t> first;       // an event of each pathway, for its id
    std::vector<std::size_t> count;       // events of each pathway
    {
        std::unordered_map<std::string_view, std::uint32_t> number;
        std::uint32_t current = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // Events of a pathway come together: the hash is consulted once a run.
            if (first.empty() || events[i].pathway_id != events[first[current]].pathway_id) {
                auto [it, fresh] = number.try_emplace(events[i].pathway_id, static_cast<std::uint32_t>(first.size()));
                if (fresh) {
                    first.push_back(i);
                    count.push_back(0);
                }
                current = it->second;
            }
            group[i] = current;
            ++count[current];
        }
    }
    std::vector<std::uint32_t> by_id(first.size());
    std::iota(by_id.begin(), by_id.end(), 0u);
    std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
        return events[first[a]].pathway_id < events[first[b]].pathway_id;
    });
    std::vector<std::size_t> start(first.size() + 1, n), next(first.size());
    std::size_t at = 0;
    for (std::size_t rank = 0; rank < by_id.size(); ++rank) {
        start[rank] = next[by_id[rank]] = at;
        at += count[by_id[rank]];
    }
    std::vector<std::size_t> dest(n);
    for (std::size_t i = 0; i < n; ++i) dest[i] = next[group[i]]++;
    // Each swap puts one event in its place.
    for (std::size_t i = 0; i < n; ++i) {
        while (dest[i] != i) {
            const std::size_t j = dest[i];
            std::swap(events[i], events[j]);
            std::swap(dest[i], dest[j]);
        }
    }
    return start;
}

}  // namespace carevoice::pathway
