#include "core/civil_date.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace carevoice {
namespace {

TEST(CivilDateTest, EpochIsDayZero) { EXPECT_EQ(CivilDate::Parse("1970-01-01")->days_since_epoch(), 0); }

TEST(CivilDateTest, LongFormIsHowPagesShowADate) {
    EXPECT_EQ(CivilDate::Parse("2025-01-06")->ToLongString(), "6 January 2025");
    EXPECT_EQ(CivilDate::Parse("2024-12-31")->ToLongString(), "31 December 2024");
    EXPECT_EQ(CivilDate::Parse("2024-02-29")->ToLongString(), "29 February 2024");
}

TEST(CivilDateTest, KnownDayCounts) {
    // 2000-03-01 is day 11017 (checked with `date -d 2000-03-01 +%s` / 86400).
    EXPECT_EQ(CivilDate::Parse("2000-03-01")->days_since_epoch(), 11017);
    EXPECT_EQ(CivilDate::Parse("1969-12-31")->days_since_epoch(), -1);
}

TEST(CivilDateTest, RoundTripsAcrossLeapDays) {
    for (std::int64_t d = -800; d < 25000; d += 7) {
        CivilDate date = CivilDate::FromDays(d);
        EXPECT_EQ(CivilDate::Parse(date.ToString())->days_since_epoch(), d);
    }
}

TEST(CivilDateTest, DaysBetweenCountsWaitingTimes) {
    // A 62-day clock started on 2024-01-31 ends on 2024-04-02 (2024 is a leap year).
    CivilDate start = *CivilDate::Parse("2024-01-31");
    EXPECT_EQ(start.AddDays(62).ToString(), "2024-04-02");
    EXPECT_EQ(DaysBetween(start, *CivilDate::Parse("2024-04-02")), 62);
}

TEST(CivilDateTest, RejectsImpossibleDates) {
    EXPECT_FALSE(CivilDate::Parse("2023-02-29").ok());
    EXPECT_TRUE(CivilDate::Parse("2024-02-29").ok());
    EXPECT_FALSE(CivilDate::Parse("2024-13-01").ok());
    EXPECT_FALSE(CivilDate::Parse("24-1-1").ok());
    EXPECT_FALSE(CivilDate::Parse("2024-01-0x").ok());
}

TEST(ClockTest, FormatsTimestampAsUtc) {
    EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatTimestamp(1700000000), "2023-11-14T22:13:20Z");
    FakeClock clock(86400 * 3 + 5);
    EXPECT_EQ(clock.Today().ToString(), "1970-01-04");
}

}  // namespace
}  // namespace carevoice
