// AuditBatcher on both engines: rows of many threads written together, each committed before its caller
// goes on, none lost or doubled; a connection inside a transaction is refused (its row belongs there).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/audit_repository.hpp"
#include "store/migrations.hpp"
#include "store/sql.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

AuditEntry Row(const std::string& request_id) {
    AuditEntry e;
    e.at = 1'780'000'000;
    e.username = "batcher";
    e.role = "coordinator";
    e.action = "pathway.tracking.view";
    e.record_type = "tracking";
    e.outcome = "success";
    e.request_id = request_id;
    return e;
}

TEST(AuditBatcherTest, RowsOfManyThreadsAreEachCommittedBeforeTheirCallerGoesOn) {
    const std::string url = testing::FreshDatabaseUrl();
    auto factory = FactoryForUrl(url);
    ASSERT_TRUE(factory.ok()) << factory.status().ToString();
    {
        auto conn = (*factory)();
        ASSERT_TRUE(conn.ok());
        ASSERT_TRUE(Migrate(**conn).ok());
    }
    constexpr int kThreads = 8, kRows = 60;
    std::vector<std::unique_ptr<Connection>> conns;
    for (int t = 0; t < kThreads; ++t) {
        auto conn = (*factory)();
        ASSERT_TRUE(conn.ok()) << conn.status().ToString();
        conns.push_back(std::move(*conn));
    }
    AuditBatcher batcher;
    std::atomic<int> failures{0}, unseen{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kRows; ++i) {
                const std::string id = "r" + std::to_string(t) + "-" + std::to_string(i);
                if (!batcher.Append(*conns[t], Row(id)).ok()) {
                    ++failures;
                    continue;
                }
                // Committed: any connection sees it now.
                auto seen = conns[t]->QueryOne("SELECT COUNT(*) FROM audit_log WHERE request_id = ?", {id});
                if (!seen.ok() || seen->Int(0) != 1) ++unseen;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(unseen.load(), 0);
    auto rows = conns[0]->Query("SELECT request_id FROM audit_log WHERE username = 'batcher'");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    std::set<std::string> ids;
    for (const auto& r : *rows) ids.insert(r.Text(0));
    EXPECT_EQ(rows->size(), static_cast<std::size_t>(kThreads * kRows));  // none doubled
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kRows));    // none lost
}

TEST(AuditBatcherTest, AConnectionInATransactionIsRefusedAndNothingIsWritten) {
    auto conn = testing::OpenFreshConnection();
    ASSERT_TRUE(conn.ok()) << conn.status().ToString();
    ASSERT_TRUE(Migrate(**conn).ok());
    AuditBatcher batcher;
    ASSERT_FALSE((*conn)->InTransaction());
    ASSERT_TRUE((*conn)->Begin().ok());
    EXPECT_TRUE((*conn)->InTransaction());
    const Status refused = batcher.Append(**conn, Row("in-a-transaction"));
    EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition) << refused.ToString();
    ASSERT_TRUE((*conn)->Rollback().ok());
    EXPECT_FALSE((*conn)->InTransaction());
    EXPECT_TRUE(batcher.Append(**conn, Row("alone")).ok());  // the batcher is not left waiting
    auto n = (*conn)->QueryOne("SELECT COUNT(*) FROM audit_log WHERE username = 'batcher'");
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->Int(0), 1);
}

}  // namespace
}  // namespace carevoice::store
