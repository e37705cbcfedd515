#include "partnership/terms_of_reference.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::NamesField;

TEST(TermsOfReferenceTest, TheReportsSampleRulesAreTheDefaults) {
    const TermsOfReference terms = SampleTermsOfReference(D("2024-03-31"));
    EXPECT_EQ(terms.chair_eligibility, ChairEligibility::kUserOrCarer);
    EXPECT_EQ(terms.chair_term_min_months, 12);
    EXPECT_EQ(terms.chair_term_max_months, 36);
    EXPECT_EQ(terms.re_election_gap_months, 12);
    EXPECT_EQ(terms.vice_chairs, 2);
    EXPECT_EQ(terms.review_date, D("2025-03-31"));  // reviewed annually
    EXPECT_TRUE(ValidateTermsOfReference(terms).ok());
}

TEST(TermsOfReferenceTest, MinimumTermLongerThanMaximumIsRefused) {
    TermsOfReference terms = SampleTermsOfReference(D("2024-01-01"));
    terms.chair_term_min_months = 36;
    terms.chair_term_max_months = 12;
    const Status s = ValidateTermsOfReference(terms);
    EXPECT_TRUE(NamesField(s, "chair_term_max_months"));
    EXPECT_NE(s.message().find("(12) must not be less than chair_term_min_months (36)"), std::string::npos)
        << s.message();
}

TEST(TermsOfReferenceTest, TheDocumentIsRequiredAsTextOrLink) {
    TermsOfReference terms = SampleTermsOfReference(D("2024-01-01"));
    terms.document_text = "";
    EXPECT_TRUE(NamesField(ValidateTermsOfReference(terms), "document_text"));
    terms.document_url = "ftp://example.org/tor.pdf";
    EXPECT_TRUE(NamesField(ValidateTermsOfReference(terms), "document_url"));
    terms.document_url = "https://example.org/tor.pdf";
    EXPECT_TRUE(ValidateTermsOfReference(terms).ok());
}

TEST(TermsOfReferenceTest, NumbersOutOfRangeAreEachNamed) {
    TermsOfReference terms = SampleTermsOfReference(D("2024-01-01"));
    terms.chair_term_min_months = 0;
    terms.re_election_gap_months = -1;
    terms.vice_chairs = 11;
    terms.quorum = 4;
    terms.quorum_lay = 5;
    const Status s = ValidateTermsOfReference(terms);
    EXPECT_TRUE(NamesField(s, "chair_term_min_months"));
    EXPECT_TRUE(NamesField(s, "re_election_gap_months"));
    EXPECT_TRUE(NamesField(s, "vice_chairs"));
    EXPECT_TRUE(NamesField(s, "quorum_lay"));
    EXPECT_EQ(s.details().size(), 4u);
}

}  // namespace
}  // namespace carevoice::partnership
