#include "core/role.hpp"

namespace carevoice {

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAdmin:
            return "admin";
        case Role::kAnalyst:
            return "analyst";
        case Role::kFacilitator:
            return "facilitator";
        case Role::kMember:
            return "member";
        case Role::kCoordinator:
            return "coordinator";
    }
    return "member";
}

std::string_view RoleDescription(Role role) {
    switch (role) {
        case Role::kAdmin:
            return "Manages accounts, roles and the audit log; can see everything";
        case Role::kAnalyst:
            return "Imports survey results and reads analyses across organisations and groups";
        case Role::kFacilitator:
            return "Runs a partnership group: members, meetings, work programme and impact";
        case Role::kMember:
            return "A member of a partnership group: sees the group's pages and records impact";
        case Role::kCoordinator:
            return "A key worker or care coordinator on patients' pathways";
    }
    return "";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (Role r : kAllRoles) {
        if (RoleName(r) == name) return r;
    }
    return std::nullopt;
}

}  // namespace carevoice
