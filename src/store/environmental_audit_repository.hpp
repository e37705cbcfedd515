// Environmental audits in storage: the site, date, checklist (by template key), team and each item's
// rating with its reason. Scores, lay share, action drafts and re-audit comparisons are computed by
// partnership/environmental_audit.hpp and reaudit.hpp from what this returns. Writes happen inside the
// caller's transaction (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/environmental_audit.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class EnvironmentalAuditRepository {
  public:
    explicit EnvironmentalAuditRepository(Connection& conn) : conn_(conn) {}

    // Validates against the audit's checklist (its template key must be known); the team must be
    // people of the group.
    Result<partnership::EnvironmentalAudit> Create(const partnership::EnvironmentalAudit& audit, std::int64_t now);
    Result<partnership::EnvironmentalAudit> Find(std::int64_t id);
    // The group's audits, oldest first (so that partnership::PreviousAuditIndex can pick a re-audit's
    // predecessor from them).
    Result<std::vector<partnership::EnvironmentalAudit>> ListByGroup(std::int64_t group_id);
    Status Update(const partnership::EnvironmentalAudit& audit, std::int64_t now);
    // Deletes the audit with its team and ratings; actions drawn from it stay, no longer linked.
    Status Delete(std::int64_t id);

  private:
    Status Check(const partnership::EnvironmentalAudit& audit);
    Status WriteLists(const partnership::EnvironmentalAudit& audit);
    Result<std::vector<partnership::EnvironmentalAudit>> Load(const std::string& where, std::int64_t id);
    Connection& conn_;
};

}  // namespace carevoice::store
