#include "experience/borderline.hpp"

#include <cmath>

#include "experience/range_fit.hpp"

namespace carevoice::experience {

std::string_view LimitSideName(LimitSide side) { return side == LimitSide::kLower ? "lower" : "upper"; }

std::optional<Borderline> FindBorderline(double rounded_score, Interval expected, double rounding_unit) {
    const bool lower = RoundsTo(expected.lower, rounded_score, rounding_unit);
    const bool upper = RoundsTo(expected.upper, rounded_score, rounding_unit);
    if (lower && upper) {
        const bool nearer_lower =
            std::fabs(rounded_score - expected.lower) <= std::fabs(expected.upper - rounded_score);
        return nearer_lower ? Borderline{LimitSide::kLower, expected.lower}
                            : Borderline{LimitSide::kUpper, expected.upper};
    }
    if (lower) return Borderline{LimitSide::kLower, expected.lower};
    if (upper) return Borderline{LimitSide::kUpper, expected.upper};
    return std::nullopt;
}

}  // namespace carevoice::experience
