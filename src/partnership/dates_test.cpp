#include "partnership/dates.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;

TEST(AddMonthsTest, KeepsTheDayWhenTheMonthHasIt) {
    EXPECT_EQ(AddMonths(D("2024-11-15"), 3), D("2025-02-15"));
    EXPECT_EQ(AddMonths(D("2021-03-01"), 36), D("2024-03-01"));
}

TEST(AddMonthsTest, ClampsToTheLastDayOfAShorterMonth) {
    EXPECT_EQ(AddMonths(D("2024-01-31"), 1), D("2024-02-29"));
    EXPECT_EQ(AddMonths(D("2023-01-31"), 1), D("2023-02-28"));
    EXPECT_EQ(AddMonths(D("2024-02-29"), 12), D("2025-02-28"));
}

TEST(AddMonthsTest, GoesBackwardsAcrossYears) {
    EXPECT_EQ(AddMonths(D("2024-03-31"), -1), D("2024-02-29"));
    EXPECT_EQ(AddMonths(D("2024-01-15"), -13), D("2022-12-15"));
}

}  // namespace
}  // namespace carevoice::partnership
