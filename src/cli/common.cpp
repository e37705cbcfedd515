#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.hpp"
#include "core/file.hpp"
#include "store/migrations.hpp"

namespace carevoice::cli {

std::string DefaultDbUrl() {
    const char* env = std::getenv("CAREVOICE_DB");
    return env && *env ? env : "sqlite:var/carevoice.db";
}

void AddDbOption(CLI::App& cmd, std::string& url) {
    url = DefaultDbUrl();
    cmd.add_option("--db", url,
                   "Database URL: sqlite:PATH or postgresql://user@host:port/name (default: $CAREVOICE_DB, else "
                   "sqlite:var/carevoice.db)");
}

void AddMaxUnpackedOption(CLI::App& cmd, std::size_t& mb) {
    mb = kDefaultMaxUnpackedBytes >> 20;
    cmd.add_option("--max-unpacked-mb", mb,
                   "The most text, in MB, a file may hold once a .gz is unpacked; larger ones are refused (default: "
                   "$CAREVOICE_MAX_UNPACKED_MB, else 512)")
        ->envname("CAREVOICE_MAX_UNPACKED_MB")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
}

Status WithMaxUnpackedHint(Status status) {
    if (status.code() != StatusCode::kResourceExhausted) return status;
    return Status::ResourceExhausted(status.message() +
                                     " (raise it with --max-unpacked-mb or CAREVOICE_MAX_UNPACKED_MB)");
}

Status EnsureDatabaseFolder(const std::string& url) {
    if (url.rfind("sqlite:", 0) != 0) return Status::Ok();
    std::filesystem::path path(url.substr(7));
    if (!path.has_parent_path()) return Status::Ok();
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return Status::Unavailable("cannot create the folder " + path.parent_path().string() + ": " + ec.message());
    return Status::Ok();
}

Result<std::shared_ptr<store::Database>> OpenDatabase(const std::string& url, std::size_t pool) {
    CV_RETURN_IF_ERROR(EnsureDatabaseFolder(url));
    CV_ASSIGN_OR_RETURN(auto db, store::Database::Open(url, pool));
    auto conn = db->Acquire();
    CV_RETURN_IF_ERROR(store::Migrate(*conn).status());
    return db;
}

int Fail(const Status& status) {
    std::fprintf(stderr, "carevoice: %s\n", status.ToString().c_str());
    return 1;
}

}  // namespace carevoice::cli
