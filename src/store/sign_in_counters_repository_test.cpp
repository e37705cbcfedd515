// Contract: sign-in counters record the first attempts of a window and count the rest, and an ended
// window is handed out once, the same on SQLite and PostgreSQL.
#include "store/sign_in_counters_repository.hpp"

#include <gtest/gtest.h>

#include "store/migrations.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

class SignInCountersRepositoryTest : public testing::MigratedDatabaseTest {};

TEST_F(SignInCountersRepositoryTest, FirstAttemptsUpToTheLimitAreRecordedTheRestCounted) {
    SignInCountersRepository repo(*conn_);
    const CounterWindow minute{"address", "192.0.2.7", 600, 660};
    std::vector<bool> recorded;
    for (int i = 0; i < 6; ++i) recorded.push_back(*repo.Take(minute, 3));
    EXPECT_EQ(recorded, (std::vector<bool>{true, true, true, false, false, false}));
    // Another address, and the same address's next minute, have windows of their own.
    EXPECT_TRUE(*repo.Take({"address", "192.0.2.8", 600, 660}, 3));
    EXPECT_TRUE(*repo.Take({"address", "192.0.2.7", 660, 720}, 3));
}

TEST_F(SignInCountersRepositoryTest, EndedWindowsAreHandedOutOnceWithTheirCounts) {
    SignInCountersRepository repo(*conn_);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(repo.Take({"account_lock", "ann", 100, 1000}, 1).ok());
    ASSERT_TRUE(repo.Take({"address", "192.0.2.7", 600, 660}, 10).ok());
    ASSERT_TRUE(repo.Take({"address", "192.0.2.7", 960, 1020}, 10).ok());  // not yet ended at 1000

    auto ended = repo.TakeEnded(1000, 100);
    ASSERT_TRUE(ended.ok()) << ended.status().ToString();
    ASSERT_EQ(ended->size(), 2u);
    EXPECT_EQ((*ended)[0].window.scope, "address");
    EXPECT_EQ((*ended)[0].recorded, 1);
    EXPECT_EQ((*ended)[0].counted, 0);
    EXPECT_EQ((*ended)[1].window.scope, "account_lock");
    EXPECT_EQ((*ended)[1].window.subject, "ann");
    EXPECT_EQ((*ended)[1].window.start, 100);
    EXPECT_EQ((*ended)[1].window.end, 1000);
    EXPECT_EQ((*ended)[1].recorded, 1);
    EXPECT_EQ((*ended)[1].counted, 4);
    EXPECT_TRUE(repo.TakeEnded(1000, 100)->empty());  // each once
    EXPECT_EQ(repo.TakeEnded(1020, 100)->size(), 1u);
}

TEST_F(SignInCountersRepositoryTest, TakeEndedStopsAtItsBound) {
    SignInCountersRepository repo(*conn_);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(repo.Take({"address", "192.0.2." + std::to_string(i), 0, 60}, 1).ok());
    EXPECT_EQ(repo.TakeEnded(60, 2)->size(), 2u);
    EXPECT_EQ(repo.TakeEnded(60, 100)->size(), 3u);
}

}  // namespace
}  // namespace carevoice::store
