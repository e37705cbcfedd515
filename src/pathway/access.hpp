// Who may see a patient's record (issue 9): patient-identifiable data is seen only by coordinators and
// admins. An admin sees every pathway; a coordinator sees the pathways their own organisation is involved
// in (its ODS code is the prime provider, or the provider or to_provider of any event), and any other only
// by "breaking glass": giving a reason, for a limited time, flagged to admins for review. Pure: the web
// layer gathers the facts, this decides, and the decision is audited either way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"

namespace carevoice::pathway {

enum class AccessDecision {
    kAllowed,            // admin, or a coordinator of an organisation involved
    kAllowedBreakGlass,  // a coordinator of another organisation with an active break glass
    kNeedsBreakGlass,    // a coordinator of another organisation (or of none): may break glass
    kDenied,             // any other role: never patient-identifiable data
};

inline constexpr std::size_t kMinBreakGlassReason = 10;
inline constexpr std::size_t kMaxBreakGlassReason = 1000;
inline constexpr std::int64_t kBreakGlassSeconds = 4 * 60 * 60;

// `user_org_code` is the ODS code of the user's organisation ("" when the account has none);
// `providers_involved` the ODS codes of the pathway's prime provider and of its events' providers.
AccessDecision DecidePatientAccess(Role role, std::string_view user_org_code,
                                   const std::vector<std::string>& providers_involved, bool has_active_break_glass);

// May this role see patient-identifiable data at all (route access: coordinators and admins)?
bool MaySeePatients(Role role);
bool IsAllowed(AccessDecision decision);

// A break-glass reason: trimmed, at least kMinBreakGlassReason characters and at most
// kMaxBreakGlassReason; the problem in words, or none.
std::optional<std::string> BreakGlassReasonProblem(std::string_view reason);

}  // namespace carevoice::pathway
