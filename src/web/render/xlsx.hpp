// Spreadsheet downloads (.xlsx) written with libxlsxwriter: one header row per sheet, then the
// rows as given. Text is always written as a text cell, never as a formula, so a value such as
// "=HYPERLINK(...)" that came from an uploaded file stays inert text (formula injection); and text that
// would become a formula once the cell is edited or the sheet saved as CSV (starting = + - @ TAB CR)
// gets the same leading apostrophe as in carevoice's CSV files (csv::NeutraliseFormula).
// Thread-safe: each call writes its own temporary file.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace carevoice::web::xlsx {

inline constexpr const char* kContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An empty cell, a number, or text.
using Cell = std::variant<std::monostate, double, std::string>;

struct Sheet {
    std::string name;  // shortened to Excel's 31 characters, with []:*?/\ replaced
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
    std::vector<double> column_widths;  // in characters; missing columns keep Excel's default
};

// The bytes of an .xlsx workbook holding `sheets` in order (the header row is bold and frozen).
// Fails if no sheet is given or the temporary file cannot be written.
Result<std::string> Workbook(const std::vector<Sheet>& sheets, const std::string& title = "");

// Excel's rules for a sheet name applied to `name`.
std::string SheetName(const std::string& name);

}  // namespace carevoice::web::xlsx
