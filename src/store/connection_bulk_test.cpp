// The bulk-insert part of the engine contract of store/sql.hpp (StartBulkInsert): SQLite's prepared INSERT
// and PostgreSQL's COPY load the same rows, roll back the same way, and only SQLite skips stored rows.
// Runs on the engine named by CAREVOICE_TEST_DB_URL, like connection_test.cpp.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection_test_fixture.hpp"

namespace carevoice::store {
namespace {
// Row i of the bulk-load tests; every column is NULL in some rows, and text cycles through
// AwkwardTexts(), with a long one every tenth row so the load spans several COPY chunks.
struct BulkRow {
    std::int64_t id;
    std::optional<std::string> name;
    std::optional<double> score;
    std::optional<std::int64_t> visits;
};

BulkRow MakeBulkRow(std::int64_t i) {
    const auto& texts = AwkwardTexts();
    BulkRow row{i, texts[static_cast<std::size_t>(i) % texts.size()], static_cast<double>(i) * 0.1, i * 3};
    if (i % 10 == 0) {
        for (int repeat = 0; repeat < 80; ++repeat) *row.name += texts[static_cast<std::size_t>(repeat) % texts.size()];
    }
    if (i % 7 == 3) row.name.reset();
    if (i % 11 == 4) row.score.reset();
    if (i % 13 == 5) row.visits.reset();
    return row;
}

template <typename T>
ValueRef RefOrNull(const std::optional<T>& v) {
    if (!v) return std::monostate{};
    return ValueRef(*v);
}

Status LoadBulkRows(Connection& conn, std::int64_t count) {
    CV_ASSIGN_OR_RETURN(auto inserter, conn.StartBulkInsert("patients", {"id", "name", "score", "visits"}));
    for (std::int64_t i = 0; i < count; ++i) {
        const BulkRow row = MakeBulkRow(i);
        const ValueRef values[] = {row.id, RefOrNull(row.name), RefOrNull(row.score), RefOrNull(row.visits)};
        CV_RETURN_IF_ERROR(inserter->AddRow(values));
    }
    return inserter->Finish();
}

TEST_F(ConnectionTest, BulkInsertRoundTripsAwkwardRowsExactly) {
    {
        auto tx = Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok()) << tx.status().ToString();
        Status loaded = LoadBulkRows(*conn_, kBulkRows);
        ASSERT_TRUE(loaded.ok()) << loaded.ToString();
        ASSERT_TRUE(tx->Commit().ok());
    }
    auto rows = conn_->Query("SELECT id, name, score, visits FROM patients ORDER BY id");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), static_cast<std::size_t>(kBulkRows));
    for (std::int64_t i = 0; i < kBulkRows; ++i) {
        const Row& got = (*rows)[static_cast<std::size_t>(i)];
        const BulkRow want = MakeBulkRow(i);
        ASSERT_EQ(got.at(0), Value(want.id));
        ASSERT_EQ(got.at(1), OrNull(want.name)) << "row " << i;
        ASSERT_EQ(got.at(2), OrNull(want.score)) << "row " << i;
        ASSERT_EQ(got.at(3), OrNull(want.visits)) << "row " << i;
    }
}

TEST_F(ConnectionTest, BulkInsertThenRollbackWritesNothing) {
    ASSERT_TRUE(conn_->Begin().ok());
    Status loaded = LoadBulkRows(*conn_, 500);
    ASSERT_TRUE(loaded.ok()) << loaded.ToString();
    ASSERT_TRUE(conn_->Rollback().ok());
    EXPECT_EQ(CountPatients(), 0);
}

TEST_F(ConnectionTest, FailedBulkInsertThenRollbackLeavesTheConnectionUsable) {
    ASSERT_TRUE(conn_->Begin().ok());
    {
        auto inserter = conn_->StartBulkInsert("patients", {"id", "name"});
        ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
        Status status;
        for (std::int64_t i = 0; i < 100 && status.ok(); ++i) {
            const ValueRef values[] = {i % 50, std::string_view("dup")};  // ids 0..49 twice
            status = (*inserter)->AddRow(values);
        }
        if (status.ok()) status = (*inserter)->Finish();
        EXPECT_EQ(status.code(), StatusCode::kAlreadyExists) << status.ToString();
    }
    Status rolled_back = conn_->Rollback();
    ASSERT_TRUE(rolled_back.ok()) << rolled_back.ToString();
    EXPECT_EQ(CountPatients(), 0);
    InsertPatient(1, "after");
    EXPECT_EQ(CountPatients(), 1);
}

TEST_F(ConnectionTest, RollbackWhileABulkInsertIsOpenDiscardsIt) {
    ASSERT_TRUE(conn_->Begin().ok());
    auto inserter = conn_->StartBulkInsert("patients", {"id", "name"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
    for (std::int64_t i = 0; i < 10; ++i) {
        const ValueRef values[] = {i, std::string_view("unfinished")};
        ASSERT_TRUE((*inserter)->AddRow(values).ok());
    }
    Status rolled_back = conn_->Rollback();
    ASSERT_TRUE(rolled_back.ok()) << rolled_back.ToString();
    inserter->reset();
    EXPECT_EQ(CountPatients(), 0);
    InsertPatient(1, "after");
    EXPECT_EQ(CountPatients(), 1);
}

TEST_F(ConnectionTest, BulkInsertRowWithTheWrongNumberOfValuesIsRejected) {
    ASSERT_TRUE(conn_->Begin().ok());
    auto inserter = conn_->StartBulkInsert("patients", {"id", "name"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
    const ValueRef values[] = {std::int64_t{1}};
    EXPECT_FALSE((*inserter)->AddRow(values).ok());
    EXPECT_TRUE(conn_->Rollback().ok());
}

TEST_F(ConnectionTest, BulkInsertSkippingStoredRowsSaysWhichItSkippedOnSqliteAndIsRefusedByCopy) {
    InsertPatient(3, "stored");
    ASSERT_TRUE(conn_->Begin().ok());
    auto inserter = conn_->StartBulkInsert("patients", {"id", "name"}, BulkConflict::kSkipStored);
    if (conn_->engine() == Engine::kPostgres) {
        EXPECT_EQ(inserter.status().code(), StatusCode::kFailedPrecondition) << inserter.status().ToString();
        EXPECT_TRUE(conn_->Rollback().ok());
        return;
    }
    ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
    std::vector<bool> added;
    for (std::int64_t id : {1, 2, 3, 2}) {
        const ValueRef values[] = {id, std::string_view("new")};
        auto one = (*inserter)->AddRowUnlessStored(values);
        ASSERT_TRUE(one.ok()) << one.status().ToString();
        added.push_back(*one);
    }
    EXPECT_EQ(added, (std::vector<bool>{true, true, false, false}));
    ASSERT_TRUE((*inserter)->Finish().ok());
    ASSERT_TRUE(conn_->Commit().ok());
    EXPECT_EQ(CountPatients(), 3);
    auto kept = conn_->QueryOne("SELECT name FROM patients WHERE id = 3");
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->Text(0), "stored");  // skipped, not overwritten
}

TEST_F(ConnectionTest, AnEmptyViewIsEmptyTextNotNull) {
    ASSERT_TRUE(conn_->Begin().ok());
    {
        auto inserter = conn_->StartBulkInsert("patients", {"id", "name"});
        ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
        const ValueRef values[] = {std::int64_t{1}, std::string_view()};
        ASSERT_TRUE((*inserter)->AddRow(values).ok());
        ASSERT_TRUE((*inserter)->Finish().ok());
    }
    ASSERT_TRUE(conn_->Commit().ok());
    EXPECT_EQ(Read(1, "name"), Value(std::string()));
}

TEST_F(ConnectionTest, AnInserterNotStartedToSkipRefusesToSkip) {
    ASSERT_TRUE(conn_->Begin().ok());
    auto inserter = conn_->StartBulkInsert("patients", {"id", "name"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().ToString();
    const ValueRef values[] = {std::int64_t{1}, std::string_view("x")};
    EXPECT_EQ((*inserter)->AddRowUnlessStored(values).status().code(), StatusCode::kFailedPrecondition);
    EXPECT_TRUE(conn_->Rollback().ok());
}

}  // namespace
}  // namespace carevoice::store
