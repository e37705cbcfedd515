#include "improvement/cpes_observations.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace carevoice::improvement {

Result<std::vector<Observation>> ObservationsFromCpes(std::span<const PublishedYearScore> scores) {
    std::set<int> years;
    std::vector<Observation> out;
    for (const PublishedYearScore& s : scores) {
        if (!years.insert(s.year).second) {
            return Status::InvalidArgument("survey year " + std::to_string(s.year) + " is given twice",
                                           {{"year " + std::to_string(s.year), "is given twice"}});
        }
        if (!s.score) continue;
        if (!std::isfinite(*s.score)) {
            return Status::InvalidArgument("the score of " + std::to_string(s.year) + " is not a finite number",
                                           {{"year " + std::to_string(s.year), "score is not a finite number"}});
        }
        auto date = CivilDate::FromYmd(s.year, kCpesObservationMonth, kCpesObservationDay);
        if (!date.ok()) return date.status();
        out.push_back({*date, *s.score});
    }
    std::sort(out.begin(), out.end(), [](const Observation& a, const Observation& b) { return a.date < b.date; });
    return out;
}

}  // namespace carevoice::improvement
