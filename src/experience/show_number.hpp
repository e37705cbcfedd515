// How numbers appear inside error messages of the experience layer: short, and never "-nan" surprises.
#pragma once

#include <string>

namespace carevoice::experience {

// Up to 6 significant figures, e.g. "77.3196", "0.000343", "1e-09".
std::string ShowNumber(double v);

}  // namespace carevoice::experience
