// The engine contract of store/sql.hpp: what every Connection does, whichever engine is behind it.
// Runs on the engine named by CAREVOICE_TEST_DB_URL (ctest runs it on SQLite and on PostgreSQL).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection_test_fixture.hpp"

namespace carevoice::store {
namespace {

TEST_F(ConnectionTest, ReportsTheEngineItsUrlNames) {
    const Engine expected = url_.starts_with("sqlite:") ? Engine::kSqlite : Engine::kPostgres;
    EXPECT_EQ(conn_->engine(), expected);
}

TEST_F(ConnectionTest, PingSucceeds) { EXPECT_TRUE(conn_->Ping().ok()); }

TEST_F(ConnectionTest, IntegersReadBackAsExactIntegers) {
    const std::vector<std::int64_t> values = {0, -1, 42, std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min()};
    for (std::size_t i = 0; i < values.size(); ++i) InsertPatient(static_cast<std::int64_t>(i), "p", Null(), values[i]);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Value v = Read(static_cast<std::int64_t>(i), "visits");
        ASSERT_TRUE(std::holds_alternative<std::int64_t>(v)) << "row " << i;
        EXPECT_EQ(std::get<std::int64_t>(v), values[i]);
    }
}

TEST_F(ConnectionTest, DoublesReadBackAsTheSameDouble) {
    const std::vector<double> values = {0.1, 1.0 / 3.0, 2.0, -2.5e-300, 1e300, 123456.789};
    for (std::size_t i = 0; i < values.size(); ++i) InsertPatient(static_cast<std::int64_t>(i), "p", values[i]);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Value v = Read(static_cast<std::int64_t>(i), "score");
        ASSERT_TRUE(std::holds_alternative<double>(v)) << "row " << i;
        EXPECT_EQ(std::get<double>(v), values[i]);
    }
}

TEST_F(ConnectionTest, TextWithUnicodeAndQuotesRoundTrips) {
    const auto& texts = AwkwardTexts();
    for (std::size_t i = 0; i < texts.size(); ++i) InsertPatient(static_cast<std::int64_t>(i), texts[i]);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const Value v = Read(static_cast<std::int64_t>(i), "name");
        ASSERT_TRUE(std::holds_alternative<std::string>(v)) << "row " << i;
        EXPECT_EQ(std::get<std::string>(v), texts[i]);
    }
}

TEST_F(ConnectionTest, NullParametersReadBackAsNull) {
    InsertPatient(1, Null(), Null(), Null());
    auto row = conn_->QueryOne("SELECT name, score, visits FROM patients WHERE id = 1");
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    for (std::size_t col = 0; col < 3; ++col) EXPECT_TRUE(row->IsNull(col)) << "column " << col;
}

TEST_F(ConnectionTest, EmptyTextIsNotNull) {
    InsertPatient(1, "");
    EXPECT_EQ(Read(1, "name"), Value(std::string()));
    EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM patients WHERE name IS NULL")->Int(0), 0);
}

TEST_F(ConnectionTest, CountReadsAsAnInteger) {
    InsertPatient(1, "a");
    auto row = conn_->QueryOne("SELECT COUNT(*) FROM patients");
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->at(0), Value(std::int64_t{1}));
}

TEST_F(ConnectionTest, QuestionMarksInLiteralsAndQuotedNamesAreNotPlaceholders) {
    ASSERT_TRUE(conn_->ExecuteScript("CREATE TABLE odd (\"what?\" TEXT)").ok());
    ASSERT_TRUE(conn_->Execute("INSERT INTO odd (\"what?\") VALUES (?)", {"x"}).ok());
    auto row = conn_->QueryOne("SELECT '?', 'it''s ?', \"what?\" FROM odd WHERE \"what?\" = ?", {"x"});
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->Text(0), "?");
    EXPECT_EQ(row->Text(1), "it's ?");
    EXPECT_EQ(row->Text(2), "x");
}

TEST_F(ConnectionTest, QuestionMarksInCommentsAreNotPlaceholders) {
    InsertPatient(1, "a");
    auto row = conn_->QueryOne("SELECT name -- which one?\n FROM patients /* ? */ WHERE id = ?", {std::int64_t{1}});
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->Text(0), "a");
}

// PostgreSQL's own behaviour: ctest runs these only on PostgreSQL (CMakeLists.txt filters them out of
// the SQLite run), so on any other engine they fail rather than pass unseen.
class PostgresConnectionTest : public ConnectionTest {
  protected:
    void SetUp() override {
        ConnectionTest::SetUp();
        ASSERT_EQ(conn_->engine(), Engine::kPostgres) << "run this test on PostgreSQL (scripts/with-postgres.sh)";
    }
};

// E'' and $$ strings are PostgreSQL syntax.
TEST_F(PostgresConnectionTest, EscapeAndDollarQuotedStringsHideQuestionMarks) {
    auto row = conn_->QueryOne("SELECT E'it\\'s ?', $$?$$, $tag$ '? $tag$, E'a''\\'?', CAST(? AS TEXT)", {"x"});
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->Text(0), "it's ?");
    EXPECT_EQ(row->Text(1), "?");
    EXPECT_EQ(row->Text(2), " '? ");
    EXPECT_EQ(row->Text(3), "a''?");
    EXPECT_EQ(row->Text(4), "x");
}

TEST_F(ConnectionTest, TooFewParametersIsAnError) {
    EXPECT_FALSE(conn_->Execute("INSERT INTO patients (id, name) VALUES (?, ?)", {std::int64_t{1}}).ok());
    EXPECT_EQ(CountPatients(), 0);
}

TEST_F(ConnectionTest, ExecuteReturnsTheNumberOfRowsChanged) {
    InsertPatient(1, "a", Null(), std::int64_t{1});
    InsertPatient(2, "b", Null(), std::int64_t{5});
    InsertPatient(3, "c", Null(), std::int64_t{9});
    auto updated = conn_->Execute("UPDATE patients SET name = ? WHERE visits > ?", {"z", std::int64_t{2}});
    ASSERT_TRUE(updated.ok()) << updated.status().ToString();
    EXPECT_EQ(*updated, 2);
    auto deleted = conn_->Execute("DELETE FROM patients WHERE id = ?", {std::int64_t{99}});
    ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
    EXPECT_EQ(*deleted, 0);
}

TEST_F(ConnectionTest, ReturningGivesBackTheInsertedRow) {
    auto row =
        conn_->QueryOne("INSERT INTO patients (id, name) VALUES (?, ?) RETURNING id, name", {std::int64_t{42}, "Ann"});
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->at(0), Value(std::int64_t{42}));
    EXPECT_EQ(row->Text(1), "Ann");
    EXPECT_EQ(CountPatients(), 1);
}

TEST_F(ConnectionTest, OnConflictDoUpdateChangesTheExistingRow) {
    InsertPatient(1, "old", Null(), std::int64_t{1});
    const std::string upsert =
        "INSERT INTO patients (id, name, visits) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, visits = patients.visits + excluded.visits";
    auto changed = conn_->Execute(upsert, {std::int64_t{1}, "new", std::int64_t{2}});
    ASSERT_TRUE(changed.ok()) << changed.status().ToString();
    EXPECT_EQ(*changed, 1);
    EXPECT_EQ(CountPatients(), 1);
    EXPECT_EQ(Read(1, "name"), Value("new"));
    EXPECT_EQ(Read(1, "visits"), Value(std::int64_t{3}));
}

TEST_F(ConnectionTest, DuplicatePrimaryKeyIsAlreadyExists) {
    InsertPatient(1, "a");
    auto again = conn_->Execute("INSERT INTO patients (id, name) VALUES (?, ?)", {std::int64_t{1}, "b"});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists) << again.status().ToString();
}

TEST_F(ConnectionTest, NotNullViolationIsInvalidArgument) {
    ASSERT_TRUE(conn_->ExecuteScript("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)").ok());
    auto r = conn_->Execute("INSERT INTO notes (id, body) VALUES (?, ?)", {std::int64_t{1}, Null()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
}

TEST_F(ConnectionTest, ForeignKeyViolationIsInvalidArgument) {
    ASSERT_TRUE(
        conn_
            ->ExecuteScript(
                "CREATE TABLE visits (id BIGINT PRIMARY KEY, patient_id BIGINT NOT NULL REFERENCES patients (id))")
            .ok());
    auto r = conn_->Execute("INSERT INTO visits (id, patient_id) VALUES (?, ?)", {std::int64_t{1}, std::int64_t{7}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
}

TEST_F(ConnectionTest, CheckViolationIsInvalidArgument) {
    ASSERT_TRUE(
        conn_->ExecuteScript("CREATE TABLE ratings (id BIGINT PRIMARY KEY, stars BIGINT CHECK (stars >= 1))").ok());
    auto r = conn_->Execute("INSERT INTO ratings (id, stars) VALUES (?, ?)", {std::int64_t{1}, std::int64_t{0}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
}

TEST_F(ConnectionTest, QueryOneOnNoRowsIsNotFound) {
    auto row = conn_->QueryOne("SELECT id FROM patients WHERE id = ?", {std::int64_t{1}});
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.status().code(), StatusCode::kNotFound);
}

TEST_F(ConnectionTest, ExecuteScriptRunsEveryStatement) {
    Status s = conn_->ExecuteScript(
        "CREATE TABLE wards (id BIGINT PRIMARY KEY, name TEXT);\n"
        "INSERT INTO wards (id, name) VALUES (1, 'Oak; upstairs');\n"
        "INSERT INTO wards (id, name) VALUES (2, 'Elm?');\n");
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM wards")->Int(0), 2);
}

TEST_F(ConnectionTest, ScriptWithAnInvalidStatementFails) {
    EXPECT_FALSE(conn_->ExecuteScript("CREATE TABLE wards (id BIGINT); THIS IS NOT SQL;").ok());
}

TEST_F(ConnectionTest, TransactionWithoutCommitLeavesNothing) {
    {
        auto tx = Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok()) << tx.status().ToString();
        InsertPatient(1, "a");
        EXPECT_EQ(CountPatients(), 1);
    }
    EXPECT_EQ(CountPatients(), 0);
}

TEST_F(ConnectionTest, CommittedTransactionIsKept) {
    {
        auto tx = Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok()) << tx.status().ToString();
        InsertPatient(1, "a");
        InsertPatient(2, "b");
        Status committed = tx->Commit();
        ASSERT_TRUE(committed.ok()) << committed.ToString();
    }
    EXPECT_EQ(CountPatients(), 2);
}

TEST_F(ConnectionTest, RollbackAfterAFailedStatementLeavesTheConnectionUsable) {
    ASSERT_TRUE(conn_->Begin().ok());
    InsertPatient(1, "a");
    EXPECT_FALSE(conn_->Execute("INSERT INTO patients (id, name) VALUES (1, 'again')").ok());
    Status rolled_back = conn_->Rollback();
    ASSERT_TRUE(rolled_back.ok()) << rolled_back.ToString();
    EXPECT_EQ(CountPatients(), 0);
    InsertPatient(1, "after");
    EXPECT_EQ(Read(1, "name"), Value("after"));
}

TEST_F(ConnectionTest, UnreachablePostgresIsUnavailableAndHidesThePassword) {
    auto conn = OpenPostgres("postgresql://carevoice:sekret-pw@127.0.0.1:1/nowhere?connect_timeout=5");
    ASSERT_FALSE(conn.ok());
    EXPECT_EQ(conn.status().code(), StatusCode::kUnavailable) << conn.status().ToString();
    EXPECT_EQ(conn.status().message().find("sekret-pw"), std::string::npos) << conn.status().message();
}

// Ends this test's PostgreSQL session from another one, as a server restart or failover would.
void TerminateSession(const std::string& url, Connection& victim) {
    auto pid = victim.QueryOne("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.ok()) << pid.status().ToString();
    auto other = OpenPostgres(url);
    ASSERT_TRUE(other.ok()) << other.status().ToString();
    auto killed = (*other)->QueryOne("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {pid->Int(0)});
    ASSERT_TRUE(killed.ok()) << killed.status().ToString();
}

// A PostgreSQL session can be ended by the server.
TEST_F(PostgresConnectionTest, SessionLostOutsideATransactionIsReplaced) {
    TerminateSession(url_, *conn_);
    auto failed = conn_->Query("SELECT 1");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable) << failed.status().ToString();
    EXPECT_TRUE(conn_->Ping().ok());
}

TEST_F(PostgresConnectionTest, SessionLostInATransactionCannotCommit) {
    ASSERT_TRUE(conn_->Begin().ok());
    InsertPatient(1, "a");
    TerminateSession(url_, *conn_);
    EXPECT_FALSE(conn_->Execute("INSERT INTO patients (id, name) VALUES (2, 'b')").ok());
    Status committed = conn_->Commit();
    EXPECT_EQ(committed.code(), StatusCode::kUnavailable) << committed.ToString();
    (void)conn_->Rollback();
    EXPECT_EQ(CountPatients(), 0);
}

}  // namespace
}  // namespace carevoice::store
