#include "partnership/person.hpp"

#include <algorithm>
#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

constexpr DiversityCategory kEthnicGroups[] = {
    {"asian", "Asian or Asian British"},
    {"black", "Black, Black British, Caribbean or African"},
    {"mixed", "Mixed or multiple ethnic groups"},
    {"white", "White"},
    {"other", "Other ethnic group"},
};
constexpr DiversityCategory kAgeBands[] = {
    {"16_24", "16 to 24"}, {"25_34", "25 to 34"}, {"35_44", "35 to 44"}, {"45_54", "45 to 54"},
    {"55_64", "55 to 64"}, {"65_74", "65 to 74"}, {"75_84", "75 to 84"}, {"85_plus", "85 or over"},
};
constexpr DiversityCategory kSexes[] = {{"female", "Female"}, {"male", "Male"}};
constexpr DiversityCategory kDisability[] = {
    {"yes", "Disabled or with a long-term condition that limits day-to-day activities"},
    {"no", "Not disabled"},
};
constexpr DiversityCategory kRurality[] = {{"rural", "Rural"}, {"urban", "Urban"}};

// At least "a@b": something before and after one '@', no spaces.
bool LooksLikeEmail(std::string_view email) {
    const std::size_t at = email.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string_view::npos && email.find(' ') == std::string_view::npos;
}

// UK numbers have 10 or 11 digits; 6 allows extensions and short internal numbers without
// accepting a typo of a few characters.
constexpr int kMinPhoneDigits = 6;

int CountDigits(std::string_view s) {
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

void CheckContact(const Person& person, Problems& problems) {
    const std::string_view email = text::Trim(person.email);
    if (!email.empty() && !LooksLikeEmail(email))
        problems.Add("email", "'" + person.email + "' is not an e-mail address");
    if (!text::Trim(person.phone).empty() && CountDigits(person.phone) < kMinPhoneDigits) {
        problems.Add("phone", "'" + person.phone + "' has fewer than " + std::to_string(kMinPhoneDigits) + " digits");
    }
    switch (person.contact_method) {
        case ContactMethod::kEmail:
            if (email.empty()) problems.Add("email", "is required when the person prefers e-mail");
            break;
        case ContactMethod::kPost:
            if (text::Trim(person.postal_address).empty()) {
                problems.Add("postal_address", "is required when the person prefers post");
            }
            break;
        case ContactMethod::kPhone:
            if (text::Trim(person.phone).empty()) problems.Add("phone", "is required when the person prefers phone");
            break;
    }
}

void CheckDiversity(const Person& person, Problems& problems) {
    if (!person.diversity_consent && !person.diversity.empty()) {
        problems.Add("diversity", "answers are kept only with the person's consent, and consent is not recorded");
    }
    std::set<DiversityDimension> seen;
    for (const DiversityAnswer& answer : person.diversity) {
        const std::string dimension(NameOf(kDiversityDimensions, answer.dimension));
        if (!seen.insert(answer.dimension).second) problems.Add(Field("diversity", dimension), "is answered twice");
        if (!IsDiversityCategory(answer.dimension, answer.category)) {
            problems.Add(Field("diversity", dimension), "'" + answer.category + "' is not one of its answers");
        }
    }
}

void CheckOffices(const Person& person, Problems& problems) {
    for (std::size_t at = 0; at < person.offices.size(); ++at) {
        const OfficeHeld& office = person.offices[at];
        if (office.started_on < person.joined_on) {
            problems.Add(Field("offices", at, "started_on"),
                         "is before the person joined (" + person.joined_on.ToString() + ")");
        }
        if (office.ended_on && *office.ended_on <= office.started_on) {
            problems.Add(Field("offices", at, "ended_on"),
                         "must be after started_on (" + office.started_on.ToString() + ")");
        }
        for (std::size_t other = 0; other < at; ++other) {
            const OfficeHeld& earlier = person.offices[other];
            if (earlier.office != office.office) continue;
            const bool overlap = (!earlier.ended_on || office.started_on < *earlier.ended_on) &&
                                 (!office.ended_on || earlier.started_on < *office.ended_on);
            if (overlap) {
                problems.Add(Field("offices", at), "overlaps " + Field("offices", other) + " of the same office");
            }
        }
    }
}

}  // namespace

std::span<const DiversityCategory> DiversityCategories(DiversityDimension dimension) {
    switch (dimension) {
        case DiversityDimension::kEthnicGroup:
            return kEthnicGroups;
        case DiversityDimension::kAgeBand:
            return kAgeBands;
        case DiversityDimension::kSex:
            return kSexes;
        case DiversityDimension::kDisability:
            return kDisability;
        case DiversityDimension::kRurality:
            return kRurality;
    }
    return {};
}

bool IsDiversityCategory(DiversityDimension dimension, std::string_view category) {
    for (const DiversityCategory& c : DiversityCategories(dimension)) {
        if (c.name == category) return true;
    }
    return false;
}

bool IsTumourGroup(std::string_view name) {
    return std::find(kTumourGroups.begin(), kTumourGroups.end(), name) != kTumourGroups.end();
}

bool IsMemberOn(const Person& person, CivilDate day) {
    return person.joined_on <= day && (!person.left_on || day < *person.left_on);
}

bool HoldsOfficeOn(const Person& person, const OfficeHeld& office, CivilDate day) {
    return IsMemberOn(person, day) && office.started_on <= day && (!office.ended_on || day < *office.ended_on);
}

Status ValidatePerson(const Person& person) {
    Problems problems;
    problems.RequireText("name", person.name);
    CheckContact(person, problems);
    if (person.member_type == MemberType::kProfessional) {
        problems.RequireText("discipline", person.discipline);
    }
    if (person.member_type == MemberType::kVoluntarySector) {
        problems.RequireText("organisation", person.organisation);
    }
    if (person.treatment_stage == TreatmentStage::kBereavedCarer && person.member_type != MemberType::kCarer &&
        person.member_type != MemberType::kFamilyMember) {
        problems.Add("treatment_stage", "'bereaved carer' applies to carers and family members only");
    }
    std::set<std::string> tumours;
    for (const std::string& tumour : person.tumour_experience) {
        if (!IsTumourGroup(tumour)) problems.Add("tumour_experience", "'" + tumour + "' is not a CPES tumour group");
        if (!tumours.insert(tumour).second) problems.Add("tumour_experience", "names '" + tumour + "' twice");
    }
    CheckDiversity(person, problems);
    for (std::size_t at = 0; at < person.training.size(); ++at) {
        problems.RequireText(Field("training", at, "course"), person.training[at].course);
    }
    if (person.left_on && *person.left_on <= person.joined_on) {
        problems.Add("left_on", "must be after joined_on (" + person.joined_on.ToString() + ")");
    }
    CheckOffices(person, problems);
    return problems.ToStatus("the person's record");
}

}  // namespace carevoice::partnership
