// The facts the pathway access rule (pathway/access.hpp) needs, read from storage: the ODS code of a
// user's organisation and the organisations a pathway involves; and the patient search (by NHS number or
// name), bounded. Patient-identifiable: only web/pathway calls these, and it audits every use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

inline constexpr std::size_t kMaxPatientSearchResults = 50;

// The ODS code of the user's organisation (users.organisation_id → organisations.code); "" for none.
Result<std::string> UserOrganisationCode(Connection& conn, std::int64_t user_id);

// The prime provider of the pathway and every provider and to_provider of its events, each once.
Result<std::vector<std::string>> ProvidersInvolved(Connection& conn, std::int64_t pathway_id);

// The ids of pathways the organisation is involved in, open ones (status active), newest first, at most
// `limit`.
Result<std::vector<std::int64_t>> OpenPathwaysOfOrganisation(Connection& conn, const std::string& org_code,
                                                             std::size_t limit);

// The ids of patients whose given or family name contains `name` (case-insensitive), at most
// kMaxPatientSearchResults, by family name.
Result<std::vector<std::int64_t>> SearchPatientsByName(Connection& conn, const std::string& name);

}  // namespace carevoice::store
