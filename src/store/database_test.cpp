// The connection pool's background checkpoints: on SQLite, commits of the pool's connections leave the
// write-ahead log to grow and a thread of the pool's own moves it into the database file; on PostgreSQL
// there is nothing to do.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "store/sql.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

TEST(DatabaseTest, BackgroundCheckpointsMoveTheLogIntoTheFileAndCommitsLeaveItToThem) {
    const std::string url = testing::FreshDatabaseUrl();
    auto db = Database::Open(url, 2);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->StartBackgroundCheckpoints(std::chrono::milliseconds(20)).ok());
    ASSERT_TRUE((*db)->StartBackgroundCheckpoints(std::chrono::milliseconds(20)).ok());  // once is enough
    if ((*db)->engine() != Engine::kSqlite) return;                                      // PostgreSQL: nothing to check
    const std::filesystem::path file = url.substr(std::string("sqlite:").size());
    {
        auto conn = (*db)->Acquire();
        auto autocheckpoint = conn->QueryOne("PRAGMA wal_autocheckpoint");
        ASSERT_TRUE(autocheckpoint.ok()) << autocheckpoint.status().ToString();
        EXPECT_EQ(autocheckpoint->Int(0), 0);  // a commit never stops to checkpoint
        ASSERT_TRUE(conn->ExecuteScript("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT)").ok());
        const std::string body(200, 'x');
        for (int i = 0; i < 2'000; ++i) {  // 2,000 commits, more than the 1,000 pages a commit would stop at
            ASSERT_TRUE(conn->Execute("INSERT INTO notes (id, body) VALUES (?, ?)", {i, body}).ok());
        }
    }
    // Only a checkpoint writes the rows into the database file itself (400 KB of them).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::filesystem::file_size(file) < 400'000 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_GE(std::filesystem::file_size(file), 400'000u);
}

}  // namespace
}  // namespace carevoice::store
