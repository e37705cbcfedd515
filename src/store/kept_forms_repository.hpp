// Forms kept while their sender signs in again (migration 0012): a token's hash, the page to return to, and
// the fields as JSON. Bounded: a row lasts kKeptFormSeconds, and at most kMaxKeptForms are held (the oldest
// give way), so that visitors who are not signed in cannot fill the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

inline constexpr std::int64_t kKeptFormSeconds = 2 * 60 * 60;
inline constexpr std::int64_t kMaxKeptForms = 10'000;

class KeptFormsRepository {
  public:
    explicit KeptFormsRepository(Connection& conn) : conn_(conn) {}

    // Keeps the fields under the token's hash (replacing any kept under it), after deleting what has expired
    // and, beyond kMaxKeptForms, the oldest.
    Status Keep(const std::string& token_hash, const std::string& return_path, const std::string& fields_json,
                std::int64_t now);
    // The fields kept under the hash for this return path, if not expired; the row is deleted either way (one
    // use). None when there is nothing (or it was for another page).
    Result<std::optional<std::string>> Take(const std::string& token_hash, const std::string& return_path,
                                            std::int64_t now);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
