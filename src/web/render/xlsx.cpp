#include "web/render/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/csv.hpp"

namespace carevoice::web::xlsx {
namespace {

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit

// Removes the temporary file however the function returns.
class TempFile {
  public:
    TempFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "carevoice-XXXXXX.xlsx").string();
        const int fd = mkstemps(pattern.data(), 5);
        if (fd >= 0) {
            close(fd);
            path_ = pattern;
        }
    }
    ~TempFile() {
        if (!path_.empty()) std::remove(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

lxw_error WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
        if (text->empty()) return LXW_NO_ERROR;
        // A text cell is inert, but editing it or saving the sheet as CSV would make a formula of it again.
        return worksheet_write_string(sheet, row, col, csv::NeutraliseFormula(*text).c_str(), nullptr);
    }
    if (const auto* number = std::get_if<double>(&cell))
        return worksheet_write_number(sheet, row, col, *number, nullptr);
    return LXW_NO_ERROR;
}

Status WriteSheet(lxw_workbook* book, lxw_format* bold, const Sheet& s) {
    const std::string name = SheetName(s.name);
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    if (!sheet) return Status::Internal("the spreadsheet could not add the sheet '" + name + "'");
    for (std::size_t c = 0; c < s.column_widths.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        worksheet_set_column(sheet, col, col, s.column_widths[c], nullptr);
    }
    for (std::size_t c = 0; c < s.header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            lxw_error e = WriteCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), s.rows[r][c]);
            if (e != LXW_NO_ERROR) {
                return Status::Internal("the spreadsheet could not be written (row " + std::to_string(r + 2) +
                                        "): " + lxw_strerror(e));
            }
        }
    }
    return Status::Ok();
}

}  // namespace

std::string SheetName(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
        out.push_back(forbidden ? '-' : c);
    }
    if (out.size() > kMaxSheetName) {
        // Cut before the character that straddles the limit, never inside a UTF-8 sequence.
        std::size_t cut = kMaxSheetName;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    if (!out.empty() && out.front() == '\'') out.front() = '-';
    return out.empty() ? "Sheet" : out;
}

Result<std::string> Workbook(const std::vector<Sheet>& sheets, const std::string& title) {
    if (sheets.empty()) return Status::InvalidArgument("a spreadsheet needs at least one sheet");
    TempFile file;
    if (file.path().empty()) return Status::Unavailable("the spreadsheet could not be written: no temporary file");
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book) return Status::Unavailable("the spreadsheet could not be started");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::string title_copy = title, author = "carevoice";
    lxw_doc_properties props{};
    props.title = title_copy.data();
    props.author = author.data();
    workbook_set_properties(book, &props);
    Status written = Status::Ok();
    for (const auto& s : sheets) {
        written = WriteSheet(book, bold, s);
        if (!written.ok()) break;
    }
    // workbook_close frees the workbook whatever happens, so it is called on every path.
    lxw_error closed = workbook_close(book);
    if (!written.ok()) return written;
    if (closed != LXW_NO_ERROR) {
        return Status::Unavailable(std::string("the spreadsheet could not be written: ") + lxw_strerror(closed));
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty()) return Status::Unavailable("the spreadsheet could not be read back");
    return bytes;
}

}  // namespace carevoice::web::xlsx
