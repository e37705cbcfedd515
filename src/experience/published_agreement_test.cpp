#include "experience/published_agreement.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace carevoice::experience {
namespace {

PublishedResult Published(const std::string& question, double score, Interval expected, const std::string& rating) {
    PublishedResult in;
    in.org_code = "X";
    in.question = question;
    in.n = 100;
    in.score = score;
    in.expected = expected;
    in.published_rating = rating;
    return in;
}

RatedResult Rated(const PublishedResult& in, Interval expected, Rating rating, bool borderline = false) {
    RatedResult r;
    r.input = &in;
    r.rated = RatedScore{*in.score, {}, expected, rating};
    if (borderline) r.borderline = Borderline{LimitSide::kUpper, expected.upper};
    return r;
}

TEST(CompareWithPublishedTest, CountsRangesEqualAfterRoundingAndRatingsWithAndWithoutTies) {
    const std::vector<PublishedResult> in{
        Published("Q1", 80, {69, 86}, "within"),         // range reproduced (68.6 → 69, 86.4 → 86), rating agrees
        Published("Q1", 79, {68, 79}, "above"),          // a tie (79 = 79): carevoice says within, published above
        Published("Q1", 60, {69, 86}, "below"),          // range off by a point (70.2 → 70), rating agrees
        Published("Q59", 8.66, {8.66, 8.94}, "within"),  // tie at hundredths, agrees
    };
    YearRatings ratings;
    ratings.results = {Rated(in[0], {68.6, 86.4}, Rating::kWithin), Rated(in[1], {68.2, 79.3}, Rating::kWithin, true),
                       Rated(in[2], {70.2, 86.1}, Rating::kBelow), Rated(in[3], {8.664, 8.9426}, Rating::kWithin)};
    RatedResult suppressed;  // never rated: not counted
    suppressed.input = &in[0];
    suppressed.suppressed = true;
    ratings.results.push_back(suppressed);

    const PublishedAgreement a =
        CompareWithPublished(ratings, RuleFor(Level::kCcg, ParameterChoice::kPublishedIfAvailable));
    EXPECT_EQ(a.ranges, 4);
    EXPECT_EQ(a.ranges_reproduced, 3);
    EXPECT_EQ(a.ratings, 4);
    EXPECT_EQ(a.ratings_agreed, 3);
    EXPECT_EQ(a.ties, 2);
    EXPECT_EQ(a.ratings_agreed_untied, 2);
    EXPECT_EQ(a.borderline, 1);
}

TEST(CompareWithPublishedTest, CountsNoTiesWhereTheUnroundedScoreDecides) {
    const std::vector<PublishedResult> in{Published("Q1", 79, {68, 79}, "above")};
    YearRatings ratings;
    ratings.results = {Rated(in[0], {68.2, 78.6}, Rating::kAbove)};
    const PublishedAgreement a =
        CompareWithPublished(ratings, RuleFor(Level::kTrust, ParameterChoice::kPublishedIfAvailable));
    EXPECT_EQ(a.ties, 0);
    EXPECT_EQ(a.ratings_agreed_untied, 1);
}

}  // namespace
}  // namespace carevoice::experience
