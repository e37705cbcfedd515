#include "store/test_database.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkstemps
#include <unistd.h>  // close

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <vector>

namespace carevoice::store::testing {
namespace {

constexpr std::string_view kSqliteUrl = "sqlite:";
constexpr std::string_view kEmptyPublicSchema = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;";

// SQLite files made by this program, removed at exit together with their journal companions.
class TempFiles {
  public:
    ~TempFiles() {
        for (const std::string& path : paths_) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
        }
    }
    void Add(std::string path) {
        std::lock_guard lock(mu_);
        paths_.push_back(std::move(path));
    }

  private:
    std::mutex mu_;
    std::vector<std::string> paths_;
};

TempFiles& TempFilesMade() {
    static TempFiles files;
    return files;
}

std::string NewSqliteUrl() {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/carevoice-test-XXXXXX.db";
    const int fd = mkstemps(path.data(), 3);  // 3 = strlen(".db")
    if (fd < 0) {
        ADD_FAILURE() << "cannot create a temporary SQLite file " << path;
        return std::string(kSqliteUrl) + ":memory:";
    }
    close(fd);  // an empty file is an empty SQLite database
    TempFilesMade().Add(path);
    return std::string(kSqliteUrl) + path;
}

// "postgresql://user@host:port/name?options" -> "name".
std::string_view DatabaseName(std::string_view url) {
    const std::size_t authority = url.find("://");
    if (authority == std::string_view::npos) return {};
    const std::size_t slash = url.find('/', authority + 3);
    if (slash == std::string_view::npos) return {};
    std::string_view name = url.substr(slash + 1);
    return name.substr(0, name.find('?'));
}

std::string EmptiedPostgresUrl(const std::string& url) {
    // Dropping `public` destroys every table in it: refuse anything that is not plainly for tests.
    if (DatabaseName(url).find("test") == std::string_view::npos) {
        ADD_FAILURE() << "refusing to empty " << RedactUrl(url) << ": " << kTestDatabaseUrlEnv
                      << " must name a database with \"test\" in its name";
        return url;
    }
    auto conn = OpenPostgres(url);
    if (!conn.ok()) {
        ADD_FAILURE() << "cannot open the test database: " << conn.status().ToString();
        return url;
    }
    Status emptied = (*conn)->ExecuteScript(kEmptyPublicSchema);
    if (!emptied.ok()) ADD_FAILURE() << "cannot empty the test database: " << emptied.ToString();
    return url;
}

}  // namespace

std::string FreshDatabaseUrl() {
    const char* env = std::getenv(kTestDatabaseUrlEnv);
    const std::string url = env && *env ? env : std::string(kSqliteUrl);
    if (url == kSqliteUrl) return NewSqliteUrl();
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return EmptiedPostgresUrl(url);
    ADD_FAILURE() << kTestDatabaseUrlEnv << " is " << RedactUrl(url)
                  << "; expected \"sqlite:\" or a postgresql:// URL (see scripts/with-postgres.sh)";
    return url;
}

Result<std::unique_ptr<Connection>> OpenFreshConnection() {
    CV_ASSIGN_OR_RETURN(ConnectionFactory factory, FactoryForUrl(FreshDatabaseUrl()));
    return factory();
}

}  // namespace carevoice::store::testing
