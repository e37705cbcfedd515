// Meetings of partnership groups in storage: date, place or call, agenda, attendance and apologies,
// minutes (Markdown text) and whether they are public, and decisions. Actions are in
// actions_repository.hpp. Writes happen inside the caller's transaction (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/meeting.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class MeetingsRepository {
  public:
    explicit MeetingsRepository(Connection& conn) : conn_(conn) {}

    // Validates; attendees and apologies must be people of the meeting's group.
    Result<partnership::Meeting> Create(const partnership::Meeting& meeting, std::int64_t now);
    Result<partnership::Meeting> Find(std::int64_t id);
    // The group's meetings, oldest first.
    Result<std::vector<partnership::Meeting>> ListByGroup(std::int64_t group_id);
    // The group's meetings with public minutes, newest first: what public pages may show.
    Result<std::vector<partnership::Meeting>> ListPublicMinutes(std::int64_t group_id);
    Status Update(const partnership::Meeting& meeting, std::int64_t now);
    // Deletes the meeting with its attendance, decisions and the actions raised at it.
    Status Delete(std::int64_t id);

  private:
    Status Check(const partnership::Meeting& meeting);
    Status WriteLists(const partnership::Meeting& meeting);
    Result<std::vector<partnership::Meeting>> Load(const std::string& where, const std::vector<Value>& params,
                                                   const std::string& order);
    Connection& conn_;
};

}  // namespace carevoice::store
