#include "web/pages_partnership_date_input.hpp"

#include "core/text.hpp"

namespace carevoice::web::partnership_pages {

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
        if (required) problems.push_back({input.name, "Enter " + text::ToLower(what.substr(0, 1)) + what.substr(1)});
        return std::nullopt;
    }
    auto day = text::ParseInt(input.day);
    auto month = text::ParseInt(input.month);
    auto year = text::ParseInt(input.year);
    if (day.ok() && month.ok() && year.ok() && *year >= 1900 && *year <= 2200) {
        auto date = CivilDate::FromYmd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day));
        if (date.ok()) return *date;
    }
    problems.push_back({input.name, what + " must be a real date, for example 14 3 2026"});
    return std::nullopt;
}

nlohmann::json DateFieldData(const DateInput& input, const std::string& legend, const std::string& hint,
                             const std::vector<FieldProblem>& problems) {
    nlohmann::json data = {{"name", input.name},   {"legend", legend},   {"hint", hint},       {"day", input.day},
                           {"month", input.month}, {"year", input.year}, {"has_error", false}, {"error", nullptr}};
    for (const auto& p : problems) {
        if (p.field != input.name) continue;
        data["error"] = p.problem;
        data["has_error"] = true;
    }
    return data;
}

}  // namespace carevoice::web::partnership_pages
