// The fixture of the engine contract tests (connection_test.cpp, connection_bulk_test.cpp): a fresh database
// of the engine named by CAREVOICE_TEST_DB_URL with one table, patients.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {

inline constexpr std::int64_t kBulkRows = 10000;

class ConnectionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        url_ = testing::FreshDatabaseUrl();
        auto factory = FactoryForUrl(url_);
        ASSERT_TRUE(factory.ok()) << factory.status().ToString();
        auto conn = (*factory)();
        ASSERT_TRUE(conn.ok()) << conn.status().ToString();
        conn_ = std::move(*conn);
        Status created = conn_->ExecuteScript(
            "CREATE TABLE patients (id BIGINT PRIMARY KEY, name TEXT, score DOUBLE PRECISION, visits BIGINT)");
        ASSERT_TRUE(created.ok()) << created.ToString();
    }

    void InsertPatient(std::int64_t id, Value name, Value score = Null(), Value visits = Null()) {
        auto inserted = conn_->Execute("INSERT INTO patients (id, name, score, visits) VALUES (?, ?, ?, ?)",
                                       {id, std::move(name), std::move(score), std::move(visits)});
        ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
    }

    std::int64_t CountPatients() {
        auto row = conn_->QueryOne("SELECT COUNT(*) FROM patients");
        EXPECT_TRUE(row.ok()) << row.status().ToString();
        return row.ok() ? row->Int(0) : -1;
    }

    Value Read(std::int64_t id, std::string_view column) {
        auto row = conn_->QueryOne("SELECT " + std::string(column) + " FROM patients WHERE id = ?", {id});
        EXPECT_TRUE(row.ok()) << row.status().ToString();
        return row.ok() ? row->at(0) : Null();
    }

    std::string url_;
    std::unique_ptr<Connection> conn_;
};

// Text that trips up quoting and COPY escaping: delimiters, escapes, the end-of-data marker.
inline const std::vector<std::string>& AwkwardTexts() {
    static const std::vector<std::string> kTexts = {
        "plain",
        "",
        "tab\there",
        "new\nline",
        "carriage\rreturn\r\n",
        "back\\slash",
        "trailing backslash\\",
        "\\N",
        "\\.",
        "comma, separated, \"quoted\"",
        "O'Brien's 'single' quotes",
        "Zoë Ångström — “curly” ‘quotes’ 🙂",
        "question? mark $1 and $$dollars$$",
        "NULL",
    };
    return kTexts;
}

}  // namespace carevoice::store
