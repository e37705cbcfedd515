// The work programme's survey evidence rule (survey_evidence.hpp), case by case.
#include "partnership/survey_evidence.hpp"

#include <gtest/gtest.h>

namespace carevoice::partnership {
namespace {

using experience::Change;
using experience::Rating;

TEST(SurveyEvidenceTest, BelowTheExpectedRangeCountsWhenTheFigureMayBeShown) {
    EXPECT_EQ(SurveyEvidenceKinds({true, Rating::kBelow, std::nullopt}),
              std::vector<EvidenceKind>{EvidenceKind::kSurveyBelowExpected});
}

TEST(SurveyEvidenceTest, ASuppressedFigureIsNeverEvidenceOfBeingBelow) {
    EXPECT_TRUE(SurveyEvidenceKinds({false, Rating::kBelow, std::nullopt}).empty());
}

TEST(SurveyEvidenceTest, WithinOrAboveTheRangeIsNoEvidence) {
    EXPECT_TRUE(SurveyEvidenceKinds({true, Rating::kWithin, Change::kNoSignificantChange}).empty());
    EXPECT_TRUE(SurveyEvidenceKinds({true, Rating::kAbove, Change::kSignificantIncrease}).empty());
}

TEST(SurveyEvidenceTest, OnlyASignificantDecreaseIsAWorseningTrend) {
    EXPECT_EQ(SurveyEvidenceKinds({true, Rating::kWithin, Change::kSignificantDecrease}),
              std::vector<EvidenceKind>{EvidenceKind::kWorseningTrend});
    EXPECT_TRUE(SurveyEvidenceKinds({true, std::nullopt, Change::kNoSignificantChange}).empty());
}

TEST(SurveyEvidenceTest, AnItemCanBeBelowAndWorseningBelowListedFirst) {
    EXPECT_EQ(SurveyEvidenceKinds({true, Rating::kBelow, Change::kSignificantDecrease}),
              (std::vector<EvidenceKind>{EvidenceKind::kSurveyBelowExpected, EvidenceKind::kWorseningTrend}));
}

TEST(SurveyEvidenceTest, TheNewestPublishedYearNotAfterTheProgrammeYear) {
    EXPECT_EQ(EvidenceSurveyYear({2018, 2017, 2016, 2015}, 2026), 2018);
    EXPECT_EQ(EvidenceSurveyYear({2015, 2018, 2016}, 2017), 2016);
    EXPECT_EQ(EvidenceSurveyYear({2018, 2017}, 2017), 2017);
    EXPECT_EQ(EvidenceSurveyYear({2018}, 2017), std::nullopt);
    EXPECT_EQ(EvidenceSurveyYear({}, 2026), std::nullopt);
}

}  // namespace
}  // namespace carevoice::partnership
