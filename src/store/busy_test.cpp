// A lock another connection holds for longer than this connection will wait is reported as kBusy on
// both engines, so that the web layer can answer 503 with Retry-After instead of an internal error.
#include <gtest/gtest.h>

#include <memory>
#include <string>

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

}  // namespace
}  // namespace carevoice::store
