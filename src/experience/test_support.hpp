// Helpers for the experience tests only: where the source tree and the shared data sets are, and the
// independent reference values computed by R (tests/r/reference_values.csv), grouped by check and case.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace carevoice::experience::test_support {

// $CAREVOICE_SOURCE_DIR/relative (set by ctest; falls back to the source tree this was built from).
std::string SourcePath(std::string_view relative);
// $CAREVOICE_SHARED_DIR/relative (set by ctest; falls back to <source>/../shared).
std::string SharedPath(std::string_view relative);

// One case of one check, e.g. check "wilson", case "12": {"x": 3, "n": 21, "lower": …, "upper": …}.
struct ReferenceCase {
    std::string id;
    std::string item;  // the unit number within a synthetic data set; empty otherwise
    std::map<std::string, double> values;
    double at(const std::string& name) const;  // the value, or NaN (which fails any comparison) if absent
};

class ReferenceValues {
  public:
    static Result<ReferenceValues> Load();
    // The cases of `check` (and, if given, of one case id), in file order, one per (case, item).
    std::vector<ReferenceCase> Cases(std::string_view check, std::string_view case_id = {}) const;

  private:
    std::map<std::string, std::vector<ReferenceCase>> by_check_;
};

}  // namespace carevoice::experience::test_support
