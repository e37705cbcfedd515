#include "pathway/access.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace carevoice::pathway {

bool MaySeePatients(Role role) { return role == Role::kAdmin || role == Role::kCoordinator; }

bool IsAllowed(AccessDecision decision) {
    return decision == AccessDecision::kAllowed || decision == AccessDecision::kAllowedBreakGlass;
}

AccessDecision DecidePatientAccess(Role role, std::string_view user_org_code,
                                   const std::vector<std::string>& providers_involved, bool has_active_break_glass) {
    if (role == Role::kAdmin) return AccessDecision::kAllowed;
    if (role != Role::kCoordinator) return AccessDecision::kDenied;
    // An account with no organisation is involved in nothing ("" never matches an empty provider).
    if (!user_org_code.empty() &&
        std::find(providers_involved.begin(), providers_involved.end(), user_org_code) != providers_involved.end()) {
        return AccessDecision::kAllowed;
    }
    return has_active_break_glass ? AccessDecision::kAllowedBreakGlass : AccessDecision::kNeedsBreakGlass;
}

std::optional<std::string> BreakGlassReasonProblem(std::string_view reason) {
    const std::string_view trimmed = text::Trim(reason);
    if (trimmed.empty()) return "Enter the reason you need to see this patient's record";
    if (trimmed.size() < kMinBreakGlassReason) {
        return "The reason must be at least " + std::to_string(kMinBreakGlassReason) + " characters";
    }
    if (trimmed.size() > kMaxBreakGlassReason) {
        return "The reason must be " + std::to_string(kMaxBreakGlassReason) + " characters or fewer";
    }
    return std::nullopt;
}

}  // namespace carevoice::pathway
