// A person in a partnership group: how to reach them (many members have no internet), what kind of
// member they are, their experience of cancer, optional diversity answers given with consent,
// training, membership dates and offices held. Lay members ("users": patients, ex-patients, carers,
// family members) and professionals meet as equals; which is which matters for chairing, quorum,
// votes and the users-to-professionals ratio.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

enum class ContactMethod { kEmail, kPost, kPhone };

inline constexpr std::array<EnumName<ContactMethod>, 3> kContactMethods = {{
    {ContactMethod::kEmail, "email", "E-mail"},
    {ContactMethod::kPost, "post", "Post"},
    {ContactMethod::kPhone, "phone", "Phone"},
}};

enum class MemberType { kPatient, kExPatient, kCarer, kFamilyMember, kProfessional, kVoluntarySector };

inline constexpr std::array<EnumName<MemberType>, 6> kMemberTypes = {{
    {MemberType::kPatient, "patient", "Patient"},
    {MemberType::kExPatient, "ex_patient", "Ex-patient"},
    {MemberType::kCarer, "carer", "Carer"},
    {MemberType::kFamilyMember, "family_member", "Family member"},
    {MemberType::kProfessional, "professional", "Health or care professional"},
    {MemberType::kVoluntarySector, "voluntary_sector", "Voluntary-sector representative"},
}};

// The report's membership (§4.1.2, §6.2.9): users, health professionals, and representatives of
// community and voluntary organisations, who are neither.
enum class Constituency { kLay, kProfessional, kVoluntarySector };

inline constexpr std::array<EnumName<Constituency>, 3> kConstituencies = {{
    {Constituency::kLay, "lay", "Users and carers"},
    {Constituency::kProfessional, "professional", "Professionals"},
    {Constituency::kVoluntarySector, "voluntary_sector", "Voluntary sector"},
}};

constexpr Constituency ConstituencyOf(MemberType type) {
    switch (type) {
        case MemberType::kProfessional:
            return Constituency::kProfessional;
        case MemberType::kVoluntarySector:
            return Constituency::kVoluntarySector;
        default:
            return Constituency::kLay;
    }
}
constexpr bool IsLay(MemberType type) { return ConstituencyOf(type) == Constituency::kLay; }

enum class TreatmentStage { kBeforeTreatment, kDuringTreatment, kWithinYearAfter, kLongerAfter, kBereavedCarer };

inline constexpr std::array<EnumName<TreatmentStage>, 5> kTreatmentStages = {{
    {TreatmentStage::kBeforeTreatment, "before", "Before treatment"},
    {TreatmentStage::kDuringTreatment, "during", "During treatment"},
    {TreatmentStage::kWithinYearAfter, "within_year_after", "Within a year after treatment"},
    {TreatmentStage::kLongerAfter, "longer_after", "More than a year after treatment"},
    {TreatmentStage::kBereavedCarer, "bereaved_carer", "Bereaved carer"},
}};

// "Patients who are undergoing or have recently completed treatment" are seldom heard (§5.6.1).
constexpr bool InOrJustAfterTreatment(TreatmentStage stage) {
    return stage == TreatmentStage::kDuringTreatment || stage == TreatmentStage::kWithinYearAfter;
}

enum class Office { kChair, kCoChair, kViceChair, kSecretary, kTreasurer };

inline constexpr std::array<EnumName<Office>, 5> kOffices = {{
    {Office::kChair, "chair", "Chair"},
    {Office::kCoChair, "co_chair", "Co-chair"},
    {Office::kViceChair, "vice_chair", "Vice-chair"},
    {Office::kSecretary, "secretary", "Secretary"},
    {Office::kTreasurer, "treasurer", "Treasurer"},
}};

// Co-chairs share the chair's responsibilities and rules (§6.2.9 "Alternative structure").
constexpr bool IsChairOffice(Office office) { return office == Office::kChair || office == Office::kCoChair; }

struct OfficeHeld {
    Office office = Office::kChair;
    CivilDate started_on;
    std::optional<CivilDate> ended_on;  // none while held; the first day no longer in office
    bool operator==(const OfficeHeld&) const = default;
};

struct Training {
    std::string course;  // e.g. "CancerVOICES"
    std::optional<CivilDate> completed_on;
    bool operator==(const Training&) const = default;
};

// Diversity questions a member may answer, with consent, so that the group can see who it is
// missing (§4.6.1, §5.6.1; §6.2.9: "defined by age, social group, disability and ethnic background").
enum class DiversityDimension { kEthnicGroup, kAgeBand, kSex, kDisability, kRurality };

inline constexpr std::array<EnumName<DiversityDimension>, 5> kDiversityDimensions = {{
    {DiversityDimension::kEthnicGroup, "ethnic_group", "Ethnic group"},
    {DiversityDimension::kAgeBand, "age_band", "Age band"},
    {DiversityDimension::kSex, "sex", "Sex"},
    {DiversityDimension::kDisability, "disability", "Disability"},
    {DiversityDimension::kRurality, "rurality", "Rural or urban"},
}};

struct DiversityCategory {
    std::string_view name;
    std::string_view label;
};

// The answers allowed for a dimension: ethnic groups are the five high-level groups of the 2021
// census of England and Wales; age bands are CPES's, so that a group can set its profile from the
// survey's respondents.
std::span<const DiversityCategory> DiversityCategories(DiversityDimension dimension);
bool IsDiversityCategory(DiversityDimension dimension, std::string_view category);

struct DiversityAnswer {
    DiversityDimension dimension = DiversityDimension::kEthnicGroup;
    std::string category;  // one of DiversityCategories(dimension)
    bool operator==(const DiversityAnswer&) const = default;
};

// CPES's tumour groups, so that a member's experience lines up with the survey's breakdowns.
inline constexpr std::array<std::string_view, 13> kTumourGroups = {
    "Brain and CNS", "Breast",  "Colorectal", "Gynaecological", "Haematological", "Head and Neck", "Lung",
    "Prostate",      "Sarcoma", "Skin",       "Upper Gastro",   "Urological",     "Other"};
bool IsTumourGroup(std::string_view name);

struct Person {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::string name;
    ContactMethod contact_method = ContactMethod::kEmail;
    std::string email;
    std::string postal_address;
    std::string phone;
    std::string access_needs;  // e.g. "large print", "step-free venue", "hearing loop"
    MemberType member_type = MemberType::kPatient;
    std::string discipline;                      // professionals: e.g. "Clinical nurse specialist"
    std::string organisation;                    // a professional's employer, a voluntary-sector member's organisation
    std::vector<std::string> tumour_experience;  // kTumourGroups
    std::optional<TreatmentStage> treatment_stage;
    bool diversity_consent = false;          // answers are kept only with consent
    std::vector<DiversityAnswer> diversity;  // at most one per dimension
    std::vector<Training> training;
    CivilDate joined_on;
    std::optional<CivilDate> left_on;  // the first day no longer a member
    std::vector<OfficeHeld> offices;
    bool consent_to_be_named = false;  // named publicly only with consent; default no
};

// A member on `day`: joined on or before it and not yet left.
bool IsMemberOn(const Person& person, CivilDate day);
// Holds `office` on `day` (an office ends when the person leaves, whatever its own end date).
bool HoldsOfficeOn(const Person& person, const OfficeHeld& office, CivilDate day);

// Names every problem: name; email/postal_address/phone (the chosen contact method needs its
// detail; an e-mail address must look like one); discipline (professionals); organisation
// (voluntary sector); treatment_stage (a bereaved carer is a carer or family member);
// tumour_experience; diversity (needs consent; known categories; one answer per dimension);
// training[N].course; left_on; offices[N].started_on/.ended_on.
Status ValidatePerson(const Person& person);

}  // namespace carevoice::partnership
