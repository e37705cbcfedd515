// A patient as carevoice keeps them for the pathway: who they are (NHS number, name, date of birth), where
// they live and are registered, what they need to be understood and to take part (language, interpreter,
// accessibility and communication needs), consent to share, and the people who matter to them. This is
// patient-identifiable data: only coordinators and admins see it, and every view is audited (web/pathway).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::pathway {

// NHS number: ten digits whose last is the modulus-11 check digit of the first nine (NHS Data Dictionary);
// a remainder giving 10 means the number is not valid. Spaces (as in "943 476 5919") are allowed.
// Returns the ten digits, or a problem saying what is wrong.
Result<std::string> ParseNhsNumber(std::string_view typed);
// The modulus-11 check digit of nine digits; none when the remainder gives 10 (no NHS number begins so) or
// `nine` is not nine digits. Synthetic and test numbers are made with it.
std::optional<int> NhsCheckDigit(std::string_view nine);
// "943 476 5919".
std::string FormatNhsNumber(const std::string& digits);

enum class Sex { kFemale, kMale, kOther, kNotKnown };
inline constexpr std::array<EnumName<Sex>, 4> kSexes = {{
    {Sex::kFemale, "female", "Female"},
    {Sex::kMale, "male", "Male"},
    {Sex::kOther, "other", "Other"},
    {Sex::kNotKnown, "not_known", "Not known"},
}};

// ONS 2021 census high-level ethnic groups, and "not stated".
enum class EthnicGroup { kAsian, kBlack, kMixed, kWhite, kOther, kNotStated };
inline constexpr std::array<EnumName<EthnicGroup>, 6> kEthnicGroups = {{
    {EthnicGroup::kAsian, "asian", "Asian, Asian British or Asian Welsh"},
    {EthnicGroup::kBlack, "black", "Black, Black British, Black Welsh, Caribbean or African"},
    {EthnicGroup::kMixed, "mixed", "Mixed or Multiple ethnic groups"},
    {EthnicGroup::kWhite, "white", "White"},
    {EthnicGroup::kOther, "other", "Other ethnic group"},
    {EthnicGroup::kNotStated, "not_stated", "Not stated"},
}};

// Someone who matters to the patient, and what they may be told.
struct PersonWhoMatters {
    std::int64_t id = 0;
    std::string name;
    std::string relationship;  // "daughter", "neighbour"
    std::string how_to_reach;  // phone, e-mail or address, as the patient gave it
    std::string may_be_told;   // "everything", "appointments only", …
};

struct Patient {
    std::int64_t id = 0;
    std::string nhs_number;  // ten digits
    std::string given_name, family_name;
    CivilDate date_of_birth;
    Sex sex = Sex::kNotKnown;
    std::string postcode;
    std::string area_code;                    // CCG / sub-ICB location (ODS code)
    std::optional<int> deprivation_quintile;  // 1 = most deprived fifth (IMD of the postcode's area)
    EthnicGroup ethnic_group = EthnicGroup::kNotStated;
    std::string preferred_language = "English";
    bool interpreter_needed = false;
    std::string accessibility_needs;
    std::string communication_needs;
    std::string gp_practice;  // ODS code or name of the registered practice
    bool consent_to_share = false;
    std::vector<PersonWhoMatters> people_who_matter;

    std::string FullName() const { return given_name + " " + family_name; }
};

// Every problem with the record, field by field (names as the form's fields), at once. `today` bounds the
// date of birth.
Status ValidatePatient(const Patient& patient, CivilDate today);

// Age in whole years on `on`, and the band the measures use ("0-39", "40-49", …, "80+").
int AgeOn(CivilDate date_of_birth, CivilDate on);
std::string AgeBand(int age);

}  // namespace carevoice::pathway
