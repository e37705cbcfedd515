#include "partnership/dates.hpp"

#include <algorithm>

namespace carevoice::partnership {

CivilDate AddMonths(CivilDate date, int months) {
    const int index = date.year() * 12 + (date.month() - 1) + months;
    // Floor division, so that months before year 0 would still land on the right month.
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    const int month = index - year * 12 + 1;
    const int day = std::min(date.day(), DaysInMonth(year, month));
    return *CivilDate::FromYmd(year, month, day);
}

}  // namespace carevoice::partnership
