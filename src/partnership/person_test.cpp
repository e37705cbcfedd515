#include "partnership/person.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::Member;
using testing::NamesField;

TEST(PersonTest, AMemberWithTheirPreferredContactIsValid) {
    Person p = Member(1, "Ann Example", MemberType::kPatient);
    p.tumour_experience = {"Breast"};
    p.treatment_stage = TreatmentStage::kWithinYearAfter;
    p.training = {{"CancerVOICES", D("2023-05-01")}};
    EXPECT_TRUE(ValidatePerson(p).ok()) << ValidatePerson(p).ToString();
    EXPECT_FALSE(p.consent_to_be_named);  // default: not named publicly
}

TEST(PersonTest, ThePreferredContactMethodNeedsItsDetail) {
    Person p = Member(1, "Ann", MemberType::kCarer);
    p.contact_method = ContactMethod::kPost;
    EXPECT_TRUE(NamesField(ValidatePerson(p), "postal_address"));
    p.postal_address = "1 Example Road, Milton Keynes";
    EXPECT_TRUE(ValidatePerson(p).ok());
    p.contact_method = ContactMethod::kPhone;
    EXPECT_TRUE(NamesField(ValidatePerson(p), "phone"));
    p.phone = "01908 000000";
    EXPECT_TRUE(ValidatePerson(p).ok());
}

TEST(PersonTest, AnEmailAddressMustLookLikeOne) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.email = "ann.example.org";
    const Status s = ValidatePerson(p);
    EXPECT_TRUE(NamesField(s, "email"));
    EXPECT_NE(s.message().find("'ann.example.org' is not an e-mail address"), std::string::npos) << s.message();
}

TEST(PersonTest, ProfessionalsNeedADisciplineAndVoluntaryMembersAnOrganisation) {
    Person pro = Member(1, "Dr Who", MemberType::kProfessional);
    pro.discipline = "";
    EXPECT_TRUE(NamesField(ValidatePerson(pro), "discipline"));
    Person vol = Member(2, "Val", MemberType::kVoluntarySector);
    vol.organisation = " ";
    EXPECT_TRUE(NamesField(ValidatePerson(vol), "organisation"));
}

TEST(PersonTest, DiversityAnswersNeedConsent) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.diversity = {{DiversityDimension::kEthnicGroup, "asian"}};
    EXPECT_TRUE(NamesField(ValidatePerson(p), "diversity"));
    p.diversity_consent = true;
    EXPECT_TRUE(ValidatePerson(p).ok());
}

TEST(PersonTest, DiversityAnswersMustBeKnownAndOncePerQuestion) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.diversity_consent = true;
    p.diversity = {{DiversityDimension::kEthnicGroup, "martian"},
                   {DiversityDimension::kAgeBand, "65_74"},
                   {DiversityDimension::kAgeBand, "75_84"}};
    const Status s = ValidatePerson(p);
    EXPECT_TRUE(NamesField(s, "diversity[ethnic_group]"));
    EXPECT_TRUE(NamesField(s, "diversity[age_band]"));
}

TEST(PersonTest, OnlyCarersAndFamilyAreBereavedCarers) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.treatment_stage = TreatmentStage::kBereavedCarer;
    EXPECT_TRUE(NamesField(ValidatePerson(p), "treatment_stage"));
    p.member_type = MemberType::kFamilyMember;
    EXPECT_TRUE(ValidatePerson(p).ok());
}

TEST(PersonTest, TumourExperienceUsesTheSurveysTumourGroups) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.tumour_experience = {"Lung", "Liver", "Lung"};
    const Status s = ValidatePerson(p);
    EXPECT_TRUE(NamesField(s, "tumour_experience"));
    EXPECT_NE(s.message().find("'Liver' is not a CPES tumour group"), std::string::npos);
    EXPECT_NE(s.message().find("names 'Lung' twice"), std::string::npos);
}

TEST(PersonTest, MembershipAndOfficeDatesMustBeInOrder) {
    Person p = Member(1, "Ann", MemberType::kPatient);  // joined 2023-01-01
    p.left_on = D("2022-12-31");
    p.offices = {{Office::kChair, D("2022-06-01"), std::nullopt},
                 {Office::kSecretary, D("2023-06-01"), D("2023-06-01")},
                 {Office::kChair, D("2023-02-01"), std::nullopt}};
    const Status s = ValidatePerson(p);
    EXPECT_TRUE(NamesField(s, "left_on"));
    EXPECT_TRUE(NamesField(s, "offices[1].started_on"));
    EXPECT_TRUE(NamesField(s, "offices[2].ended_on"));
    EXPECT_TRUE(NamesField(s, "offices[3]"));  // overlaps the first chair office
}

TEST(PersonTest, MembershipRunsFromJoiningToTheDayBeforeLeaving) {
    Person p = Member(1, "Ann", MemberType::kPatient);
    p.joined_on = D("2024-01-01");
    p.left_on = D("2024-06-01");
    EXPECT_FALSE(IsMemberOn(p, D("2023-12-31")));
    EXPECT_TRUE(IsMemberOn(p, D("2024-01-01")));
    EXPECT_TRUE(IsMemberOn(p, D("2024-05-31")));
    EXPECT_FALSE(IsMemberOn(p, D("2024-06-01")));
}

TEST(PersonTest, UsersAreLayAndTheVoluntarySectorIsItsOwnConstituency) {
    EXPECT_TRUE(IsLay(MemberType::kPatient));
    EXPECT_TRUE(IsLay(MemberType::kExPatient));
    EXPECT_TRUE(IsLay(MemberType::kCarer));
    EXPECT_TRUE(IsLay(MemberType::kFamilyMember));
    EXPECT_EQ(ConstituencyOf(MemberType::kProfessional), Constituency::kProfessional);
    EXPECT_EQ(ConstituencyOf(MemberType::kVoluntarySector), Constituency::kVoluntarySector);
}

}  // namespace
}  // namespace carevoice::partnership
