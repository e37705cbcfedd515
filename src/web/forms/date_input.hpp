// The NHS.UK date input (day, month and year boxes) for every form: reading the three boxes of one
// date, filling them from a known date, turning them into a date or a problem that names the field, and
// the template data of the partial date_input.mustache. The boxes are named NAME-day, NAME-month and
// NAME-year; an error summary links to NAME-day (see DateFieldId).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::forms {

// What was typed into one date input, kept as text so that a refused form shows it again.
struct DateInput {
    std::string name;  // the field's name, e.g. "held_on"
    std::string day, month, year;
    bool empty() const { return day.empty() && month.empty() && year.empty(); }
};

// The three boxes as typed (trimmed).
DateInput ReadDateInput(const RequestContext& ctx, const std::string& name);
// The boxes of a known date (or empty boxes), to fill in a form.
DateInput DateInputOf(const std::string& name, std::optional<CivilDate> date);

// The date, or nothing with a problem on the input's name when the boxes do not make one. `what` names
// the date in the messages, e.g. "the date of the meeting": empty boxes give "Enter the date of the
// meeting" when `required` (and nothing otherwise), boxes missing a part "The date of the meeting must
// include a day, a month and a year", and anything else that is not a real date "The date of the meeting
// must be a real date, for example 14 3 2026".
std::optional<CivilDate> ParseDateInput(const DateInput& input, const std::string& what, bool required,
                                        std::vector<FieldProblem>& problems);

// Data for {{> date_input}}: name, legend, hint, the three values and the error of the input's field.
nlohmann::json DateFieldData(const DateInput& input, const std::string& legend, const std::string& hint,
                             const std::vector<FieldProblem>& problems);

// The same for a field named `name` (whatever the input's own name) with its error, "" for none.
nlohmann::json DateFieldData(const std::string& name, const DateInput& input, const std::string& legend,
                             const std::string& hint, const std::string& error);

// The id an error summary links to for a date field: its day box.
std::string DateFieldId(const std::string& name);

}  // namespace carevoice::web::forms
