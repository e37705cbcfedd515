// Views built from the impact log, all pure aggregations: the influence map (whom the group
// influences, and how strongly: the report's mapping form, §6.2.10), the involvement matrix
// (decision domain × level of involvement: the report's Table 4, filled with the group's own
// evidence), and impact by kind over time. Filter the log (e.g. public entries only) before calling.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "partnership/impact.hpp"

namespace carevoice::partnership {

inline constexpr std::size_t kDefaultExamples = 3;

struct ImpactExample {
    std::int64_t id = 0;
    std::string title;
    CivilDate occurred_on;
};

struct OrganisationInfluence {
    std::string organisation;  // as most recently spelt
    // The strongest influence recorded in the period: one weaker impact does not hide a record of stronger
    // ones, and the counts show each strength (the period, "since", is how recent influence must be to count).
    InfluenceStrength strength = InfluenceStrength::kNone;
    int strong = 0;
    int some = 0;
    int none = 0;
    std::vector<ImpactExample> latest;  // newest first
};

// One entry per organisation (names compared ignoring case and surrounding spaces) with an impact on or
// after `since` (every impact when none), ordered by strength (strong, some, none), then most impacts,
// then name.
std::vector<OrganisationInfluence> InfluenceMap(std::span<const Impact> impacts,
                                                std::size_t examples = kDefaultExamples,
                                                std::optional<CivilDate> since = std::nullopt);
// The rule, in words, for the page.
inline constexpr const char* kInfluenceMapRule =
    "Each organisation is placed by the strongest influence the group recorded with it in the period shown, so "
    "that one weaker impact does not hide stronger ones; the counts show how many impacts of each strength "
    "there were.";

struct InvolvementCell {
    int count = 0;
    std::vector<ImpactExample> examples;  // newest first
};

// cells[domain][level], in the order of kDecisionDomains and kInvolvementLevels; every cell present,
// so that an empty one ("no evidence", as in Table 4) shows.
struct InvolvementMatrix {
    std::array<std::array<InvolvementCell, 3>, 3> cells;
    const InvolvementCell& at(DecisionDomain domain, InvolvementLevel level) const {
        return cells[static_cast<std::size_t>(domain)][static_cast<std::size_t>(level)];
    }
};

InvolvementMatrix BuildInvolvementMatrix(std::span<const Impact> impacts, std::size_t examples = kDefaultExamples);

// Calendar years and quarters, like the programme year and the survey year (not NHS financial years).
enum class Period { kYear, kQuarter };

struct PeriodCounts {
    std::string label;  // "2024" or "2024 Q2"
    CivilDate starts_on;
    std::array<int, kImpactKindCount> by_kind{};  // in kImpactKinds order
    int total = 0;
};

// One entry per period from the earliest impact's to the latest's, oldest first, including periods
// with no impact (so that a chart's time axis has no gaps). Empty for no impacts.
std::vector<PeriodCounts> ImpactByKindOverTime(std::span<const Impact> impacts, Period period);

}  // namespace carevoice::partnership
