// Form pieces every domain's pages share: whole numbers typed into a box, ticked boxes, optional text
// in template data, and the error summary with each field's own error. Header-only: small and generic.
#pragma once

#include <cctype>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "core/text.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::forms {

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

// Adds `problem` unless a problem about the same field is already listed.
inline void AddProblem(std::vector<FieldProblem>& problems, FieldProblem problem) {
    if (!HasProblem(problems, problem.field)) problems.push_back(std::move(problem));
}

// A problem a domain validator found, as a form's error summary shows it: a sentence that names its field.
// Validators name the field apart from the problem ("name", "is required"; Problems::ToStatus joins them
// with a space), so the field, in words, goes first: "Name is required", "Training 1 course is required".
inline FieldProblem NamingTheField(const FieldProblem& p) {
    std::string words;
    for (char c : p.field) {
        const bool gap = c == '_' || c == '[' || c == ']' || c == '.';
        if (gap && !words.empty() && words.back() != ' ') words += ' ';
        if (!gap) words += c;
    }
    words = std::string(text::Trim(words));
    if (words.empty()) return p;
    words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    return {p.field, words + " " + p.problem};
}

// Adds each problem of a domain validation (`valid`) about a field the form has not named already, naming
// the field; when validation failed without naming a field, its message, shown against `fallback_field`.
inline void AddValidation(std::vector<FieldProblem>& problems, const Status& valid, const std::string& fallback_field) {
    for (const auto& d : valid.details()) AddProblem(problems, NamingTheField(d));
    if (problems.empty() && !valid.ok()) problems.push_back({fallback_field, valid.message()});
}

// Puts the error summary ("errors": [{field_id, message}], for error_summary.mustache) and each field's
// first "<field>_error" into `data`. `field_id` gives the id of the element the summary links to (the
// first box of a date, the first radio); by default the field's own name.
inline void AddErrors(nlohmann::json& data, const std::vector<FieldProblem>& problems,
                      const std::function<std::string(const std::string&)>& field_id = {}) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", field_id ? field_id(p.field) : p.field}, {"message", p.problem}});
        if (!data.contains(p.field + "_error")) data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
}

// Text typed into a box or area, trimmed: "" (and a problem naming the field) when it is longer than
// `max_chars`, or empty and `required`. `what` names the field in the message ("The crisis line's phone").
inline std::string ReadText(const RequestContext& ctx, const std::string& field, const std::string& what,
                            std::size_t max_chars, bool required, std::vector<FieldProblem>& problems) {
    std::string value(text::Trim(ctx.Param(field)));
    if (value.size() > max_chars) {
        problems.push_back({field, what + " must be " + std::to_string(max_chars) + " characters or fewer"});
        return value.substr(0, max_chars);
    }
    if (value.empty() && required) problems.push_back({field, "Enter " + text::ToLower(what)});
    return value;
}

// Radio or select options from an EnumName table (core/enum_names.hpp), with `selected` marked.
template <typename Table>
nlohmann::json Options(const Table& table, const std::string& selected) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : table) {
        list.push_back(
            {{"value", std::string(e.name)}, {"label", std::string(e.label)}, {"selected", e.name == selected}});
    }
    return list;
}

}  // namespace carevoice::web::forms
