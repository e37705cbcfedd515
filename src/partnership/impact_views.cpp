#include "partnership/impact_views.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

bool Newer(const Impact* a, const Impact* b) {
    if (a->occurred_on != b->occurred_on) return a->occurred_on > b->occurred_on;
    return a->id > b->id;
}

std::vector<const Impact*> NewestFirst(std::span<const Impact> impacts) {
    std::vector<const Impact*> sorted;
    for (const Impact& impact : impacts) sorted.push_back(&impact);
    std::stable_sort(sorted.begin(), sorted.end(), Newer);
    return sorted;
}

ImpactExample ExampleOf(const Impact& impact) { return {impact.id, impact.title, impact.occurred_on}; }

int StrengthOrder(InfluenceStrength strength) { return static_cast<int>(strength); }

// Index of the period containing `date`: years since year 0, or quarters since year 0.
int PeriodIndex(CivilDate date, Period period) {
    return period == Period::kYear ? date.year() : date.year() * 4 + (date.month() - 1) / 3;
}

PeriodCounts EmptyPeriod(int index, Period period) {
    PeriodCounts counts;
    if (period == Period::kYear) {
        counts.label = std::to_string(index);
        counts.starts_on = *CivilDate::FromYmd(index, 1, 1);
    } else {
        const int year = index / 4;
        const int quarter = index % 4 + 1;
        counts.label = std::to_string(year) + " Q" + std::to_string(quarter);
        counts.starts_on = *CivilDate::FromYmd(year, (quarter - 1) * 3 + 1, 1);
    }
    return counts;
}

}  // namespace

std::vector<OrganisationInfluence> InfluenceMap(std::span<const Impact> impacts, std::size_t examples,
                                                std::optional<CivilDate> since) {
    std::map<std::string, OrganisationInfluence> by_key;
    for (const Impact* impact : NewestFirst(impacts)) {
        if (since && impact->occurred_on < *since) continue;
        const std::string key = text::ToLower(text::Trim(impact->organisation));
        auto [it, first] = by_key.try_emplace(key);
        OrganisationInfluence& entry = it->second;
        if (first) {  // the newest record of this organisation: its spelling
            entry.organisation = std::string(text::Trim(impact->organisation));
            entry.strength = impact->influence;
        } else if (StrengthOrder(impact->influence) < StrengthOrder(entry.strength)) {
            entry.strength = impact->influence;  // the strongest in the period
        }
        switch (impact->influence) {
            case InfluenceStrength::kStrong:
                ++entry.strong;
                break;
            case InfluenceStrength::kSome:
                ++entry.some;
                break;
            case InfluenceStrength::kNone:
                ++entry.none;
                break;
        }
        if (entry.latest.size() < examples) entry.latest.push_back(ExampleOf(*impact));
    }
    std::vector<OrganisationInfluence> map;
    for (auto& [key, entry] : by_key) map.push_back(std::move(entry));
    std::stable_sort(map.begin(), map.end(), [](const OrganisationInfluence& a, const OrganisationInfluence& b) {
        if (a.strength != b.strength) return StrengthOrder(a.strength) < StrengthOrder(b.strength);
        const int count_a = a.strong + a.some + a.none;
        const int count_b = b.strong + b.some + b.none;
        if (count_a != count_b) return count_a > count_b;
        return a.organisation < b.organisation;
    });
    return map;
}

InvolvementMatrix BuildInvolvementMatrix(std::span<const Impact> impacts, std::size_t examples) {
    InvolvementMatrix matrix;
    for (const Impact* impact : NewestFirst(impacts)) {
        InvolvementCell& cell =
            matrix.cells[static_cast<std::size_t>(impact->domain)][static_cast<std::size_t>(impact->involvement)];
        ++cell.count;
        if (cell.examples.size() < examples) cell.examples.push_back(ExampleOf(*impact));
    }
    return matrix;
}

std::vector<PeriodCounts> ImpactByKindOverTime(std::span<const Impact> impacts, Period period) {
    if (impacts.empty()) return {};
    int first = PeriodIndex(impacts.front().occurred_on, period);
    int last = first;
    for (const Impact& impact : impacts) {
        first = std::min(first, PeriodIndex(impact.occurred_on, period));
        last = std::max(last, PeriodIndex(impact.occurred_on, period));
    }
    std::vector<PeriodCounts> out;
    for (int index = first; index <= last; ++index) out.push_back(EmptyPeriod(index, period));
    for (const Impact& impact : impacts) {
        PeriodCounts& counts = out[static_cast<std::size_t>(PeriodIndex(impact.occurred_on, period) - first)];
        ++counts.by_kind[static_cast<std::size_t>(impact.kind)];
        ++counts.total;
    }
    return out;
}

}  // namespace carevoice::partnership
