// Form pieces the group, meeting and action pages share: dates typed into the NHS.UK date input
// (three boxes: day, month, year), whole numbers, lists of ticked boxes, and the error summary's
// entries. Header-only: small, and used by pages_partnership_manage.cpp and _meetings.cpp.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "core/text.hpp"
#include "web/context.hpp"

namespace carevoice::web::partnership_pages {

// What was typed into one date input, kept as text so that a rejected form shows it again.
struct DateFields {
    std::string day, month, year;
    bool empty() const { return day.empty() && month.empty() && year.empty(); }
};

inline DateFields ReadDateFields(const RequestContext& ctx, const std::string& name) {
    return {std::string(text::Trim(ctx.Param(name + "-day"))), std::string(text::Trim(ctx.Param(name + "-month"))),
            std::string(text::Trim(ctx.Param(name + "-year")))};
}

inline DateFields DateFieldsOf(const std::optional<CivilDate>& date) {
    if (!date) return {};
    return {std::to_string(date->day()), std::to_string(date->month()), std::to_string(date->year())};
}

// The date, or none when the boxes are empty (a problem if `required`) or do not make a date.
// `what` starts the message: "The date of the meeting".
inline std::optional<CivilDate> ParseDateFields(const DateFields& f, const std::string& field, const std::string& what,
                                                bool required, std::vector<FieldProblem>& problems) {
    if (f.empty()) {
        if (required) problems.push_back({field, "Enter " + text::ToLower(what)});
        return std::nullopt;
    }
    auto day = text::ParseInt(f.day);
    auto month = text::ParseInt(f.month);
    auto year = text::ParseInt(f.year);
    if (f.day.empty() || f.month.empty() || f.year.empty() || !day.ok() || !month.ok() || !year.ok() || *year < 1900 ||
        *year > 2200) {
        problems.push_back(
            {field, what + " must be a real date with a day, month and 4-digit year, for example 14 3 2026"});
        return std::nullopt;
    }
    auto date = CivilDate::FromYmd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day));
    if (!date.ok()) {
        problems.push_back({field, what + " must be a real date, for example 14 3 2026"});
        return std::nullopt;
    }
    return *date;
}

// The data partnership_date_input.mustache renders (as the context of {{#held_on}}...{{/held_on}}).
inline nlohmann::json DateInput(const std::string& name, const std::string& legend, const std::string& hint,
                                const DateFields& f, const std::string& error) {
    nlohmann::json j = {{"name", name},     {"legend", legend}, {"hint", hint},   {"day", f.day},
                        {"month", f.month}, {"year", f.year},   {"error", error}, {"has_error", !error.empty()}};
    return j;
}

// A whole number typed into a box: none (and a problem naming the field) unless it is one.
inline std::optional<int> ParseWholeNumber(const std::string& typed, const std::string& field, const std::string& what,
                                           bool required, std::vector<FieldProblem>& problems) {
    if (typed.empty()) {
        if (required) problems.push_back({field, "Enter " + text::ToLower(what)});
        return std::nullopt;
    }
    auto n = text::ParseInt(typed);
    if (!n.ok() || *n < -100000 || *n > 100000) {
        problems.push_back({field, what + " must be a whole number"});
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

// Every value of a repeated form field (ticked boxes); ids that are not numbers are reported once.
inline std::vector<std::int64_t> ParamIds(const RequestContext& ctx, const std::string& name, const std::string& field,
                                          const std::string& what, std::vector<FieldProblem>& problems) {
    std::vector<std::int64_t> out;
    std::set<std::int64_t> seen;
    bool reported = false;
    const std::size_t n = ctx.req.get_param_value_count(name);
    for (std::size_t i = 0; i < n; ++i) {
        auto id = text::ParseInt(ctx.req.get_param_value(name, i));
        if (!id.ok()) {
            if (!reported) problems.push_back({field, what + " must be chosen from the list"});
            reported = true;
            continue;
        }
        if (seen.insert(*id).second) out.push_back(*id);
    }
    return out;
}

// Sets j[key] only when `value` has text: in mustache an empty string still opens {{#key}} sections,
// so optional text is left out rather than set to "".
inline void SetText(nlohmann::json& j, const std::string& key, const std::string& value) {
    if (!text::Trim(value).empty()) j[key] = value;
}

inline bool HasProblem(const std::vector<FieldProblem>& problems, const std::string& field) {
    for (const auto& p : problems) {
        if (p.field == field) return true;
    }
    return false;
}

// Adds the errors list for error_summary.mustache and "<field>_error" for each field to `data`;
// `id_of` gives the id of the element the summary links to (the first box of a date, the first radio).
template <typename IdOf>
void AddErrors(nlohmann::json& data, const std::vector<FieldProblem>& problems, IdOf id_of) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", id_of(p.field)}, {"message", p.problem}});
        if (!data.contains(p.field + "_error")) data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
}

}  // namespace carevoice::web::partnership_pages
