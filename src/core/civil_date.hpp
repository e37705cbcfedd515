// Civil (calendar) dates without time zones, for day arithmetic such as waiting-time clocks and
// review dates. Days are counted from 1970-01-01 with Howard Hinnant's days_from_civil algorithm.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace carevoice {

class CivilDate {
  public:
    CivilDate() = default;
    // Caller guarantees a valid date; use Parse or FromYmd for untrusted input.
    static CivilDate FromDays(std::int64_t days_since_epoch);
    static Result<CivilDate> FromYmd(int year, int month, int day);
    // Parses YYYY-MM-DD strictly.
    static Result<CivilDate> Parse(std::string_view iso);

    int year() const;
    int month() const;
    int day() const;
    std::int64_t days_since_epoch() const { return days_; }
    std::string ToString() const;      // YYYY-MM-DD
    std::string ToLongString() const;  // "6 January 2025": how pages show a date

    CivilDate AddDays(std::int64_t n) const { return FromDays(days_ + n); }
    friend std::int64_t DaysBetween(CivilDate from, CivilDate to) { return to.days_ - from.days_; }
    auto operator<=>(const CivilDate&) const = default;

  private:
    std::int64_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace carevoice
