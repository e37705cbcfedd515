#include "partnership/survey_evidence.hpp"

namespace carevoice::partnership {

std::vector<EvidenceKind> SurveyEvidenceKinds(const SurveyItemOutcome& item) {
    std::vector<EvidenceKind> kinds;
    if (item.shown && item.rating == experience::Rating::kBelow) kinds.push_back(EvidenceKind::kSurveyBelowExpected);
    if (item.change == experience::Change::kSignificantDecrease) kinds.push_back(EvidenceKind::kWorseningTrend);
    return kinds;
}

std::optional<int> EvidenceSurveyYear(const std::vector<int>& published_years, int programme_year) {
    std::optional<int> best;
    for (int year : published_years) {
        if (year <= programme_year && (!best || year > *best)) best = year;
    }
    return best;
}

}  // namespace carevoice::partnership
