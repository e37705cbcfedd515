// The people of partnership groups in storage: contact details and preferences, member type,
// experience of cancer, diversity answers (kept only with consent), training, membership dates and
// offices held.
//
// Every change to a person's record must be audited: the caller wraps Create/Update/Delete in one
// store::Transaction together with web::AppendAudit (record type "person"), as for every partnership
// repository; the store stays free of the web layer.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/person.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class PeopleRepository {
  public:
    explicit PeopleRepository(Connection& conn) : conn_(conn) {}

    // Validates (partnership::ValidatePerson) and inserts; the group must exist.
    Result<partnership::Person> Create(const partnership::Person& person, std::int64_t now);
    Result<partnership::Person> Find(std::int64_t id);
    // Everyone who is or was a member of the group, by name.
    Result<std::vector<partnership::Person>> ListByGroup(std::int64_t group_id);
    // Replaces every field and list of the person; NotFound unless the person is of person.group_id (a
    // person cannot be moved to, or edited through, another group).
    Status Update(const partnership::Person& person, std::int64_t now);
    // Removes the person and what is theirs alone (attendance, offices, ballots); actions and work
    // items they owned lose their owner.
    Status Delete(std::int64_t id);

  private:
    Status WriteLists(const partnership::Person& person);
    Result<std::vector<partnership::Person>> Load(const std::string& where, const std::vector<Value>& params);
    Connection& conn_;
};

}  // namespace carevoice::store
