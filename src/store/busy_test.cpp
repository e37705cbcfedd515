// A lock another connection holds for longer than this connection will wait is reported as kBusy on
// both engines, so that the web layer can answer 503 with Retry-After instead of an internal error.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "store/sql.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

class BusyTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const std::string url = testing::FreshDatabaseUrl();
        auto factory = FactoryForUrl(url);
        ASSERT_TRUE(factory.ok()) << factory.status().ToString();
        auto holder = (*factory)();
        auto waiter = (*factory)();
        ASSERT_TRUE(holder.ok() && waiter.ok());
        holder_ = std::move(*holder);
        waiter_ = std::move(*waiter);
        ASSERT_TRUE(holder_->ExecuteScript("CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT)").ok());
        ASSERT_TRUE(holder_->Execute("INSERT INTO counters (id, n) VALUES (1, 0)").ok());
        // Wait a twentieth of a second for a lock, not the engine's default, so the test is quick.
        Status shortened = waiter_->ExecuteScript(waiter_->engine() == Engine::kSqlite ? "PRAGMA busy_timeout = 50"
                                                                                       : "SET lock_timeout = '50ms'");
        ASSERT_TRUE(shortened.ok()) << shortened.ToString();
    }
    std::unique_ptr<Connection> holder_;
    std::unique_ptr<Connection> waiter_;
};

TEST_F(BusyTest, AWriteLockHeldByAnotherConnectionIsBusyNotInternal) {
    ASSERT_TRUE(holder_->Begin().ok());
    ASSERT_TRUE(holder_->Execute("UPDATE counters SET n = n + 1 WHERE id = 1").ok());

    Status s = waiter_->Begin();
    if (s.ok()) s = waiter_->Execute("UPDATE counters SET n = n + 1 WHERE id = 1").status();
    EXPECT_EQ(s.code(), StatusCode::kBusy) << s.ToString();
    EXPECT_EQ(s.CodeName(), "busy");
    (void)waiter_->Rollback();
    EXPECT_TRUE(holder_->Rollback().ok());
}

// Within the engine's wait (SQLite's busy timeout, PostgreSQL's lock wait), a writer that meets another's
// transaction waits for it and then writes; it is not refused.
TEST(BusyWaitTest, AWriterWaitsForATransactionThatEndsAndThenWrites) {
    const std::string url = testing::FreshDatabaseUrl();
    auto factory = FactoryForUrl(url);
    ASSERT_TRUE(factory.ok()) << factory.status().ToString();
    auto holder = (*factory)();
    auto writer = (*factory)();
    ASSERT_TRUE(holder.ok() && writer.ok());
    ASSERT_TRUE((*holder)->ExecuteScript("CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT)").ok());
    ASSERT_TRUE((*holder)->Execute("INSERT INTO counters (id, n) VALUES (1, 0)").ok());
    ASSERT_TRUE((*holder)->Begin().ok());
    ASSERT_TRUE((*holder)->Execute("UPDATE counters SET n = n + 1 WHERE id = 1").ok());
    auto waited = std::async(
        std::launch::async, [&] { return (*writer)->Execute("UPDATE counters SET n = n + 10 WHERE id = 1").status(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the writer meet the lock (order only)
    ASSERT_TRUE((*holder)->Commit().ok());
    const Status s = waited.get();
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto n = (*holder)->QueryOne("SELECT n FROM counters WHERE id = 1");
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->Int(0), 11);
}

}  // namespace
}  // namespace carevoice::store
