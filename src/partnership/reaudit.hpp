// A re-audit compared with the audit before it: per area, the previous and current percentage and the
// change; the items that went from fail to pass and those that went the other way.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "partnership/checklist.hpp"
#include "partnership/environmental_audit.hpp"

namespace carevoice::partnership {

struct AreaChange {
    std::string area;  // "Overall" for the whole checklist
    std::optional<double> previous_percent;
    std::optional<double> current_percent;
    std::optional<double> change;  // current − previous, in percentage points; none unless both exist
};

struct ItemChange {
    std::string item_code;
    std::string area;
    std::string text;
    ItemRating before = ItemRating::kFail;
    ItemRating after = ItemRating::kPass;
};

struct AuditComparison {
    std::int64_t previous_id = 0;
    std::int64_t current_id = 0;
    std::vector<AreaChange> areas;  // in the template's order
    AreaChange overall;
    // Fail before, pass or qualified pass now (and the reverse). Not applicable and unrated items
    // are not compared. In the template's order.
    std::vector<ItemChange> now_passing;
    std::vector<ItemChange> now_failing;
};

// Fails if either audit is not on `checklist`, or `previous` is not earlier than `current`.
Result<AuditComparison> CompareAudits(const EnvironmentalAudit& previous, const EnvironmentalAudit& current,
                                      const ChecklistTemplate& checklist);

// The audit to compare `current` with: the latest audit of the same site (ignoring case and
// surrounding spaces) and template before it; none if it is the first.
std::optional<std::size_t> PreviousAuditIndex(std::span<const EnvironmentalAudit> audits,
                                              const EnvironmentalAudit& current);

}  // namespace carevoice::partnership
