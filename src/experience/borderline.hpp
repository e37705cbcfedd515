// Borderline ratings. Where a rating is decided on a published score rounded to whole percent (0.01 for the
// 0–10 item) and a limit of the expected range rounds to that same figure, the unrounded score — which only
// the publisher had — may lie on either side of the limit: the rating could go either way. Such a rating is
// shown as borderline, with the score and the limit. Pure.
#pragma once

#include <optional>
#include <string_view>

#include "experience/intervals.hpp"

namespace carevoice::experience {

enum class LimitSide { kLower, kUpper };

// "lower", "upper".
std::string_view LimitSideName(LimitSide side);

struct Borderline {
    LimitSide side = LimitSide::kLower;
    double limit = 0;  // the limit the rating was decided against, unrounded
};

// The limit of `expected` that rounds (to the nearest multiple of `rounding_unit`, halves away from zero) to
// `rounded_score`, or nullopt if neither does. If both do (a range narrower than one unit), the nearer one.
std::optional<Borderline> FindBorderline(double rounded_score, Interval expected, double rounding_unit);

}  // namespace carevoice::experience
