// The impact log in storage. The views (influence map, involvement matrix, impact by kind over time)
// are pure functions in partnership/impact_views.hpp over what ListByGroup returns; public pages pass
// public_only = true. Writes happen inside the caller's transaction (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/impact.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class ImpactRepository {
  public:
    explicit ImpactRepository(Connection& conn) : conn_(conn) {}

    // Validates (partnership::ValidateImpact); a linked work item must be the group's.
    Result<partnership::Impact> Create(const partnership::Impact& impact, std::int64_t now);
    Result<partnership::Impact> Find(std::int64_t id);
    // Newest first.
    Result<std::vector<partnership::Impact>> ListByGroup(std::int64_t group_id, bool public_only = false);
    Status Update(const partnership::Impact& impact, std::int64_t now);
    Status Delete(std::int64_t id);

  private:
    Status Check(const partnership::Impact& impact);
    Connection& conn_;
};

}  // namespace carevoice::store
