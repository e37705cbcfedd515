#include "partnership/voting.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::Member;
using testing::NamesField;

// Three candidates, five voters: Ann (patient) and Bea (carer) are users, Cal and Dee professionals,
// Gus from the voluntary sector.
class VotingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        candidates_ = {Candidate(11, "Clear results letters"), Candidate(12, "Parking"),
                       Candidate(13, "Survivorship information")};
        people_ = {Member(1, "Ann", MemberType::kPatient), Member(2, "Bea", MemberType::kCarer),
                   Member(3, "Cal", MemberType::kProfessional), Member(4, "Dee", MemberType::kProfessional),
                   Member(5, "Gus", MemberType::kVoluntarySector)};
        ballots_ = {Vote(1, {11, 13, 12}), Vote(2, {13, 11}), Vote(3, {12, 11, 13}), Vote(4, {12, 13}), Vote(5, {13})};
    }
    static CandidatePriority Candidate(std::int64_t id, std::string title) {
        CandidatePriority c;
        c.id = id;
        c.programme_year = 2025;
        c.title = std::move(title);
        return c;
    }
    static Ballot Vote(std::int64_t person, std::vector<std::int64_t> choices) {
        return Ballot{0, 1, 2025, person, std::move(choices)};
    }
    VoteTally Tally(VotingMethod method) {
        auto tally = TallyVotes(candidates_, ballots_, people_, method);
        EXPECT_TRUE(tally.ok()) << tally.status().ToString();
        return tally.ok() ? *tally : VoteTally{};
    }
    std::vector<CandidatePriority> candidates_;
    std::vector<Person> people_;
    std::vector<Ballot> ballots_;
};

TEST_F(VotingTest, RankedBallotsAreABordaCountKeptApartByConstituency) {
    // k = 3: first 3 points, second 2, third 1, left off 0.
    // Lay:          11 = 3 (Ann) + 2 (Bea) = 5; 12 = 1 (Ann); 13 = 2 (Ann) + 3 (Bea) = 5.
    // Professional: 11 = 2 (Cal); 12 = 3 (Cal) + 3 (Dee) = 6; 13 = 1 (Cal) + 2 (Dee) = 3.
    // Voluntary:    13 = 3 (Gus).
    // Totals: 11 = 7, 12 = 7, 13 = 11; 11 before 12 on lay points (5 > 1).
    const VoteTally tally = Tally(VotingMethod::kRanked);
    ASSERT_EQ(tally.priorities.size(), 3u);
    const PriorityTally& first = tally.priorities[0];
    EXPECT_EQ(first.priority_id, 13);
    EXPECT_EQ(first.lay_points, 5);
    EXPECT_EQ(first.professional_points, 3);
    EXPECT_EQ(first.voluntary_sector_points, 3);
    EXPECT_EQ(first.total_points, 11);
    EXPECT_EQ(tally.priorities[1].priority_id, 11);
    EXPECT_EQ(tally.priorities[1].total_points, 7);
    EXPECT_EQ(tally.priorities[2].priority_id, 12);
    EXPECT_EQ(tally.priorities[2].professional_points, 6);
    EXPECT_EQ(tally.lay_ballots, 2);
    EXPECT_EQ(tally.professional_ballots, 2);
    EXPECT_EQ(tally.voluntary_sector_ballots, 1);
}

TEST_F(VotingTest, RanksShowWhereUsersAndProfessionalsDisagree) {
    const VoteTally tally = Tally(VotingMethod::kRanked);
    // Users tie 11 and 13 at 5 points: both rank 1, and 12 ranks 3. Professionals put 12 first.
    const PriorityTally& results = tally.priorities[1];  // 11
    const PriorityTally& parking = tally.priorities[2];  // 12
    EXPECT_EQ(results.lay_rank, 1);
    EXPECT_EQ(tally.priorities[0].lay_rank, 1);
    EXPECT_EQ(parking.lay_rank, 3);
    EXPECT_EQ(parking.professional_rank, 1);
    EXPECT_EQ(results.professional_rank, 3);
    EXPECT_EQ(results.overall_rank, 2);
    EXPECT_EQ(parking.overall_rank, 2);
}

TEST_F(VotingTest, VotesGiveOnePointPerChosenCandidate) {
    // 11: Ann, Bea, Cal = 3 (lay 2); 12: Ann, Cal, Dee = 3 (lay 1); 13: all five = 5.
    const VoteTally tally = Tally(VotingMethod::kVotes);
    EXPECT_EQ(tally.priorities[0].priority_id, 13);
    EXPECT_EQ(tally.priorities[0].total_points, 5);
    EXPECT_EQ(tally.priorities[1].priority_id, 11);
    EXPECT_EQ(tally.priorities[1].lay_points, 2);
    EXPECT_EQ(tally.priorities[2].priority_id, 12);
    EXPECT_EQ(tally.priorities[2].total_points, 3);
}

TEST_F(VotingTest, BallotsFromStrangersTwiceOrForNonCandidatesAreRefused) {
    ballots_.push_back(Vote(99, {11}));
    ballots_.push_back(Vote(1, {12}));
    ballots_.push_back(Vote(3, {77}));  // Cal's second ballot is reported as such
    ballots_[1].choices = {13, 77};
    auto tally = TallyVotes(candidates_, ballots_, people_, VotingMethod::kRanked);
    ASSERT_FALSE(tally.ok());
    const Status& s = tally.status();
    EXPECT_TRUE(NamesField(s, "ballots[2]"));  // 77 is not a candidate
    EXPECT_TRUE(NamesField(s, "ballots[6]"));  // person 99
    EXPECT_TRUE(NamesField(s, "ballots[7]"));  // Ann again
    EXPECT_NE(s.message().find("is a second ballot from Ann"), std::string::npos) << s.message();
}

TEST(BallotTest, ABallotChoosesAtLeastOneCandidateEachOnce) {
    Ballot b{0, 1, 2025, 1, {}};
    EXPECT_TRUE(NamesField(ValidateBallot(b), "choices"));
    b.choices = {4, 4};
    EXPECT_TRUE(NamesField(ValidateBallot(b), "choices"));
    b.choices = {4, 5};
    EXPECT_TRUE(ValidateBallot(b).ok());
}

}  // namespace
}  // namespace carevoice::partnership
