// Cancer waiting-time clocks of one pathway, exactly as shared/docs/pathway.md sets them out: the 28-day
// Faster Diagnosis Standard, the 62-day and the 31-day standards; the two adjustments and nothing else
// (first-appointment DNA, declined admitted treatment); and the allocation of each 62-day result between
// the referring and the treating provider. Pure: the same events always give the same clocks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

// One byte each: the clocks of every pathway are kept together, and every byte of a clock is 3 million bytes.
enum class ClockKind : std::uint8_t { kFds, k62, k31 };
enum class ClockStatus : std::uint8_t { kMet, kBreached, kOpen, kClosed };

std::string_view ClockName(ClockKind kind);       // "fds", "62", "31"
std::string_view StatusName(ClockStatus status);  // "met", "breached", "open", "closed"
int TargetDays(ClockKind kind);                   // 28, 62, 31

struct ProviderShare {
    std::string provider;  // ODS code
    double share = 0;      // 1, or 0.5 each
};

// How a 62-day result (met or breached) is allocated between providers (pathway.md's table).
struct Allocation {
    bool allocated = false;             // false: a data-quality problem (`problem` says which)
    std::vector<ProviderShare> shares;  // the referring provider first
    std::vector<std::string> between;   // providers in a chain between referring and treating: listed only
    std::optional<int> handover_days;   // for a transfer: handover − start − DNA adjustment
    std::optional<int> treating_days;   // first treatment − handover − admitted-offer adjustments since
    std::string problem;
};

// The small fields first, so that they pack together.
struct Clock {
    ClockKind kind = ClockKind::kFds;
    ClockStatus status = ClockStatus::kOpen;
    int treatment = 0;  // for a 31-day clock, the treatment it ends (1 = first); 0 otherwise
    int adjustment_days = 0;
    int target_days = 0;
    std::optional<int> wait_days;       // stop − start − adjustments; for an open clock, as of the as-of date
    std::optional<int> days_to_breach;  // open clocks: target date − as-of date (negative: past it)
    CivilDate start;
    std::optional<CivilDate> stop;  // none while open
    // 62-day clocks with a result. Never changed once made, so copies of a clock share it: a clock without
    // one (most of them) stays small, and the clocks of 3 million pathways fit in a few hundred MB.
    std::shared_ptr<const Allocation> allocation;

    CivilDate TargetDate() const { return start.AddDays(target_days + adjustment_days); }
};

// Something in the events that the rules cannot use: listed, and the event ignored.
struct DataQualityProblem {
    std::string event_id;
    std::string problem;
};

struct PathwayClocks {
    std::string pathway_id;
    std::vector<Clock> clocks;  // fds, then 62, then each 31 in treatment order
    std::vector<DataQualityProblem> problems;
};

// The clocks of one pathway from its events (any order; superseded events are left out here).
PathwayClocks ComputeClocks(std::vector<Event> events, CivilDate as_of);
// The same from the pathway's effective events, as EffectiveEvents returns them (no copy is made).
PathwayClocks ComputeClocksOfEffective(std::span<const Event> effective, CivilDate as_of);
// The same appended to `clocks` and `problems`, which may hold other pathways' already: for keeping the
// clocks of millions of pathways in a few vectors (RecomputeAll).
void AppendClocksOfEffective(std::span<const Event> effective, CivilDate as_of, std::vector<Clock>& clocks,
                             std::vector<DataQualityProblem>& problems);

// The clocks of every pathway in `events` (of many pathways, any order), ordered by pathway id. A large set
// is computed on the machine's cores, kPathwaysPerWorker or more a thread; the result does not depend on it.
inline constexpr std::size_t kPathwaysPerWorker = 20'000;
std::vector<PathwayClocks> ComputeAllClocks(std::vector<Event> events, CivilDate as_of);

// "RJE=0.5;RL4=0.5", "RJE=1", or "unallocated".
std::string FormatAllocation(const Allocation& allocation);

// The columns of `carevoice clocks --format csv`, and one clock as such a row:
// pathway_id,clock,treatment,start,stop,adjustment_days,wait_days,target_days,status,days_to_breach,allocation
std::vector<std::string> ClockCsvColumns();
std::vector<std::string> ClockCsvFields(const std::string& pathway_id, const Clock& clock);

}  // namespace carevoice::pathway
