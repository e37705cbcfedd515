// Contract: a kept form is handed back once, only for the page it was kept for and within its time, and the
// table never holds more than its limit; the same on SQLite and PostgreSQL.
#include "store/kept_forms_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

class KeptFormsRepositoryTest : public testing::MigratedDatabaseTest {
  protected:
    std::int64_t Rows() { return conn_->QueryOne("SELECT COUNT(*) FROM kept_forms")->Int(0); }
};

TEST_F(KeptFormsRepositoryTest, AFormIsHandedBackOnceForItsPage) {
    KeptFormsRepository repo(*conn_);
    ASSERT_TRUE(repo.Keep("h1", "/groups/1/audits/2/ratings?area=3", R"({"reason-W1":"no water"})", 1000).ok());
    EXPECT_EQ(**repo.Take("h1", "/groups/1/audits/2/ratings?area=3", 1100), R"({"reason-W1":"no water"})");
    EXPECT_FALSE(repo.Take("h1", "/groups/1/audits/2/ratings?area=3", 1100)->has_value());  // once
    ASSERT_TRUE(repo.Keep("h2", "/a", "{}", 1000).ok());
    EXPECT_FALSE(repo.Take("h2", "/b", 1100)->has_value());  // another page: not handed out, and gone
    EXPECT_EQ(Rows(), 0);
}

TEST_F(KeptFormsRepositoryTest, AnExpiredFormIsNotHandedBackAndIsDeletedWhenAnotherIsKept) {
    KeptFormsRepository repo(*conn_);
    ASSERT_TRUE(repo.Keep("old", "/a", "{}", 1000).ok());
    EXPECT_FALSE(repo.Take("old", "/a", 1000 + kKeptFormSeconds + 1)->has_value());
    ASSERT_TRUE(repo.Keep("old2", "/a", "{}", 1000).ok());
    ASSERT_TRUE(repo.Keep("new", "/a", "{}", 1000 + kKeptFormSeconds + 1).ok());
    EXPECT_EQ(Rows(), 1);
}

TEST_F(KeptFormsRepositoryTest, KeepingUnderTheSameTokenReplaces) {
    KeptFormsRepository repo(*conn_);
    ASSERT_TRUE(repo.Keep("h", "/a", R"({"v":"1"})", 1000).ok());
    ASSERT_TRUE(repo.Keep("h", "/b", R"({"v":"2"})", 1001).ok());
    EXPECT_EQ(Rows(), 1);
    EXPECT_EQ(**repo.Take("h", "/b", 1002), R"({"v":"2"})");
}

}  // namespace
}  // namespace carevoice::store
