// A group's actions in storage — from meetings, environmental audits and work items — with owner, due
// date and status. The ordering for display (overdue first) is partnership::OrderActionList's job.
// Writes happen inside the caller's transaction (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/meeting.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class ActionsRepository {
  public:
    explicit ActionsRepository(Connection& conn) : conn_(conn) {}

    // Validates; the owner must be a person of the group, and the meeting, audit and work item (if
    // given) must be the group's.
    Result<partnership::Action> Create(const partnership::Action& action, std::int64_t now);
    Result<partnership::Action> Find(std::int64_t id);
    Result<std::vector<partnership::Action>> ListByGroup(std::int64_t group_id);  // by id
    Result<std::vector<partnership::Action>> ListByMeeting(std::int64_t meeting_id);
    Status Update(const partnership::Action& action, std::int64_t now);
    Status Delete(std::int64_t id);

  private:
    Status Check(const partnership::Action& action);
    Result<std::vector<partnership::Action>> Load(const std::string& where, std::int64_t id);
    Connection& conn_;
};

}  // namespace carevoice::store
