// Patient rules: the NHS number's modulus-11 check digit (NHS Data Dictionary; 943 476 5919 is the
// Data Dictionary's own example), validation of a record, age bands.
#include "pathway/patient.hpp"

#include <gtest/gtest.h>

namespace carevoice::pathway {
namespace {

TEST(NhsNumberTest, AcceptsAValidNumberWithOrWithoutSpaces) {
    EXPECT_EQ(ParseNhsNumber("9434765919").value(), "9434765919");
    EXPECT_EQ(ParseNhsNumber("943 476 5919").value(), "9434765919");
    // Worked by hand:
    // 4×10+0×9+1×8+0×7+2×6+3×5+2×4+1×3+3×2 = 40+0+8+0+12+15+8+3+6 = 92; 92 mod 11 = 4; 11−4 = 7.
    EXPECT_EQ(ParseNhsNumber("4010232137").value(), "4010232137");
    EXPECT_EQ(FormatNhsNumber("9434765919"), "943 476 5919");
}

TEST(NhsNumberTest, RefusesAWrongCheckDigitSayingSo) {
    auto r = ParseNhsNumber("9434765918");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.status().details().size(), 1u);
    EXPECT_EQ(r.status().details()[0].field, "nhs_number");
    EXPECT_NE(r.status().details()[0].problem.find("last digit"), std::string::npos);
}

TEST(NhsNumberTest, RefusesARemainderOfTen) {
    // 1×10+0×9+0×8+0×7+0×6+0×5+0×4+0×3+1×2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no valid check digit.
    for (char last = '0'; last <= '9'; ++last) EXPECT_FALSE(ParseNhsNumber(std::string("100000001") + last).ok());
    EXPECT_FALSE(NhsCheckDigit("100000001").has_value());
}

TEST(NhsNumberTest, CheckDigitOfNineDigitsAsWorkedByHand) {
    EXPECT_EQ(NhsCheckDigit("401023213"), 7);  // the sum worked above
    EXPECT_EQ(NhsCheckDigit("943476591"), 9);  // the Data Dictionary's example
    EXPECT_FALSE(NhsCheckDigit("94347659").has_value());
    EXPECT_FALSE(NhsCheckDigit("94347659x").has_value());
}

TEST(NhsNumberTest, RefusesWrongLengthsAndLetters) {
    EXPECT_FALSE(ParseNhsNumber("943476591").ok());
    EXPECT_FALSE(ParseNhsNumber("94347659190").ok());
    EXPECT_FALSE(ParseNhsNumber("943476591X").ok());
    EXPECT_FALSE(ParseNhsNumber("").ok());
    EXPECT_FALSE(ParseNhsNumber(std::string(100000, '9')).ok());
}

TEST(PatientTest, NamesEveryMissingOrWrongField) {
    Patient p;
    p.nhs_number = "123";
    p.date_of_birth = CivilDate::Parse("2030-01-01").value();
    p.deprivation_quintile = 7;
    p.people_who_matter.push_back({});
    auto s = ValidatePatient(p, CivilDate::Parse("2026-12-06").value());
    ASSERT_FALSE(s.ok());
    std::vector<std::string> fields;
    for (const auto& d : s.details()) fields.push_back(d.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"nhs_number", "given_name", "family_name", "date_of_birth",
                                                "deprivation_quintile", "people_who_matter[1].name"}));
}

TEST(PatientTest, AgeBandsCountWholeYears) {
    const auto dob = CivilDate::Parse("1960-02-29").value();
    EXPECT_EQ(AgeOn(dob, CivilDate::Parse("2026-02-28").value()), 65);
    EXPECT_EQ(AgeOn(dob, CivilDate::Parse("2026-03-01").value()), 66);
    EXPECT_EQ(AgeBand(39), "0-39");
    EXPECT_EQ(AgeBand(40), "40-49");
    EXPECT_EQ(AgeBand(79), "70-79");
    EXPECT_EQ(AgeBand(80), "80+");
}

}  // namespace
}  // namespace carevoice::pathway
