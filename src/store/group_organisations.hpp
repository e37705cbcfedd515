// Which partnership groups work with an organisation: a group is attached to an organisation when it
// chose it as its survey organisation (programme_settings, the work programme's evidence) or its
// records name it by ODS code — an environmental audit of one of its sites, a measure fed from its
// survey results, or evidence from its survey results. The buddy plan pages use this to let the staff
// of those groups see and work on the organisation's plans.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

// The ids of the groups attached to any of `org_codes` (compared exactly; empty codes are ignored),
// in increasing order without repeats. Empty for no codes.
Result<std::vector<std::int64_t>> GroupsAttachedToOrganisations(Connection& conn,
                                                                const std::vector<std::string>& org_codes);

// The ODS codes the group's records name, in order without repeats.
Result<std::vector<std::string>> OrganisationsOfGroup(Connection& conn, std::int64_t group_id);

}  // namespace carevoice::store
