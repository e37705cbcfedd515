// Test helper: a new, empty database for one test, on the engine named by CAREVOICE_TEST_DB_URL
// ("sqlite:" by default; scripts/with-postgres.sh sets a postgresql:// URL). Compiled into test
// programs only. Not thread-safe: tests in one program run one after another.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/status.hpp"
#include "store/migrations.hpp"
#include "store/sql.hpp"

namespace carevoice::store::testing {

// The environment variable that selects the engine under test.
inline constexpr const char* kTestDatabaseUrlEnv = "CAREVOICE_TEST_DB_URL";

// "sqlite:" -> a new temporary file (removed when the program exits). A postgresql:// URL -> the
// same database with its `public` schema dropped and recreated, so every earlier table is gone;
// the database's name must contain "test", to keep this away from real data. A failure is
// reported as a GoogleTest failure of the running test.
std::string FreshDatabaseUrl();

// A connection to FreshDatabaseUrl().
Result<std::unique_ptr<Connection>> OpenFreshConnection();

// A fixture holding `conn_`: a fresh database with every migration applied, for each test.
class MigratedDatabaseTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto conn = OpenFreshConnection();
        ASSERT_TRUE(conn.ok()) << conn.status().ToString();
        conn_ = std::move(*conn);
        auto migrated = Migrate(*conn_);
        ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
    }
    std::unique_ptr<Connection> conn_;
};

}  // namespace carevoice::store::testing
