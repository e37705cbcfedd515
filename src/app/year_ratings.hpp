// Loading a year's published results from storage and rating them (experience/benchmarking.hpp):
// the one path the pages, the JSON API and `carevoice ratings` / `carevoice buddy` all use.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "experience/benchmarking.hpp"
#include "experience/level_rules.hpp"
#include "store/experience_repository.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

// kPublishedIfAvailable: the published parameters (trusts) or the level's published ranges (CCGs, alliances);
// kOwnEstimate: carevoice's own centre and τ² for every question. experience/level_rules.hpp has the rule.
using ParameterChoice = experience::ParameterChoice;

struct LoadedRatings {
    int year = 0;
    std::string level;
    std::vector<store::StoredResult> stored;             // as loaded, All Cancers, adjusted
    std::vector<experience::PublishedResult> inputs;     // same order as stored
    std::vector<experience::QuestionParameters> params;  // the parameters that were available
    experience::LevelRule rule;                          // how this level was judged
    experience::YearRatings ratings;                     // points into `inputs`
};

// Rates every organisation of `level` ("trust", "ccg", "alliance") on every question of `year`
// (kind adjusted). `override_params`, when given, replaces the stored parameters.
Result<std::shared_ptr<const LoadedRatings>> LoadYearRatings(
    store::Connection& conn, int year, const std::string& level, ParameterChoice choice, int suppression_threshold,
    const std::optional<std::vector<experience::QuestionParameters>>& override_params = std::nullopt);

}  // namespace carevoice::app
