// Who may use a route. Every route declares an Access; a route without one cannot be registered,
// and a request that matches no declared route is refused: deny by default.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>

#include "core/role.hpp"

namespace carevoice::web {

class Access {
  public:
    // Anyone, signed in or not.
    static Access Public() { return Access(true, {}); }
    // Any signed-in user, whatever the role.
    static Access SignedIn() { return Access(false, {kAllRoles.begin(), kAllRoles.end()}); }
    // Signed-in users with one of these roles.
    static Access Roles(std::initializer_list<Role> roles) { return Access(false, roles); }

    bool is_public() const { return public_; }
    bool Allows(std::optional<Role> role) const {
        if (public_) return true;
        return role && roles_.contains(*role);
    }
    const std::set<Role>& roles() const { return roles_; }

  private:
    Access(bool is_public, std::set<Role> roles) : public_(is_public), roles_(std::move(roles)) {}
    bool public_;
    std::set<Role> roles_;
};

}  // namespace carevoice::web
