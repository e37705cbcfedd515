#include "experience/show_number.hpp"

#include <cmath>
#include <cstdio>

namespace carevoice::experience {

std::string ShowNumber(double v) {
    if (std::isnan(v)) return "not a number";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

}  // namespace carevoice::experience
