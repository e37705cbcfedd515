// The roles of carevoice's users. Not signed in is "public" and is not a Role.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace carevoice {

enum class Role { kAdmin, kAnalyst, kFacilitator, kMember, kCoordinator };

inline constexpr std::array<Role, 5> kAllRoles = {Role::kAdmin, Role::kAnalyst, Role::kFacilitator, Role::kMember,
                                                  Role::kCoordinator};

std::string_view RoleName(Role role);         // "admin", "analyst", ...
std::string_view RoleDescription(Role role);  // one line for people choosing a role
std::optional<Role> ParseRole(std::string_view name);

}  // namespace carevoice
