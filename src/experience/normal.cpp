#include "experience/normal.hpp"

#include <cmath>
#include <numbers>

namespace carevoice::experience {

double TwoSidedPValue(double z) {
    // erfc keeps full relative precision in the far tail, where 1 − Φ(|z|) would cancel to 0.
    return std::erfc(std::fabs(z) / std::numbers::sqrt2);
}

}  // namespace carevoice::experience
