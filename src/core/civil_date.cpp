#include "core/civil_date.hpp"

#include <charconv>
#include <cstdio>

namespace carevoice {
namespace {

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Ymd {
    int y;
    unsigned m;
    unsigned d;
};

Ymd CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[month - 1];
}

CivilDate CivilDate::FromDays(std::int64_t days_since_epoch) {
    CivilDate d;
    d.days_ = days_since_epoch;
    return d;
}

Result<CivilDate> CivilDate::FromYmd(int year, int month, int day) {
    if (year < 1 || year > 9999) return Status::InvalidArgument("year must be between 1 and 9999");
    if (month < 1 || month > 12) return Status::InvalidArgument("month must be between 1 and 12");
    if (day < 1 || day > DaysInMonth(year, month)) {
        return Status::InvalidArgument("day " + std::to_string(day) + " does not exist in that month");
    }
    return FromDays(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<CivilDate> CivilDate::Parse(std::string_view iso) {
    auto bad = [&] {
        return Status::InvalidArgument("'" + std::string(iso) + "' is not a date in the form YYYY-MM-DD");
    };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
    int y = 0, m = 0, d = 0;
    auto parse = [&](std::size_t at, std::size_t len, int& out) {
        auto r = std::from_chars(iso.data() + at, iso.data() + at + len, out);
        return r.ec == std::errc() && r.ptr == iso.data() + at + len;
    };
    if (!parse(0, 4, y) || !parse(5, 2, m) || !parse(8, 2, d)) return bad();
    auto r = FromYmd(y, m, d);
    if (!r.ok()) return Status::InvalidArgument("'" + std::string(iso) + "': " + r.status().message());
    return r;
}

int CivilDate::year() const { return CivilFromDays(days_).y; }
int CivilDate::month() const { return static_cast<int>(CivilFromDays(days_).m); }
int CivilDate::day() const { return static_cast<int>(CivilFromDays(days_).d); }

std::string CivilDate::ToLongString() const {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    Ymd c = CivilFromDays(days_);
    return std::to_string(c.d) + " " + kMonths[c.m - 1] + " " + std::to_string(c.y);
}

std::string CivilDate::ToString() const {
    Ymd c = CivilFromDays(days_);
    if (c.y < 0 || c.y > 9999) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
        return buf;
    }
    // Years 0..9999, digit by digit: exports write millions of dates, and snprintf was a tenth of the time.
    const auto y = static_cast<unsigned>(c.y);
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + c.m / 10);
    out[6] = static_cast<char>('0' + c.m % 10);
    out[8] = static_cast<char>('0' + c.d / 10);
    out[9] = static_cast<char>('0' + c.d % 10);
    return out;
}

}  // namespace carevoice
