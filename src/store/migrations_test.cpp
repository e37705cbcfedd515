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

// Migration 9 rebuilds the measures table on SQLite (a CHECK constraint cannot be changed in place): a group's
// measures, their observations and rebase dates written under version 8 must all be there afterwards, and
// the new source must be accepted.
TEST(MigrationsTest, MeasuresKeepTheirDataAcrossTheMeasureSourcesMigration) {
    auto conn = *testing::OpenFreshConnection();
    std::vector<MigrationFile> up_to_8;
    for (const auto& f : EmbeddedMigrationFiles()) {
        if (f.name < "0009") up_to_8.push_back(f);
    }
    ASSERT_TRUE(Migrate(*conn, up_to_8).ok());
    ASSERT_TRUE(
        conn->ExecuteScript("INSERT INTO partnership_groups (id, name, area_kind, area_name, created_at, updated_at) "
                            "VALUES (7, 'G', 'locality', 'L', 0, 0);"
                            "INSERT INTO measures (id, group_id, name, unit, better, target, work_item_id, source, "
                            "cpes_org_code, cpes_question, created_at, updated_at) VALUES "
                            "(3, 7, 'Cards', '%', 'higher', 95, NULL, 'manual', '', '', 0, 0);"
                            "INSERT INTO measure_observations VALUES (3, '2026-01-01', 61), (3, '2026-02-01', 64);"
                            "INSERT INTO measure_rebase_dates (measure_id, rebase_on) VALUES (3, '2026-02-01');")
            .ok());
    auto migrated = Migrate(*conn);
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
    EXPECT_EQ(conn->QueryOne("SELECT COUNT(*) FROM measure_observations WHERE measure_id = 3")->Int(0), 2);
    EXPECT_EQ(conn->QueryOne("SELECT reason FROM measure_rebase_dates WHERE measure_id = 3")->Text(0), "");
    EXPECT_EQ(conn->QueryOne("SELECT name FROM measures WHERE id = 3")->Text(0), "Cards");
    EXPECT_TRUE(conn->Execute("INSERT INTO measures (group_id, name, unit, better, source, cpes_org_code, "
                              "cpes_question, pathway_measure, pathway_area, created_at, updated_at) VALUES "
                              "(7, 'FDS', '%', 'higher', 'pathway', '', '', 'fds', '05W', 0, 0)")
                    .ok());
    // The foreign keys point at the renamed tables: deleting the measure takes its data with it.
    ASSERT_TRUE(conn->Execute("DELETE FROM measures WHERE id = 3").ok());
    EXPECT_EQ(conn->QueryOne("SELECT COUNT(*) FROM measure_observations")->Int(0), 0);
    EXPECT_EQ(conn->QueryOne("SELECT COUNT(*) FROM measure_rebase_dates")->Int(0), 0);
}

TEST(MigrationsTest, BadlyNamedFileIsRefused) {
    EXPECT_FALSE(MigrationsFor(Engine::kSqlite, {{"create_users.sql", ""}}).ok());
}

}  // namespace
}  // namespace carevoice::store
