#include "experience/published_agreement.hpp"

#include "experience/cpes_results_file.hpp"
#include "experience/range_fit.hpp"

namespace carevoice::experience {

PublishedAgreement CompareWithPublished(const YearRatings& ratings, const LevelRule& rule) {
    PublishedAgreement agreement;
    for (const auto& result : ratings.results) {
        if (!result.rated) continue;
        const PublishedResult& in = *result.input;
        const double unit = PublishedRoundingUnit(IsMeanQuestion(in.question) ? Measure::kMean : Measure::kPercent);
        const Interval& ours = result.rated->expected;
        if (result.borderline) ++agreement.borderline;
        if (in.expected) {
            ++agreement.ranges;
            if (RoundsTo(ours.lower, in.expected->lower, unit) && RoundsTo(ours.upper, in.expected->upper, unit)) {
                ++agreement.ranges_reproduced;
            }
        }
        if (in.published_rating.empty()) continue;
        ++agreement.ratings;
        const bool agreed = RatingName(result.rated->rating) == in.published_rating;
        if (agreed) ++agreement.ratings_agreed;
        const bool tie =
            !rule.interval_decides && in.expected && in.score &&
            (RoundsTo(in.expected->lower, *in.score, unit) || RoundsTo(in.expected->upper, *in.score, unit));
        if (tie) {
            ++agreement.ties;
        } else if (agreed) {
            ++agreement.ratings_agreed_untied;
        }
    }
    return agreement;
}

}  // namespace carevoice::experience
