// Calendar arithmetic the partnership rules need: terms of office and review cycles are set in
// months ("a minimum of one year and a maximum of three"), not in days.
#pragma once

#include "core/civil_date.hpp"

namespace carevoice::partnership {

// The same day `months` later (or earlier, if negative); a day the target month lacks becomes its
// last day, so 2024-01-31 + 1 month = 2024-02-29 and 2024-02-29 + 12 months = 2025-02-28.
CivilDate AddMonths(CivilDate date, int months);

}  // namespace carevoice::partnership
