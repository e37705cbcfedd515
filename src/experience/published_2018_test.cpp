// The published CPES 2018 trust results as the specification: carevoice must reproduce every published
// expected range and every published rating from n and the published parameters alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/csv.hpp"
#include "core/file.hpp"
#include "core/text.hpp"
#include "experience/buddy.hpp"
#include "experience/disclosure.hpp"
#include "experience/parameters_file.hpp"
#include "experience/question_ratings.hpp"
#include "experience/test_support.hpp"

namespace carevoice::experience {
namespace {

struct PublishedRow {
    std::string org;
    std::string alliance;
    int n = 0;
    double score = 0;
    Interval interval;
    Interval expected;
    Rating rating = Rating::kWithin;
};

struct Published2018 {
    std::map<std::string, std::vector<PublishedRow>> by_question;  // rated trust rows, in file order
    std::vector<QuestionParameters> parameters;
};

std::optional<Rating> ParseRating(std::string_view word) {
    if (word == "below") return Rating::kBelow;
    if (word == "within") return Rating::kWithin;
    if (word == "above") return Rating::kAbove;
    return std::nullopt;
}

Result<PublishedRow> ParseRow(const std::vector<std::string_view>& f, const csv::Header& h) {
    auto column = [&](const char* name) { return f[static_cast<std::size_t>(h.Index(name))]; };
    PublishedRow row;
    row.org = std::string(column("org_code"));
    row.alliance = std::string(column("cancer_alliance"));
    CV_ASSIGN_OR_RETURN(long long n, text::ParseInt(column("n")));
    row.n = static_cast<int>(n);
    CV_ASSIGN_OR_RETURN(row.score, text::ParseDouble(column("score")));
    CV_ASSIGN_OR_RETURN(row.interval.lower, text::ParseDouble(column("ci_lower")));
    CV_ASSIGN_OR_RETURN(row.interval.upper, text::ParseDouble(column("ci_upper")));
    CV_ASSIGN_OR_RETURN(row.expected.lower, text::ParseDouble(column("expected_lower")));
    CV_ASSIGN_OR_RETURN(row.expected.upper, text::ParseDouble(column("expected_upper")));
    auto rating = ParseRating(column("rating"));
    if (!rating) return Status::InvalidArgument("unknown rating '" + std::string(column("rating")) + "'");
    row.rating = *rating;
    return row;
}

// The header and the lines of 2018 adjusted trust results: 7,540 of the file's 361,868 rows. Filtering lines
// before parsing keeps each test's start-up short under the sanitizers; it is exact here because `level` is the
// first column and no field of the file spans lines. The CSV reader still parses (and checks) every kept row.
std::string TrustRows2018(std::string_view text) {
    std::string kept;
    std::size_t start = 0;
    bool header = true;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line = text.substr(start, end - start);
        if (header || (line.starts_with("Trust,") && line.find(",2018,adjusted,") != std::string_view::npos)) {
            kept.append(line);
        }
        header = false;
        start = end;
    }
    return kept;
}

Result<Published2018> Load() {
    Published2018 data;
    CV_ASSIGN_OR_RETURN(
        std::string parameters_text,
        ReadTextFile(test_support::SharedPath("datasets/cpes/cpes_2018_expected_range_parameters.csv")));
    CV_ASSIGN_OR_RETURN(data.parameters, ParseParametersCsv(parameters_text));
    CV_ASSIGN_OR_RETURN(std::string text,
                        ReadTextFile(test_support::SharedPath("datasets/cpes/cpes_2015_2018_results.csv.gz")));
    const std::string rows = TrustRows2018(text);  // the reader holds views into it
    csv::Reader reader(rows);
    CV_ASSIGN_OR_RETURN(bool has_header, reader.Next());
    if (!has_header) return Status::InvalidArgument("the results file is empty");
    CV_ASSIGN_OR_RETURN(csv::Header header,
                        csv::Header::Parse(reader.fields(), {"level", "org_code", "cancer_alliance", "year", "kind",
                                                             "question", "n", "score", "ci_lower", "ci_upper",
                                                             "expected_lower", "expected_upper", "rating"}));
    auto column = [&](const char* name) { return reader.fields()[static_cast<std::size_t>(header.Index(name))]; };
    while (true) {
        CV_ASSIGN_OR_RETURN(bool more, reader.Next());
        if (!more) break;
        if (column("level") != "Trust" || column("kind") != "adjusted" || column("year") != "2018" ||
            column("rating").empty()) {
            continue;
        }
        auto row = ParseRow(reader.fields(), header);
        if (!row.ok()) {
            return Status::InvalidArgument("results line " + std::to_string(reader.line()) + ": " +
                                           row.status().message());
        }
        data.by_question[std::string(column("question"))].push_back(std::move(row).value());
    }
    return data;
}

class Published2018Test : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { data_ = new Result<Published2018>(Load()); }
    static void TearDownTestSuite() {
        delete data_;
        data_ = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(data_->ok()) << data_->status().ToString(); }

    static const Published2018& data() { return data_->value(); }
    static Measure MeasureOf(const std::string& question) {
        return question == "Q59" ? Measure::kMean : Measure::kPercent;
    }
    static std::vector<ScoreInput> Inputs(const std::vector<PublishedRow>& rows) {
        std::vector<ScoreInput> inputs;
        inputs.reserve(rows.size());
        for (const auto& row : rows) inputs.push_back({row.score, row.n, row.interval, std::nullopt});
        return inputs;
    }
    static const RangeParameters& ParametersOf(const std::string& question) {
        return FindQuestion(data().parameters, question)->parameters;
    }

  private:
    static inline Result<Published2018>* data_ = nullptr;
};

TEST_F(Published2018Test, Has7203RatedPercentagesAnd143RatedMeans) {
    std::size_t percentages = 0;
    for (const auto& [question, rows] : data().by_question) {
        if (MeasureOf(question) == Measure::kPercent) percentages += rows.size();
    }
    // Issue 3 counts 7,203 rated rows: those are the percentage questions. Q59 (the 0–10 item) adds 143,
    // for 7,346 rated trust rows in all.
    EXPECT_EQ(percentages, 7203u);
    EXPECT_EQ(data().by_question.at("Q59").size(), 143u);
    EXPECT_EQ(data().by_question.size(), 52u);
}

TEST_F(Published2018Test, ExpectedRangesMatchThePublishedOnesWithinOneHundredthOfAPoint) {
    double worst = 0;
    std::string worst_where;
    for (const auto& [question, rows] : data().by_question) {
        ASSERT_NE(FindQuestion(data().parameters, question), nullptr) << question;
        for (const auto& row : rows) {
            auto range = ExpectedRange(ParametersOf(question), row.n);
            ASSERT_TRUE(range.ok()) << range.status().ToString();
            const double diff =
                std::max(std::fabs(range->lower - row.expected.lower), std::fabs(range->upper - row.expected.upper));
            if (diff > worst) {
                worst = diff;
                worst_where = row.org + " " + question;
            }
        }
    }
    std::cout << "largest |expected range − published|: " << worst << " (" << worst_where << ")\n";
    RecordProperty("expected_range_max_abs_diff", std::to_string(worst));
    EXPECT_LE(worst, 0.01) << worst_where;
}

TEST_F(Published2018Test, RatingsOnTheUnroundedScoreAgreeWithEveryPublishedRating) {
    std::size_t rated = 0;
    std::size_t agree = 0;
    for (const auto& [question, rows] : data().by_question) {
        const auto inputs = Inputs(rows);
        auto ratings = RateQuestion(MeasureOf(question), inputs, ParametersOf(question), kSuppressionThreshold);
        ASSERT_TRUE(ratings.ok()) << question << ": " << ratings.status().ToString();
        for (std::size_t at = 0; at < rows.size(); ++at) {
            ASSERT_TRUE(ratings->scores[at].has_value()) << rows[at].org << " " << question;
            ++rated;
            if (ratings->scores[at]->rating == rows[at].rating) {
                ++agree;
            } else {
                ADD_FAILURE() << rows[at].org << " " << question << ": published " << RatingName(rows[at].rating)
                              << ", carevoice " << RatingName(ratings->scores[at]->rating);
            }
        }
    }
    std::cout << "published ratings reproduced: " << agree << " of " << rated << "\n";
    RecordProperty("published_ratings_agreed", std::to_string(agree));
    EXPECT_EQ(rated, 7346u);
    EXPECT_EQ(agree, rated);
}

TEST_F(Published2018Test, RatingTheRoundedScoresInsteadWouldGet184Wrong) {
    // Why the deciding score matters: rate the published (rounded) scores directly and 184 of the 7,346
    // ratings come out different from the publisher's.
    std::size_t wrong = 0;
    for (const auto& [question, rows] : data().by_question) {
        for (const auto& row : rows) {
            auto range = ExpectedRange(ParametersOf(question), row.n);
            ASSERT_TRUE(range.ok());
            if (Rate(row.score, *range) != row.rating) ++wrong;
        }
    }
    EXPECT_EQ(wrong, 184u);
}

TEST_F(Published2018Test, WilsonIntervalsReproduceThePublishedOnes) {
    double worst = 0;
    for (const auto& [question, rows] : data().by_question) {
        if (MeasureOf(question) != Measure::kPercent) continue;
        const auto inputs = Inputs(rows);
        auto ratings = RateQuestion(Measure::kPercent, inputs, ParametersOf(question), kSuppressionThreshold);
        ASSERT_TRUE(ratings.ok());
        for (std::size_t at = 0; at < rows.size(); ++at) {
            const Interval& ours = ratings->scores[at]->interval;
            worst = std::max({worst, std::fabs(ours.lower - rows[at].interval.lower),
                              std::fabs(ours.upper - rows[at].interval.upper)});
        }
    }
    // The published bounds are single-precision floats (about 7 significant figures).
    EXPECT_LE(worst, 1e-4);
}

TEST_F(Published2018Test, OwnSpiegelhalterEstimateAgreesWithMostPublishedRatings) {
    std::size_t rated = 0;
    std::size_t agree = 0;
    std::size_t agree_percentages = 0;
    for (const auto& [question, rows] : data().by_question) {
        const auto inputs = Inputs(rows);
        // Centre = n-weighted mean of the trusts' unrounded adjusted scores; τ² by Spiegelhalter from the same.
        auto ratings = RateQuestion(MeasureOf(question), inputs, std::nullopt, kSuppressionThreshold);
        ASSERT_TRUE(ratings.ok()) << question << ": " << ratings.status().ToString();
        EXPECT_EQ(ratings->source, ParameterSource::kEstimated);
        for (std::size_t at = 0; at < rows.size(); ++at) {
            ++rated;
            if (ratings->scores[at]->rating != rows[at].rating) continue;
            ++agree;
            if (MeasureOf(question) == Measure::kPercent) ++agree_percentages;
        }
    }
    std::cout << "ratings agreeing with carevoice's own estimate: " << agree << " of " << rated << " ("
              << agree_percentages << " of 7203 percentages)\n";
    RecordProperty("own_estimate_agreed", std::to_string(agree));
    // The data are fixed, so the observed counts are asserted exactly (a change means the estimate changed).
    // They fall short of 7,346 because the Spiegelhalter τ² from the published trust scores is larger than the
    // publisher's for 45 of the 51 percentage questions and equal (zero) for the other 6 — e.g. Q58: 0.0046
    // against 0.0026 — so carevoice's own ranges are wider and rate fewer trusts above or below.
    EXPECT_EQ(agree, 6788u);
    EXPECT_EQ(agree_percentages, 6659u);
}

TEST_F(Published2018Test, BuddyMatchingOf2018TrustsKeepsItsRules) {
    // Every trust's rated questions, scored on the unrounded score and rated as published.
    std::map<std::string, BuddyOrganisation> trusts;
    for (const auto& [question, rows] : data().by_question) {
        const auto inputs = Inputs(rows);
        auto ratings = RateQuestion(MeasureOf(question), inputs, ParametersOf(question), kSuppressionThreshold);
        ASSERT_TRUE(ratings.ok());
        for (std::size_t at = 0; at < rows.size(); ++at) {
            BuddyOrganisation& trust = trusts[rows[at].org];
            trust.code = rows[at].org;
            trust.alliance = rows[at].alliance;
            trust.results.push_back(
                {question, MeasureOf(question), ratings->scores[at]->deciding_score, ratings->scores[at]->rating});
        }
    }
    std::vector<BuddyOrganisation> organisations;
    for (auto& [code, trust] : trusts) organisations.push_back(std::move(trust));
    auto plan = MatchBuddies(organisations, {.min_below = 3, .mentor_capacity = 2, .same_alliance_bonus = 5});
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();

    std::map<std::string, int> below_count;
    for (const auto& trust : organisations) {
        for (const auto& result : trust.results) below_count[trust.code] += result.rating == Rating::kBelow ? 1 : 0;
    }
    std::map<std::string, int> load;
    std::set<std::string> mentees;
    for (const auto& pair : plan->pairs) {
        EXPECT_GE(below_count[pair.mentee], 3) << pair.mentee;
        EXPECT_LT(below_count[pair.mentor], 3) << pair.mentor;
        EXPECT_FALSE(pair.covered.empty());
        EXPECT_LE(++load[pair.mentor], 2) << pair.mentor;
        EXPECT_TRUE(mentees.insert(pair.mentee).second) << pair.mentee << " has two mentors";
    }
    for (const auto& unmatched : plan->unmatched) EXPECT_GE(below_count[unmatched.mentee], 3);
    std::cout << organisations.size() << " trusts: " << plan->pairs.size() << " pairs, " << plan->unmatched.size()
              << " mentees unmatched, total weight " << plan->total_weight << "\n";
}

}  // namespace
}  // namespace carevoice::experience
