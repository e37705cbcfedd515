#include "partnership/terms_of_reference_warnings.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::Member;

std::vector<TorWarningKind> Kinds(const std::vector<TorWarning>& warnings) {
    std::vector<TorWarningKind> kinds;
    for (const TorWarning& w : warnings) kinds.push_back(w.kind);
    return kinds;
}

Person Chair(std::int64_t id, std::string name, MemberType type, std::string_view from,
             std::optional<std::string_view> to = std::nullopt) {
    Person p = Member(id, std::move(name), type);
    p.joined_on = D("2018-01-01");
    p.offices.push_back({Office::kChair, D(from), to ? std::optional<CivilDate>(D(*to)) : std::nullopt});
    return p;
}

Person ViceChair(std::int64_t id, std::string name, MemberType type) {
    Person p = Member(id, std::move(name), type);
    p.offices.push_back({Office::kViceChair, D("2023-01-01"), std::nullopt});
    return p;
}

// Terms whose review is far away, and meetings none: only the rule under test can warn.
TermsOfReference QuietTerms() {
    TermsOfReference terms = SampleTermsOfReference(D("2024-01-01"));
    terms.review_date = D("2030-01-01");
    return terms;
}

// The worked example: the sample terms adopted 2023-06-01 (review 2024-06-01), quorum 6 of whom 3
// users. Today 2024-05-01. Ann (patient) has chaired since 2021-03-01, so her 36 months ended on
// 2024-03-01. Bob is the one vice-chair (Cat's office ended). Meetings: 2024-02-01 had 6 present but
// only Ann and Cat are users (2 < 3); 2024-03-14 had Ann and Bob (2 < 6, 1 user < 3); 2024-06-01 is
// still to come.
TEST(TermsOfReferenceWarningsTest, WorkedExample) {
    const TermsOfReference terms = SampleTermsOfReference(D("2023-06-01"));
    std::vector<Person> people = {Chair(1, "Ann", MemberType::kPatient, "2021-03-01"),
                                  ViceChair(2, "Bob", MemberType::kProfessional), Member(3, "Cat", MemberType::kCarer),
                                  Member(4, "Dev", MemberType::kProfessional),
                                  Member(5, "Eli", MemberType::kProfessional)};
    people[2].offices.push_back({Office::kViceChair, D("2023-01-01"), D("2023-12-01")});
    std::vector<Meeting> meetings(3);
    meetings[0].id = 10;
    meetings[0].held_on = D("2024-02-01");
    meetings[0].attendees = {1, 2, 3, 4, 5, 6};  // 6 is a guest, not a member
    meetings[1].id = 11;
    meetings[1].held_on = D("2024-03-14");
    meetings[1].attendees = {1, 2};
    meetings[2].id = 12;
    meetings[2].held_on = D("2024-06-01");

    const auto warnings = TermsOfReferenceWarnings(terms, people, meetings, D("2024-05-01"));
    ASSERT_EQ(Kinds(warnings), (std::vector<TorWarningKind>{
                                   TorWarningKind::kChairPastTerm, TorWarningKind::kTooFewViceChairs,
                                   TorWarningKind::kReviewDueSoon, TorWarningKind::kMeetingWithoutLayQuorum,
                                   TorWarningKind::kMeetingWithoutQuorum, TorWarningKind::kMeetingWithoutLayQuorum}));
    EXPECT_EQ(warnings[0].person_id, 1);
    EXPECT_EQ(warnings[0].date, D("2024-03-01"));
    EXPECT_EQ(warnings[0].message,
              "Ann has chaired the group since 2021-03-01; the terms of reference allow at most 36 months, which "
              "ended on 2024-03-01");
    EXPECT_EQ(warnings[1].message, "the terms of reference ask for 2 vice-chairs; 1 holds the office");
    EXPECT_EQ(warnings[2].message, "the terms of reference are due for review on 2024-06-01, in 31 days");
    EXPECT_EQ(warnings[3].meeting_id, 10);
    EXPECT_EQ(warnings[3].message,
              "the meeting of 2024-02-01 had 2 users or carers present; the terms of reference ask for at least 3");
    EXPECT_EQ(warnings[4].meeting_id, 11);
    EXPECT_EQ(warnings[4].message, "the meeting of 2024-03-14 had 2 people present; the quorum is 6");
}

TEST(TermsOfReferenceWarningsTest, ChairTermEndingWithin90DaysIsDue) {
    const std::vector<Person> people = {Chair(1, "Ann", MemberType::kPatient, "2021-06-01"),
                                        ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    // Limit 2024-06-01. 2024-03-02 is 91 days before it; 2024-03-03 is 90.
    EXPECT_TRUE(TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2024-03-02")).empty());
    const auto warnings = TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2024-03-03"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kChairTermEndsSoon});
    EXPECT_EQ(warnings[0].date, D("2024-06-01"));
    EXPECT_NE(warnings[0].message.find("in 90 days"), std::string::npos) << warnings[0].message;
}

TEST(TermsOfReferenceWarningsTest, ChairBackBeforeTheGapIsReElectedTooSoon) {
    // Dee chaired 2019-01-01 to 2022-01-01 and again from 2022-09-01; the gap of 12 months ran to 2023-01-01.
    Person dee = Chair(1, "Dee", MemberType::kExPatient, "2019-01-01", "2022-01-01");
    dee.offices.push_back({Office::kChair, D("2022-09-01"), std::nullopt});
    const std::vector<Person> people = {dee, ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2023-01-01"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kChairReElectedTooSoon});
    EXPECT_EQ(warnings[0].message,
              "Dee became chair again on 2022-09-01, but their previous term ended on 2022-01-01 and the terms of "
              "reference ask for a gap of 12 months (not before 2023-01-01)");
}

TEST(TermsOfReferenceWarningsTest, OfficesThatTouchAreOneContinuousTerm) {
    // Re-elected on the day the first year ended: one term from 2020-01-01, past its 36 months on 2023-01-01.
    Person ann = Chair(1, "Ann", MemberType::kPatient, "2020-01-01", "2021-01-01");
    ann.offices.push_back({Office::kChair, D("2021-01-01"), std::nullopt});
    const std::vector<Person> people = {ann, ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2023-02-01"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kChairPastTerm});
    EXPECT_EQ(warnings[0].date, D("2023-01-01"));
}

TEST(TermsOfReferenceWarningsTest, AProfessionalChairIsNotEligibleUnlessAnyMemberMayChair) {
    const std::vector<Person> people = {Chair(1, "Eve", MemberType::kProfessional, "2024-01-01"),
                                        ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2024-02-01"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kChairNotEligible});
    EXPECT_NE(warnings[0].message.find("Eve chairs the group but is a health or care professional"), std::string::npos)
        << warnings[0].message;
    TermsOfReference any = QuietTerms();
    any.chair_eligibility = ChairEligibility::kAnyMember;
    EXPECT_TRUE(TermsOfReferenceWarnings(any, people, {}, D("2024-02-01")).empty());
}

TEST(TermsOfReferenceWarningsTest, CoChairsCountAsChairs) {
    Person ann = Member(1, "Ann", MemberType::kPatient);
    ann.offices.push_back({Office::kCoChair, D("2023-06-01"), std::nullopt});
    const std::vector<Person> people = {ann, ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    EXPECT_TRUE(TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2024-02-01")).empty());
}

TEST(TermsOfReferenceWarningsTest, AChairWhoLeftNoLongerChairs) {
    Person ann = Chair(1, "Ann", MemberType::kPatient, "2023-06-01");
    ann.left_on = D("2024-01-01");
    const std::vector<Person> people = {ann, ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(QuietTerms(), people, {}, D("2024-02-01"));
    EXPECT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kNoChair});
}

TEST(TermsOfReferenceWarningsTest, ReviewPastItsDateIsOverdue) {
    TermsOfReference terms = QuietTerms();
    terms.review_date = D("2024-01-01");
    const std::vector<Person> people = {Chair(1, "Ann", MemberType::kPatient, "2023-06-01"),
                                        ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(terms, people, {}, D("2024-01-11"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kReviewOverdue});
    EXPECT_EQ(warnings[0].message, "the terms of reference were due for review on 2024-01-01, 10 days ago");
}

TEST(TermsOfReferenceWarningsTest, MoreViceChairsThanTheTermsAllow) {
    TermsOfReference terms = QuietTerms();
    terms.vice_chairs = 1;
    const std::vector<Person> people = {Chair(1, "Ann", MemberType::kPatient, "2023-06-01"),
                                        ViceChair(2, "Bob", MemberType::kCarer),
                                        ViceChair(3, "Cy", MemberType::kCarer)};
    const auto warnings = TermsOfReferenceWarnings(terms, people, {}, D("2024-01-11"));
    ASSERT_EQ(Kinds(warnings), std::vector<TorWarningKind>{TorWarningKind::kTooManyViceChairs});
    EXPECT_EQ(warnings[0].message, "the terms of reference ask for 1 vice-chair; 2 hold the office");
}

}  // namespace
}  // namespace carevoice::partnership
