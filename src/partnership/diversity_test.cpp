#include "partnership/diversity.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::Member;
using testing::NamesField;

Person WithAnswers(Person p, std::vector<DiversityAnswer> answers) {
    p.diversity_consent = true;
    p.diversity = std::move(answers);
    return p;
}

Meeting Held(std::string_view on, std::vector<std::int64_t> attendees) {
    Meeting m;
    m.held_on = D(on);
    m.attendees = std::move(attendees);
    return m;
}

// Today 2024-06-30. Current members: Ann, Bea, Cal, Dan, Ivy (users), Eve and Fay (professionals), Gus
// (voluntary sector); Hal left on 2024-03-01; Ivy joined on 2024-06-01.
class DiversityViewTest : public ::testing::Test {
  protected:
    void SetUp() override {
        Person ann = WithAnswers(Member(1, "Ann", MemberType::kPatient), {{DiversityDimension::kEthnicGroup, "white"},
                                                                          {DiversityDimension::kAgeBand, "65_74"},
                                                                          {DiversityDimension::kRurality, "rural"}});
        ann.tumour_experience = {"Breast"};
        ann.treatment_stage = TreatmentStage::kDuringTreatment;
        Person bea = WithAnswers(Member(2, "Bea", MemberType::kExPatient), {{DiversityDimension::kEthnicGroup, "white"},
                                                                            {DiversityDimension::kAgeBand, "55_64"}});
        bea.tumour_experience = {"Breast", "Lung"};
        bea.treatment_stage = TreatmentStage::kLongerAfter;
        Person cal = WithAnswers(Member(3, "Cal", MemberType::kCarer), {{DiversityDimension::kEthnicGroup, "asian"}});
        cal.tumour_experience = {"Prostate"};
        cal.treatment_stage = TreatmentStage::kWithinYearAfter;
        Person dan = Member(4, "Dan", MemberType::kPatient);
        dan.tumour_experience = {"Colorectal"};
        dan.treatment_stage = TreatmentStage::kBeforeTreatment;
        Person eve =
            WithAnswers(Member(5, "Eve", MemberType::kProfessional), {{DiversityDimension::kEthnicGroup, "black"}});
        Person fay = Member(6, "Fay", MemberType::kProfessional);
        Person gus = Member(7, "Gus", MemberType::kVoluntarySector);
        Person hal = Member(8, "Hal", MemberType::kPatient);
        hal.left_on = D("2024-03-01");
        Person ivy = Member(9, "Ivy", MemberType::kPatient);
        ivy.joined_on = D("2024-06-01");
        people_ = {ann, bea, cal, dan, eve, fay, gus, hal, ivy};
        meetings_ = {Held("2024-02-01", {1, 2, 3, 4, 5, 6, 7, 8}), Held("2024-03-15", {1, 2, 5, 6}),
                     Held("2024-05-01", {1, 2, 5}), Held("2024-06-12", {1, 2, 6, 9}), Held("2024-07-20", {3})};
        profile_ = {
            {DiversityDimension::kEthnicGroup, "white", 0.80}, {DiversityDimension::kEthnicGroup, "asian", 0.10},
            {DiversityDimension::kEthnicGroup, "black", 0.06}, {DiversityDimension::kEthnicGroup, "mixed", 0.03},
            {DiversityDimension::kEthnicGroup, "other", 0.01}, {DiversityDimension::kRurality, "rural", 0.30},
            {DiversityDimension::kRurality, "urban", 0.70}};
    }
    DiversityView View() {
        auto view = BuildDiversityView(people_, meetings_, profile_, D("2024-06-30"));
        EXPECT_TRUE(view.ok()) << view.status().ToString();
        return view.ok() ? *view : DiversityView{};
    }
    std::vector<Person> people_;
    std::vector<Meeting> meetings_;
    PopulationProfile profile_;
};

TEST_F(DiversityViewTest, CountsCurrentMembersByConstituency) {
    const DiversityView view = View();
    EXPECT_EQ(view.members, 8);
    EXPECT_EQ(view.lay, 5);
    EXPECT_EQ(view.professionals, 2);
    EXPECT_EQ(view.voluntary_sector, 1);
    EXPECT_DOUBLE_EQ(*view.users_per_professional, 2.5);  // 5 users / 2 professionals
}

TEST_F(DiversityViewTest, SharesAreOfTheUsersWhoAnswered) {
    const DiversityView view = View();
    const DimensionView& ethnic = view.dimensions[0];
    EXPECT_EQ(ethnic.dimension, DiversityDimension::kEthnicGroup);
    EXPECT_EQ(ethnic.answered, 3);      // Ann, Bea, Cal; Eve is a professional
    EXPECT_EQ(ethnic.not_answered, 2);  // Dan (no consent), Ivy
    ASSERT_EQ(ethnic.categories.size(), 5u);
    EXPECT_EQ(ethnic.categories[0].category, "asian");
    EXPECT_EQ(ethnic.categories[0].members, 1);
    EXPECT_DOUBLE_EQ(*ethnic.categories[0].share, 1.0 / 3);
    EXPECT_DOUBLE_EQ(*ethnic.categories[0].expected_share, 0.10);
    EXPECT_EQ(ethnic.categories[3].category, "white");
    EXPECT_DOUBLE_EQ(*ethnic.categories[3].share, 2.0 / 3);
    const DimensionView& sex = view.dimensions[2];
    EXPECT_EQ(sex.answered, 0);
    EXPECT_FALSE(sex.categories[0].share.has_value());
}

TEST_F(DiversityViewTest, MissingSeldomHeardGroupsAreThoseOfAtLeastFivePercentWithNoMember) {
    const DiversityView view = View();
    // Black 6% and nobody; Mixed 3% and Other 1% are below 5%; Urban 70% and nobody answered urban.
    EXPECT_EQ(view.seldom_heard_missing,
              (std::vector<std::string>{"Ethnic group: Black, Black British, Caribbean or African",
                                        "Rural or urban: Urban"}));
    EXPECT_TRUE(view.dimensions[0].categories[1].seldom_heard_missing);   // black
    EXPECT_FALSE(view.dimensions[0].categories[2].seldom_heard_missing);  // mixed, 3%
}

TEST_F(DiversityViewTest, TumourSpreadListsEveryGroupMostMembersFirst) {
    const auto spread = View().tumour_spread;
    ASSERT_EQ(spread.size(), kTumourGroups.size());
    EXPECT_EQ(spread[0].tumour_group, "Breast");
    EXPECT_EQ(spread[0].members, 2);
    EXPECT_EQ(spread[1].tumour_group, "Colorectal");
    EXPECT_EQ(spread[2].tumour_group, "Lung");
    EXPECT_EQ(spread[3].tumour_group, "Prostate");
    EXPECT_EQ(spread[3].members, 1);
    EXPECT_EQ(spread[4].tumour_group, "Brain and CNS");
    EXPECT_EQ(spread[4].members, 0);
}

TEST_F(DiversityViewTest, CountsUsersInOrJustAfterTreatment) {
    EXPECT_EQ(View().in_or_just_after_treatment, 2);  // Ann (during), Cal (within a year after)
}

TEST_F(DiversityViewTest, LapsedAreLeaversThenThoseAbsentFromTheLastThreeMeetings) {
    // Meetings held by today, newest first: 06-12, 05-01, 03-15, 02-01. Cal, Dan and Gus attended none of
    // the last three; Ivy joined before only one meeting, so has not lapsed.
    const auto lapsed = View().lapsed;
    ASSERT_EQ(lapsed.size(), 4u);
    EXPECT_EQ(lapsed[0].name, "Hal");
    EXPECT_EQ(lapsed[0].reason, LapseReason::kLeft);
    EXPECT_EQ(lapsed[0].last_attended, D("2024-02-01"));
    EXPECT_EQ(lapsed[1].name, "Cal");
    EXPECT_EQ(lapsed[1].reason, LapseReason::kNoRecentAttendance);
    EXPECT_EQ(lapsed[1].last_attended, D("2024-02-01"));
    EXPECT_EQ(lapsed[2].name, "Dan");
    EXPECT_EQ(lapsed[3].name, "Gus");
}

TEST_F(DiversityViewTest, WithoutProfessionalsThereIsNoRatio) {
    people_.erase(people_.begin() + 4, people_.begin() + 6);  // Eve and Fay
    EXPECT_FALSE(View().users_per_professional.has_value());
}

TEST(PopulationProfileTest, SharesMustBeProportionsOfKnownCategories) {
    const PopulationProfile profile = {{DiversityDimension::kEthnicGroup, "white", 1.2},
                                       {DiversityDimension::kAgeBand, "teen", 0.1},
                                       {DiversityDimension::kSex, "female", 0.6},
                                       {DiversityDimension::kSex, "male", 0.6}};
    const Status s = ValidatePopulationProfile(profile);
    EXPECT_TRUE(NamesField(s, "profile[1].expected_share"));
    EXPECT_TRUE(NamesField(s, "profile[2].category"));
    EXPECT_TRUE(NamesField(s, "profile"));  // sex adds up to 1.2
    EXPECT_FALSE(BuildDiversityView({}, {}, profile, D("2024-01-01")).ok());
}

}  // namespace
}  // namespace carevoice::partnership
