// The NHS.UK date input (day, month and year boxes) for the partnership forms: reading the three
// fields of one date from a form, and the template data of the partial partnership_date_input.mustache.
// The boxes are named NAME-day, NAME-month and NAME-year; an error links to NAME-day.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "web/context.hpp"

namespace carevoice::web::partnership_pages {

struct DateInput {
    std::string name;  // the field's name, e.g. "audited_on"
    std::string day, month, year;
    bool empty() const { return day.empty() && month.empty() && year.empty(); }
};

// The three boxes as typed (trimmed).
DateInput ReadDateInput(const RequestContext& ctx, const std::string& name);
// The boxes of a known date, to fill in a form.
DateInput DateInputOf(const std::string& name, std::optional<CivilDate> date);

// The date, or nothing with a problem on `name` when the boxes do not make one. `what` starts the
// message, e.g. "The date of the audit". Empty boxes: nothing, and a problem only when `required`.
std::optional<CivilDate> ParseDateInput(const DateInput& input, const std::string& what, bool required,
                                        std::vector<FieldProblem>& problems);

// Data for {{> partnership_date_input}}: name, legend, hint, the three values and the error (if any).
nlohmann::json DateFieldData(const DateInput& input, const std::string& legend, const std::string& hint,
                             const std::vector<FieldProblem>& problems);

}  // namespace carevoice::web::partnership_pages
