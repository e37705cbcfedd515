// What the work programme pages keep beyond the work programme itself (migration 0006): the organisation
// whose published survey results are a group's evidence, and which carevoice account is which person of
// the group, so that a signed-in member votes as themselves. Writes happen inside the caller's
// transaction and are audited by the caller (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct PersonAccount {
    std::int64_t person_id = 0;
    std::int64_t user_id = 0;
    std::string username;
};

class ProgrammeSettingsRepository {
  public:
    explicit ProgrammeSettingsRepository(Connection& conn) : conn_(conn) {}

    // The ODS code the group chose; none when it has not chosen one.
    Result<std::optional<std::string>> SurveyOrganisation(std::int64_t group_id);
    // Sets or replaces the code; NotFound for an unknown group. The caller checks the code is known.
    Status SetSurveyOrganisation(std::int64_t group_id, const std::string& org_code, std::int64_t now);

    // The person of the group that the account is; none when it is not linked.
    Result<std::optional<std::int64_t>> PersonOfUser(std::int64_t group_id, std::int64_t user_id);
    // Links the account to the person, replacing any earlier link of either. The person must be of the
    // group (InvalidArgument on person_id otherwise).
    Status LinkAccount(std::int64_t group_id, std::int64_t user_id, std::int64_t person_id, std::int64_t now);
    // The group's links, by username.
    Result<std::vector<PersonAccount>> Accounts(std::int64_t group_id);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
