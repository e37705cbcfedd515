// Test fixture for the partnership repositories' contract tests: a fresh, migrated database on the
// engine under test (CAREVOICE_TEST_DB_URL), and shorthands to make groups and people. Compiled into
// store_contract_tests only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "partnership/group.hpp"
#include "partnership/person.hpp"
#include "store/sql.hpp"

namespace carevoice::store::testing {

class PartnershipStoreTest : public ::testing::Test {
  protected:
    static constexpr std::int64_t kNow = 1'700'000'000;

    void SetUp() override;

    static CivilDate D(std::string_view iso);
    // A group named `name` (locality, model E), created in the store.
    std::int64_t MakeGroup(const std::string& name = "Test partnership");
    // A member of `group_id` who prefers e-mail and joined on 2023-01-01, created in the store.
    std::int64_t MakePerson(std::int64_t group_id, const std::string& name,
                            partnership::MemberType type = partnership::MemberType::kPatient);
    // How many rows `table` has.
    std::int64_t Count(const std::string& table);

    std::unique_ptr<Connection> conn_;
};

// True when the status is InvalidArgument and one of its details is about `field`.
::testing::AssertionResult NamesField(const Status& status, std::string_view field);

}  // namespace carevoice::store::testing
