// Organisations (trusts, CCGs, cancer alliances, the nation) identified by their ODS code, with
// the hierarchy trust/CCG -> cancer alliance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct Organisation {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string level;  // trust, ccg, alliance, national, other
    std::optional<std::int64_t> parent_id;
};

class OrganisationsRepository {
  public:
    explicit OrganisationsRepository(Connection& conn) : conn_(conn) {}
    // Inserts, or updates name, level and parent of the organisation with that code.
    Result<Organisation> Upsert(const Organisation& org, std::int64_t now);
    Result<Organisation> FindByCode(const std::string& code);
    Result<Organisation> FindById(std::int64_t id);
    Result<std::vector<Organisation>> List(const std::optional<std::string>& level = std::nullopt);
    // Case-insensitive match on name or code, best (code equal, then prefix) first.
    Result<std::vector<Organisation>> Search(const std::string& query, int limit = 20);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
