// Numbered schema migrations. Each version is applied once, in its own transaction, and recorded
// in schema_migrations; running them again is a no-op. SQL files may use the tokens {{id}} (an
// auto-numbered BIGINT primary key) and {{now}}; engine-only files end .sqlite.sql / .postgres.sql.
#pragma once

#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

using MigrationFile = EmbeddedFile;

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;  // tokens already substituted for the engine
};

const std::vector<MigrationFile>& EmbeddedMigrationFiles();

// Groups files by version for one engine, in order. Fails on a badly named file.
Result<std::vector<Migration>> MigrationsFor(Engine engine, const std::vector<MigrationFile>& files);

struct MigrationReport {
    std::vector<std::string> applied;  // names applied by this run
    int current_version = 0;
};

// Applies what is missing. Safe to run concurrently from several servers on PostgreSQL
// (an advisory lock serialises them) and on SQLite (BEGIN IMMEDIATE does).
Result<MigrationReport> Migrate(Connection& conn, const std::vector<MigrationFile>& files = EmbeddedMigrationFiles());

}  // namespace carevoice::store
