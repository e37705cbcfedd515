#include "experience/change_significance.hpp"

#include <cmath>
#include <string>

#include "experience/intervals.hpp"
#include "experience/normal.hpp"
#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

Status CheckPercent(double percent, const char* which) {
    if (!(percent >= 0 && percent <= 100)) {
        return Status::InvalidArgument(std::string("the ") + which + " percentage must lie between 0 and 100, got " +
                                       ShowNumber(percent));
    }
    return Status::Ok();
}

}  // namespace

Result<ChangeTest> TestChange(double previous_percent, int previous_n, double current_percent, int current_n,
                              double alpha) {
    CV_RETURN_IF_ERROR(CheckPercent(previous_percent, "previous year's"));
    CV_RETURN_IF_ERROR(CheckPercent(current_percent, "current year's"));
    CV_RETURN_IF_ERROR(CheckRespondents(previous_n));
    CV_RETURN_IF_ERROR(CheckRespondents(current_n));
    if (!(alpha > 0 && alpha < 1)) {
        return Status::InvalidArgument("the significance level must lie between 0 and 1, got " + ShowNumber(alpha));
    }
    const double p1 = previous_percent / 100;
    const double p2 = current_percent / 100;
    const double n1 = previous_n;
    const double n2 = current_n;
    const double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    const double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);

    ChangeTest test;
    test.difference = current_percent - previous_percent;
    if (variance <= 0) return test;  // everyone (or no one) positive in both years: nothing changed
    test.z = (p2 - p1) / std::sqrt(variance);
    test.p_value = TwoSidedPValue(test.z);
    if (test.p_value < alpha) {
        test.change = test.z > 0 ? Change::kSignificantIncrease : Change::kSignificantDecrease;
    }
    return test;
}

}  // namespace carevoice::experience
