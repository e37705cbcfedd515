// Contract: a password change ends a person's other sessions and keeps the one in use, the same on
// SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "store/accounts_repository.hpp"
#include "store/migrations.hpp"
#include "store/test_database.hpp"

namespace carevoice::store {
namespace {

TEST(SessionsRepositoryTest, DeletingOtherSessionsKeepsTheGivenOneAndOtherPeoples) {
    auto conn = testing::OpenFreshConnection();
    ASSERT_TRUE(conn.ok()) << conn.status().ToString();
    ASSERT_TRUE(Migrate(**conn).ok());
    AccountsRepository repo(**conn);
    auto ann = repo.CreateUser({"ann", "Ann", Role::kMember, std::nullopt, "$argon2id$fake"}, 100);
    auto bob = repo.CreateUser({"bob", "Bob", Role::kMember, std::nullopt, "$argon2id$fake"}, 100);
    ASSERT_TRUE(ann.ok() && bob.ok());
    for (const char* token : {"ann-laptop", "ann-phone", "ann-library"}) {
        ASSERT_TRUE(repo.CreateSession({token, ann->id, 100, 100}).ok());
    }
    ASSERT_TRUE(repo.CreateSession({"bob-laptop", bob->id, 100, 100}).ok());

    ASSERT_TRUE(repo.DeleteOtherSessionsOfUser(ann->id, "ann-laptop").ok());
    EXPECT_TRUE(repo.FindSession("ann-laptop").ok());
    EXPECT_EQ(repo.FindSession("ann-phone").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(repo.FindSession("ann-library").status().code(), StatusCode::kNotFound);
    EXPECT_TRUE(repo.FindSession("bob-laptop").ok());
}

}  // namespace
}  // namespace carevoice::store
