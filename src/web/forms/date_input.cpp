#include "web/forms/date_input.hpp"

#include "core/text.hpp"

namespace carevoice::web::forms {
namespace {

std::string Capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}
std::string Lowered(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// Years carevoice records: a four-digit year, nothing before the NHS existed nor absurdly far ahead.
constexpr long long kFirstYear = 1900;
constexpr long long kLastYear = 2200;

}  // namespace

DateInput ReadDateInput(const RequestContext& ctx, const std::string& name) {
    return {name, std::string(text::Trim(ctx.Param(name + "-day"))),
            std::string(text::Trim(ctx.Param(name + "-month"))), std::string(text::Trim(ctx.Param(name + "-year")))};
}

DateInput DateInputOf(const std::string& name, std::optional<CivilDate> date) {
    if (!date) return {name, "", "", ""};
    return {name, std::to_string(date->day()), std::to_string(date->month()), std::to_string(date->year())};
}

std::optional<CivilDate> ParseDateInput(const DateInput& input, const std::string& what, bool required,
                                        std::vector<FieldProblem>& problems) {
    if (input.empty()) {
        if (required) problems.push_back({input.name, "Enter " + Lowered(what)});
        return std::nullopt;
    }
    if (input.day.empty() || input.month.empty() || input.year.empty()) {
        problems.push_back({input.name, Capitalised(what) + " must include a day, a month and a year"});
        return std::nullopt;
    }
    auto day = text::ParseInt(input.day);
    auto month = text::ParseInt(input.month);
    auto year = text::ParseInt(input.year);
    if (day.ok() && month.ok() && year.ok() && *year >= kFirstYear && *year <= kLastYear) {
        auto date = CivilDate::FromYmd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day));
        if (date.ok()) return *date;
    }
    problems.push_back({input.name, Capitalised(what) + " must be a real date, for example 14 3 2026"});
    return std::nullopt;
}

nlohmann::json DateFieldData(const std::string& name, const DateInput& input, const std::string& legend,
                             const std::string& hint, const std::string& error) {
    return {{"name", name},
            {"legend", legend},
            {"hint", hint.empty() ? "For example, 14 3 2026" : hint},
            {"day", input.day},
            {"month", input.month},
            {"year", input.year},
            {"has_error", !error.empty()},
            {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)}};
}

nlohmann::json DateFieldData(const DateInput& input, const std::string& legend, const std::string& hint,
                             const std::vector<FieldProblem>& problems) {
    for (const auto& p : problems) {
        if (p.field == input.name) return DateFieldData(input.name, input, legend, hint, p.problem);
    }
    return DateFieldData(input.name, input, legend, hint, "");
}

std::string DateFieldId(const std::string& name) { return name + "-day"; }

}  // namespace carevoice::web::forms
