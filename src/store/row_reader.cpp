#include "store/row_reader.hpp"

namespace carevoice::store {

std::optional<int> RowReader::OptSmallInt(std::size_t col) const {
    if (row_.IsNull(col)) return std::nullopt;
    return static_cast<int>(row_.Int(col));
}

CivilDate RowReader::Date(std::size_t col) {
    auto date = CivilDate::Parse(row_.Text(col));
    if (!date.ok()) {
        Fail(col, date.status().message());
        return CivilDate();
    }
    return *date;
}

std::optional<CivilDate> RowReader::OptDate(std::size_t col) {
    if (row_.IsNull(col)) return std::nullopt;
    return Date(col);
}

void RowReader::Fail(std::size_t col, const std::string& problem) {
    if (!status_.ok()) return;
    status_ =
        Status::Internal("stored " + std::string(table_) + " row, column " + std::to_string(col + 1) + ": " + problem);
}

std::string Placeholders(std::size_t n) {
    std::string out = "(";
    for (std::size_t at = 0; at < n; ++at) out += at == 0 ? "?" : ", ?";
    return out + ")";
}

Status RequireChanged(Result<std::int64_t> changed, std::string_view what, std::int64_t id) {
    if (!changed.ok()) return changed.status();
    if (*changed == 0) return Status::NotFound("no " + std::string(what) + " has the id " + std::to_string(id));
    return Status::Ok();
}

}  // namespace carevoice::store
