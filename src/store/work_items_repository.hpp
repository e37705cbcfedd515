// The second half of the yearly work programme in storage: the work items a group signs up to (owner,
// the people, systems and funding needed, milestones, deadline, status) and the annual review whose
// findings seed next year (partnership::SeedNextYear). Writes happen inside the caller's transaction
// (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/status.hpp"
#include "partnership/work_programme.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class WorkItemsRepository {
  public:
    explicit WorkItemsRepository(Connection& conn) : conn_(conn) {}

    // Validates; the owner must be a person of the group and the priority one of its candidates.
    Result<partnership::WorkItem> Create(const partnership::WorkItem& item, std::int64_t now);
    Result<partnership::WorkItem> Find(std::int64_t id);
    // The group's work items of a year (every year when none), by deadline.
    Result<std::vector<partnership::WorkItem>> ListByGroup(std::int64_t group_id,
                                                           std::optional<int> programme_year = std::nullopt);
    Status Update(const partnership::WorkItem& item, std::int64_t now);
    Status Delete(std::int64_t id);

    // Inserts the year's review or replaces it (one per group and year).
    Result<partnership::AnnualReview> SaveReview(const partnership::AnnualReview& review, std::int64_t now);
    // None when the year has not been reviewed.
    Result<std::optional<partnership::AnnualReview>> FindReview(std::int64_t group_id, int programme_year);

  private:
    Status Check(const partnership::WorkItem& item);
    Status WriteMilestones(const partnership::WorkItem& item);
    Result<std::vector<partnership::WorkItem>> Load(const std::string& where, const std::vector<Value>& params);
    Connection& conn_;
};

}  // namespace carevoice::store
