#include "pathway/patient.hpp"

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::pathway {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxText = 2000;

void MaxLength(Problems& problems, std::string_view field, const std::string& value, std::size_t max) {
    if (value.size() > max) problems.Add(std::string(field), "must be at most " + std::to_string(max) + " characters");
}

}  // namespace

Result<std::string> ParseNhsNumber(std::string_view typed) {
    std::string digits;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9') {
            return Status::InvalidArgument("An NHS number has only digits, for example 943 476 5919",
                                           {{"nhs_number", "must be 10 digits, for example 943 476 5919"}});
        }
        if (digits.size() > 10) break;
        digits.push_back(c);
    }
    if (digits.size() != 10) {
        return Status::InvalidArgument("An NHS number has 10 digits",
                                       {{"nhs_number", "must be 10 digits, for example 943 476 5919"}});
    }
    const auto check = NhsCheckDigit(std::string_view(digits).substr(0, 9));
    if (!check || *check != digits[9] - '0') {
        return Status::InvalidArgument(
            "That is not a valid NHS number: its check digit does not match",
            {{"nhs_number", "is not a valid NHS number (the last digit does not match the others): check it"}});
    }
    return digits;
}

std::optional<int> NhsCheckDigit(std::string_view nine) {
    if (nine.size() != 9) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        if (nine[i] < '0' || nine[i] > '9') return std::nullopt;
        sum += (nine[i] - '0') * static_cast<int>(10 - i);
    }
    const int check = 11 - sum % 11;
    if (check == 10) return std::nullopt;
    return check == 11 ? 0 : check;
}

std::string FormatNhsNumber(const std::string& digits) {
    if (digits.size() != 10) return digits;
    return digits.substr(0, 3) + " " + digits.substr(3, 3) + " " + digits.substr(6);
}

Status ValidatePatient(const Patient& p, CivilDate today) {
    Problems problems;
    if (auto nhs = ParseNhsNumber(p.nhs_number); !nhs.ok()) {
        problems.Add("nhs_number",
                     nhs.status().details().empty() ? nhs.status().message() : nhs.status().details()[0].problem);
    }
    problems.RequireText("given_name", p.given_name);
    problems.RequireText("family_name", p.family_name);
    MaxLength(problems, "given_name", p.given_name, kMaxName);
    MaxLength(problems, "family_name", p.family_name, kMaxName);
    if (p.date_of_birth > today) problems.Add("date_of_birth", "must be today or in the past");
    if (p.date_of_birth.year() < 1900) problems.Add("date_of_birth", "must be after 1900");
    if (p.postcode.size() > 8 + 1) problems.Add("postcode", "is not a UK postcode");
    if (p.deprivation_quintile && (*p.deprivation_quintile < 1 || *p.deprivation_quintile > 5)) {
        problems.Add("deprivation_quintile", "must be from 1 (most deprived) to 5");
    }
    MaxLength(problems, "area_code", p.area_code, 16);
    MaxLength(problems, "preferred_language", p.preferred_language, kMaxName);
    MaxLength(problems, "accessibility_needs", p.accessibility_needs, kMaxText);
    MaxLength(problems, "communication_needs", p.communication_needs, kMaxText);
    MaxLength(problems, "gp_practice", p.gp_practice, kMaxName);
    for (std::size_t i = 0; i < p.people_who_matter.size(); ++i) {
        const auto& who = p.people_who_matter[i];
        problems.RequireText(Field("people_who_matter", i, "name"), who.name);
        MaxLength(problems, Field("people_who_matter", i, "name"), who.name, kMaxName);
        MaxLength(problems, Field("people_who_matter", i, "how_to_reach"), who.how_to_reach, kMaxName * 2);
        MaxLength(problems, Field("people_who_matter", i, "may_be_told"), who.may_be_told, kMaxText);
    }
    return problems.ToStatus("the patient's record is not complete");
}

int AgeOn(CivilDate dob, CivilDate on) {
    int age = on.year() - dob.year();
    if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --age;
    return age;
}

std::string AgeBand(int age) {
    if (age < 40) return "0-39";
    if (age >= 80) return "80+";
    const int low = age / 10 * 10;
    return std::to_string(low) + "-" + std::to_string(low + 9);
}

}  // namespace carevoice::pathway
