#include "partnership/work_programme.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::NamesField;

EvidenceItem SurveyEvidence() {
    EvidenceItem e;
    e.programme_year = 2019;
    e.kind = EvidenceKind::kSurveyBelowExpected;
    e.summary = "Fewer patients than expected were given the name of a clinical nurse specialist";
    e.cpes = CpesReference{"RD8", 2018, "Q17"};
    e.recorded_on = D("2019-07-15");
    return e;
}

TEST(EvidenceItemTest, SurveyEvidencePointsAtAPublishedResult) {
    EXPECT_TRUE(ValidateEvidenceItem(SurveyEvidence()).ok());
    EvidenceItem e = SurveyEvidence();
    e.cpes.reset();
    EXPECT_TRUE(NamesField(ValidateEvidenceItem(e), "cpes"));
    e.kind = EvidenceKind::kCommentTheme;
    EXPECT_TRUE(ValidateEvidenceItem(e).ok());
}

TEST(EvidenceItemTest, EachPartOfTheSurveyReferenceIsChecked) {
    EvidenceItem e = SurveyEvidence();
    e.cpes = CpesReference{"", 2009, "17"};
    e.summary = "";
    const Status s = ValidateEvidenceItem(e);
    EXPECT_TRUE(NamesField(s, "summary"));
    EXPECT_TRUE(NamesField(s, "cpes.org_code"));
    EXPECT_TRUE(NamesField(s, "cpes.year"));
    EXPECT_TRUE(NamesField(s, "cpes.question"));
}

TEST(CandidatePriorityTest, ACarriedForwardPriorityNamesItsWorkItem) {
    CandidatePriority p;
    p.programme_year = 2025;
    p.title = "Results letters in plain English";
    p.origin = PriorityOrigin::kCarriedForward;
    p.evidence_ids = {3, 3};
    const Status s = ValidateCandidatePriority(p);
    EXPECT_TRUE(NamesField(s, "carried_from_work_item_id"));
    EXPECT_TRUE(NamesField(s, "evidence_ids"));
}

TEST(WorkItemTest, MilestonesFallOnOrBeforeTheDeadline) {
    WorkItem w;
    w.programme_year = 2024;
    w.title = "Clinical nurse specialist contact cards";
    w.smart_aim = "";
    w.deadline = D("2024-12-31");
    w.milestones = {{"Draft card", D("2024-03-31"), std::nullopt}, {"Evaluate", D("2025-01-31"), std::nullopt}};
    const Status s = ValidateWorkItem(w);
    EXPECT_TRUE(NamesField(s, "smart_aim"));
    EXPECT_TRUE(NamesField(s, "milestones[2].due_on"));
    EXPECT_EQ(s.details().size(), 2u);
}

TEST(AnnualReviewTest, AReviewRecordsWhatWasFound) {
    AnnualReview r;
    r.programme_year = 1999;
    const Status s = ValidateAnnualReview(r);
    EXPECT_TRUE(NamesField(s, "programme_year"));
    EXPECT_TRUE(NamesField(s, "findings"));
}

TEST(CpesQuestionCodeTest, IsQAndDigits) {
    EXPECT_TRUE(IsCpesQuestionCode("Q1"));
    EXPECT_TRUE(IsCpesQuestionCode("Q59"));
    EXPECT_FALSE(IsCpesQuestionCode("Q"));
    EXPECT_FALSE(IsCpesQuestionCode("q17"));
    EXPECT_FALSE(IsCpesQuestionCode("Q1a"));
}

}  // namespace
}  // namespace carevoice::partnership
