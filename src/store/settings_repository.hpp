// Server-wide settings kept in the database, so that every carevoice server behind a load
// balancer shares them (e.g. the secret that signs CSRF tokens).
#pragma once

#include <optional>
#include <string>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class SettingsRepository {
  public:
    explicit SettingsRepository(Connection& conn) : conn_(conn) {}
    Result<std::optional<std::string>> Get(const std::string& name);
    Status Set(const std::string& name, const std::string& value);
    // Stores `value` only if the setting is absent, and returns whichever value is stored: two
    // servers starting together agree on one secret.
    Result<std::string> GetOrInsert(const std::string& name, const std::string& value);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
