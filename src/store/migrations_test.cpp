#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

TEST(MigrationsTest, ApplyOnceThenNothingToDo) {
    auto conn = *testing::OpenFreshConnection();
    auto first = Migrate(*conn);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_FALSE(first->applied.empty());
    auto second = Migrate(*conn);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_TRUE(second->applied.empty());
    EXPECT_EQ(second->current_version, first->current_version);
    auto recorded = conn->QueryOne("SELECT COUNT(*) FROM schema_migrations");
    EXPECT_EQ(recorded->Int(0), static_cast<std::int64_t>(first->applied.size()));
}

TEST(MigrationsTest, FailedMigrationLeavesNothingBehind) {
    auto conn = *testing::OpenFreshConnection();
    std::vector<MigrationFile> files = {
        {"0001_ok.sql", "CREATE TABLE a (id {{id}});"},
        {"0002_broken.sql", "CREATE TABLE b (id {{id}}); THIS IS NOT SQL;"},
    };
    auto r = Migrate(*conn, files);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("0002_broken"), std::string::npos);
    // Version 1 committed on its own; version 2's table must not exist.
    EXPECT_TRUE(conn->Query("SELECT COUNT(*) FROM a").ok());
    EXPECT_FALSE(conn->Query("SELECT COUNT(*) FROM b").ok());
    EXPECT_EQ(conn->QueryOne("SELECT MAX(version) FROM schema_migrations")->Int(0), 1);
}

TEST(MigrationsTest, EngineSpecificFilesOnlyApplyToTheirEngine) {
    std::vector<MigrationFile> files = {
        {"0001_base.sql", "A;"}, {"0001_base.sqlite.sql", "S;"}, {"0001_base.postgres.sql", "P;"}};
    auto lite = *MigrationsFor(Engine::kSqlite, files);
    auto pg = *MigrationsFor(Engine::kPostgres, files);
    ASSERT_EQ(lite.size(), 1u);
    EXPECT_NE(lite[0].sql.find("S;"), std::string::npos);
    EXPECT_EQ(lite[0].sql.find("P;"), std::string::npos);
    EXPECT_NE(pg[0].sql.find("P;"), std::string::npos);
    EXPECT_EQ(lite[0].name, "0001_base");
}

TEST(MigrationsTest, BadlyNamedFileIsRefused) {
    EXPECT_FALSE(MigrationsFor(Engine::kSqlite, {{"create_users.sql", ""}}).ok());
}

}  // namespace
}  // namespace carevoice::store
