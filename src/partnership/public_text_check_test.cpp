#include "partnership/public_text_check.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::Member;

// A small group: three who have not agreed to be named, two who have.
std::vector<Person> Group() {
    std::vector<Person> people = {
        Member(1, "Polly Patient", MemberType::kPatient), Member(2, "Siobhán Ní Bhriain", MemberType::kCarer),
        Member(3, "Val Vicechair", MemberType::kPatient), Member(4, "Vic Vicechair", MemberType::kCarer),
        Member(5, "Cora Chair", MemberType::kExPatient),  Member(6, "John Michael Smith", MemberType::kProfessional),
        Member(7, "May Brown", MemberType::kFamilyMember)};
    people[3].consent_to_be_named = true;
    people[4].consent_to_be_named = true;
    return people;
}

PublicTextCheck Check(const std::string& text, std::vector<std::string> contacts = {}) {
    const std::vector<PublicText> texts = {{"minutes", text}};
    const std::vector<Person> people = Group();
    return CheckPublicText(texts, people, contacts);
}

// What each finding found, as written.
std::vector<std::string> FoundText(const PublicTextCheck& check) {
    std::vector<std::string> out;
    for (const auto& f : check.findings) out.push_back(f.found);
    return out;
}

using Found = std::vector<std::string>;

TEST(PublicTextCheckTest, FlagsTheFullNameOfSomeoneWhoHasNotAgreed) {
    const auto check = Check("## Welcome\n\nThanks to Polly Patient for the leaflet.");
    ASSERT_EQ(check.findings.size(), 1u);
    const PublicTextFinding& f = check.findings[0];
    EXPECT_EQ(f.problem, PublicTextProblem::kName);
    EXPECT_EQ(f.field, "minutes");
    EXPECT_EQ(f.found, "Polly Patient");
    EXPECT_EQ(f.line, 3u);
    EXPECT_EQ(f.offset, std::string("## Welcome\n\nThanks to ").size());
    EXPECT_EQ(f.length, std::string("Polly Patient").size());
    EXPECT_EQ(f.person_ids, std::vector<std::int64_t>{1});
    EXPECT_EQ(f.person_names, std::vector<std::string>{"Polly Patient"});
    EXPECT_TRUE(f.whole_name);
    EXPECT_EQ(f.excerpt, "Thanks to Polly Patient for the leaflet.");
}

TEST(PublicTextCheckTest, NamesOfThoseWhoAgreedPass) {
    EXPECT_TRUE(Check("Cora Chair chaired; Vic Vicechair took notes. Cora thanked Vic.").ok());
}

TEST(PublicTextCheckTest, MatchesWholeWordsInAnyCaseInsidePunctuation) {
    EXPECT_EQ(FoundText(Check("(polly patient), \"POLLY PATIENT\"; **Polly Patient**.")),
              (Found{"polly patient", "POLLY PATIENT", "Polly Patient"}));
    EXPECT_TRUE(Check("Pollyanna Patients and apollo patient").ok());
}

TEST(PublicTextCheckTest, MatchesAFullNameAcrossOneLineBreak) {
    const auto check = Check("Thanks to Polly\n  Patient, and to the clinic.");
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].found, "Polly\n  Patient");
    EXPECT_EQ(check.findings[0].line, 1u);
    EXPECT_EQ(check.findings[0].excerpt, "Thanks to Polly   Patient, and to the clinic.");
}

TEST(PublicTextCheckTest, DoesNotJoinNameWordsAcrossAParagraph) {
    // "Polly" alone is still flagged (rule 4); the paragraph's "Patient" is not part of it.
    EXPECT_EQ(FoundText(Check("Thanks to Polly\n\nPatient transport is late.")), Found{"Polly"});
}

TEST(PublicTextCheckTest, MatchesUnicodeNamesInAnyCase) {
    EXPECT_EQ(FoundText(Check("Siobhán Ní Bhriain spoke. SIOBHÁN NÍ BHRIAIN agreed. siobhán ní bhriain left.")),
              (Found{"Siobhán Ní Bhriain", "SIOBHÁN NÍ BHRIAIN", "siobhán ní bhriain"}));
    // Accents matter: Siobhan without the fada is another word.
    EXPECT_TRUE(Check("siobhan ni bhriain").ok());
}

TEST(PublicTextCheckTest, MatchesNamesWithApostrophesEitherWay) {
    std::vector<Person> people = {Member(1, "Seán O'Brien", MemberType::kPatient)};
    const std::vector<PublicText> texts = {{"minutes", "Thanks to Seán O’Brien and to Mr O'Brien."}};
    const auto check = CheckPublicText(texts, people);
    ASSERT_EQ(check.findings.size(), 2u);
    EXPECT_EQ(check.findings[0].found, "Seán O’Brien");
    EXPECT_EQ(check.findings[1].found, "Mr O'Brien");
    EXPECT_FALSE(check.findings[1].whole_name);
}

TEST(PublicTextCheckTest, FlagsFirstAndLastNameOfALongerName) {
    EXPECT_EQ(FoundText(Check("John Smith and John Michael Smith")), (Found{"John Smith", "John Michael Smith"}));
}

TEST(PublicTextCheckTest, FlagsATitleWithTheSurname) {
    const auto check = Check("Mrs Patient asked; Dr. Bhriain and Ms Ní Bhriain answered.");
    EXPECT_EQ(FoundText(check), (Found{"Mrs Patient", "Dr. Bhriain", "Ms Ní Bhriain"}));
    EXPECT_FALSE(check.findings[0].whole_name);
    EXPECT_EQ(check.findings[2].person_names, std::vector<std::string>{"Siobhán Ní Bhriain"});
}

TEST(PublicTextCheckTest, FlagsACapitalisedFirstNameAlone) {
    const auto check = Check("Polly said the car park is full. POLLY agreed.");
    EXPECT_EQ(FoundText(check), (Found{"Polly", "POLLY"}));
    EXPECT_FALSE(check.findings[0].whole_name);
    EXPECT_EQ(check.findings[0].person_names, std::vector<std::string>{"Polly Patient"});
}

TEST(PublicTextCheckTest, LeavesAmbiguousAndOrdinaryWordsAlone) {
    // A surname without a title is an ordinary word too often ("Patient transport").
    // A surname someone who agreed also has ("Mrs Vicechair" may be Vic).
    // A first name in lower case, a month that is a first name, and a lone "Smith".
    EXPECT_TRUE(
        Check("Patient transport is late. Mrs Vicechair thanked polly's team. On 14 May 2026 Smith came.").ok());
}

TEST(PublicTextCheckTest, FlagsEmailAddressesAndPhoneNumbers) {
    const auto check =
        Check("Minutes\n\nContact polly@example.org or 07700 900123.\nNext meeting 14 3 2026 at 10:30, £25 a head.");
    ASSERT_EQ(check.findings.size(), 2u);
    EXPECT_EQ(check.findings[0].problem, PublicTextProblem::kEmail);
    EXPECT_EQ(check.findings[0].found, "polly@example.org");
    EXPECT_EQ(check.findings[0].line, 3u);
    EXPECT_EQ(check.findings[1].problem, PublicTextProblem::kPhone);
    EXPECT_EQ(check.findings[1].found, "07700 900123");
}

TEST(PublicTextCheckTest, AnAddressThatSpellsANameIsReportedOnceAsAnAddress) {
    const auto check = Check("Write to polly.patient@example.org");
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].problem, PublicTextProblem::kEmail);
    EXPECT_EQ(check.findings[0].found, "polly.patient@example.org");
}

TEST(PublicTextCheckTest, TheGroupsOwnContactRoutesMayBePublished) {
    EXPECT_TRUE(
        Check("Write to partnership@example.org or ring (01632) 960 500.", {"Partnership@Example.org", "01632 960500"})
            .ok());
    EXPECT_EQ(FoundText(Check("Or ring 01632 960501.", {"01632 960500"})), Found{"01632 960501"});
}

TEST(PublicTextCheckTest, AContactRouteFieldIsCheckedForNamesOnly) {
    const std::vector<PublicText> texts = {{"contact_email", "partnership@example.org", true},
                                           {"contact_email", "polly.patient@example.org", true},
                                           {"contact_phone", "07700 900123", true}};
    const std::vector<Person> people = Group();
    const auto check = CheckPublicText(texts, people);
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].problem, PublicTextProblem::kName);
    EXPECT_EQ(check.findings[0].found, "polly.patient");
}

TEST(PublicTextCheckTest, ReportsEachFieldInOrder) {
    const std::vector<PublicText> texts = {{"place", "Polly Patient's house"},
                                           {"agenda", "1. Welcome"},
                                           {"decisions", "Ask Dr Bhriain\nWrite to Cora Chair"}};
    const std::vector<Person> people = Group();
    const auto check = CheckPublicText(texts, people);
    ASSERT_EQ(check.findings.size(), 2u);
    EXPECT_EQ(check.findings[0].field, "place");
    EXPECT_EQ(check.findings[0].found, "Polly Patient's");  // the possessive is part of the word
    EXPECT_EQ(check.findings[1].field, "decisions");
    EXPECT_EQ(check.findings[1].line, 1u);
}

TEST(PublicTextCheckTest, SomeoneWhoLeftIsStillNotNamed) {
    std::vector<Person> people = Group();
    people[0].left_on = testing::D("2024-01-01");
    const std::vector<PublicText> texts = {{"minutes", "Polly Patient"}};
    EXPECT_FALSE(CheckPublicText(texts, people).ok());
}

TEST(PublicTextCheckTest, ShortensTheExcerptOfALongLine) {
    const std::string before(60, 'a'), after(60, 'b');
    const auto check = Check(before + " Polly Patient " + after);
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].excerpt, "…" + std::string(39, 'a') + " Polly Patient " + std::string(39, 'b') + "…");
}

TEST(PublicTextCheckTest, RefusesATextTooLongToCheck) {
    const auto check = Check(std::string(kMaxPublicTextBytes + 1, 'x'));
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].problem, PublicTextProblem::kTooLong);
}

TEST(PublicTextCheckTest, ListsAtMostTheMaximumNumberOfFindings) {
    std::string text;
    for (std::size_t k = 0; k < kMaxPublicTextFindings + 5; ++k) text += "Polly Patient\n";
    const auto check = Check(text);
    EXPECT_EQ(check.findings.size(), kMaxPublicTextFindings);
    EXPECT_TRUE(check.more);
}

TEST(PublicTextCheckTest, SurvivesBrokenUtf8) {
    EXPECT_EQ(FoundText(Check("\xff\xfe Polly Patient \xc3")), Found{"Polly Patient"});
}

}  // namespace
}  // namespace carevoice::partnership
