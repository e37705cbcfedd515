// The `carevoice` command line: each subcommand registers itself on the CLI11 app. Commands that
// touch data take --db URL (default: $CAREVOICE_DB, else sqlite:var/carevoice.db).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/accounts.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::cli {

// Adds --db to a subcommand, bound to `url`.
void AddDbOption(CLI::App& cmd, std::string& url);
std::string DefaultDbUrl();
// Adds --max-unpacked-mb (default: $CAREVOICE_MAX_UNPACKED_MB, else 512), bound to `mb`: the most text a
// .gz file may unpack to.
void AddMaxUnpackedOption(CLI::App& cmd, std::size_t& mb);
// A status saying the limit was passed gains how to raise it.
Status WithMaxUnpackedHint(Status status);
// Creates the folder of a sqlite: database path if it does not exist yet.
Status EnsureDatabaseFolder(const std::string& url);
// Opens the database at `url` and applies pending migrations; creates var/ for the default path.
Result<std::shared_ptr<store::Database>> OpenDatabase(const std::string& url, std::size_t pool = 1);

void RegisterServe(CLI::App& app);
void RegisterMigrate(CLI::App& app);
void RegisterUser(CLI::App& app);
void RegisterDemo(CLI::App& app);
void RegisterImport(CLI::App& app);
void RegisterRatings(CLI::App& app);
void RegisterSpc(CLI::App& app);
void RegisterClocks(CLI::App& app);

// Thrown by a command's callback to end the program with this exit code (CLI11 runs callbacks
// inside parse(), so main() turns it into the return value).
struct ExitCode {
    int code;
};

// The actor recorded in the audit log for command-line changes.
app::Actor CommandLineActor();

// Prints "carevoice: <message>" (and any details) on stderr; returns the exit code to use.
int Fail(const Status& status);

}  // namespace carevoice::cli
