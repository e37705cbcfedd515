// Every pathway reduced to the facts the aggregate measures need (pathway::PathwayFacts): read with its
// patient's groups and its events, and nothing identifiable kept. Shared by the commissioners' outcomes
// page and the partnership measures fed from the pathway.
#pragma once

#include <cstddef>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "pathway/measures.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

// Beyond this many pathways the facts are not read at once (Unavailable, saying so): the caller's page
// would be too slow to draw.
inline constexpr std::size_t kMaxPathwaysForFacts = 200'000;

Result<std::vector<pathway::PathwayFacts>> ReadPathwayFacts(store::Connection& conn, CivilDate as_of);

}  // namespace carevoice::app
