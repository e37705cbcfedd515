#include "partnership/terms_of_reference.hpp"

#include "core/problems.hpp"
#include "core/text.hpp"
#include "partnership/dates.hpp"

namespace carevoice::partnership {
namespace {

constexpr int kMonthsBetweenReviews = 12;  // §6.2.9: "reviewed annually"
constexpr int kSuggestedQuorum = 6;
constexpr int kSuggestedLayQuorum = 3;

}  // namespace

TermsOfReference SampleTermsOfReference(CivilDate adopted_on) {
    TermsOfReference terms;
    terms.document_text =
        "The User Partnership Group is an alliance between service users and health care professionals and is led "
        "by service users. The chair will be a user or carer, elected by group members for a minimum of one year "
        "and a maximum of three, and cannot be re-elected for a further year. There will be two vice chairs. The "
        "terms of reference will be reviewed annually.";
    terms.chair_eligibility = ChairEligibility::kUserOrCarer;
    terms.chair_term_min_months = 12;
    terms.chair_term_max_months = 36;
    terms.re_election_gap_months = 12;
    terms.vice_chairs = 2;
    terms.quorum = kSuggestedQuorum;
    terms.quorum_lay = kSuggestedLayQuorum;
    terms.review_date = AddMonths(adopted_on, kMonthsBetweenReviews);
    return terms;
}

Status ValidateTermsOfReference(const TermsOfReference& terms) {
    Problems problems;
    const std::string_view url = text::Trim(terms.document_url);
    if (text::Trim(terms.document_text).empty() && url.empty()) {
        problems.Add("document_text", "is required unless document_url links to the document");
    }
    if (!url.empty() && !text::StartsWith(url, "https://") && !text::StartsWith(url, "http://")) {
        problems.Add("document_url", "must start with https:// or http://");
    }
    if (terms.chair_term_min_months < 1) {
        problems.Add("chair_term_min_months",
                     "must be at least 1 month, not " + std::to_string(terms.chair_term_min_months));
    }
    if (terms.chair_term_max_months < terms.chair_term_min_months) {
        problems.Add("chair_term_max_months", "(" + std::to_string(terms.chair_term_max_months) +
                                                  ") must not be less than chair_term_min_months (" +
                                                  std::to_string(terms.chair_term_min_months) + ")");
    } else if (terms.chair_term_max_months > kMaxTermMonths) {
        problems.Add("chair_term_max_months", "must be at most " + std::to_string(kMaxTermMonths) + " months, not " +
                                                  std::to_string(terms.chair_term_max_months));
    }
    if (terms.re_election_gap_months < 0) {
        problems.Add("re_election_gap_months", "must not be negative");
    }
    if (terms.vice_chairs < 0 || terms.vice_chairs > kMaxViceChairs) {
        problems.Add("vice_chairs", "must be between 0 and " + std::to_string(kMaxViceChairs) + ", not " +
                                        std::to_string(terms.vice_chairs));
    }
    if (terms.quorum < 1) problems.Add("quorum", "must be at least 1, not " + std::to_string(terms.quorum));
    if (terms.quorum_lay < 0 || terms.quorum_lay > terms.quorum) {
        problems.Add("quorum_lay", "must be between 0 and the quorum (" + std::to_string(terms.quorum) + "), not " +
                                       std::to_string(terms.quorum_lay));
    }
    return problems.ToStatus("the terms of reference");
}

}  // namespace carevoice::partnership
