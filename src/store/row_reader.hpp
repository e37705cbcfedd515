// Reading domain values out of a row, and writing them as parameters: dates are TEXT 'YYYY-MM-DD',
// flags INTEGER 0/1, enumerations their stable names. A stored value the schema should have kept out
// (a malformed date, an unknown name) is an internal error naming the table and column; RowReader keeps
// the first such problem so that mapping code reads straight through and checks status() once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "core/enum_names.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class RowReader {
  public:
    RowReader(const Row& row, std::string_view table) : row_(row), table_(table) {}

    std::int64_t Int(std::size_t col) const { return row_.Int(col); }
    std::optional<std::int64_t> OptInt(std::size_t col) const { return row_.OptInt(col); }
    std::optional<int> OptSmallInt(std::size_t col) const;
    double Double(std::size_t col) const { return row_.Double(col); }
    std::optional<double> OptDouble(std::size_t col) const { return row_.OptDouble(col); }
    std::string Text(std::size_t col) const { return row_.Text(col); }
    bool Flag(std::size_t col) const { return row_.Int(col) != 0; }
    CivilDate Date(std::size_t col);
    std::optional<CivilDate> OptDate(std::size_t col);

    // A value of a partnership enumeration, by its stored name.
    template <typename E, std::size_t N>
    E Enum(std::size_t col, const std::array<EnumName<E>, N>& names) {
        return Parsed<E>(col, [&](std::string_view name) { return ParseName(names, name); });
    }
    template <typename E, std::size_t N>
    std::optional<E> OptEnum(std::size_t col, const std::array<EnumName<E>, N>& names) {
        if (row_.IsNull(col)) return std::nullopt;
        return Enum(col, names);
    }
    // A value parsed by `parse` (returning std::optional<E>), for enumerations named elsewhere.
    template <typename E, typename Parse>
    E Parsed(std::size_t col, Parse parse) {
        const std::string text = row_.Text(col);
        std::optional<E> value = parse(text);
        if (!value) {
            Fail(col, "'" + text + "' is not a known value");
            return E{};
        }
        return *value;
    }

    const Status& status() const { return status_; }

  private:
    void Fail(std::size_t col, const std::string& problem);
    const Row& row_;
    std::string_view table_;
    Status status_;
};

inline Value DateValue(CivilDate date) { return date.ToString(); }
inline Value OptDateValue(const std::optional<CivilDate>& date) { return date ? Value(date->ToString()) : Null(); }
inline Value FlagValue(bool flag) { return static_cast<std::int64_t>(flag ? 1 : 0); }
inline Value IntValue(std::int64_t n) { return n; }
template <typename E, std::size_t N>
Value EnumValue(const std::array<EnumName<E>, N>& names, E value) {
    return std::string(NameOf(names, value));
}
template <typename E, std::size_t N>
Value OptEnumValue(const std::array<EnumName<E>, N>& names, const std::optional<E>& value) {
    return value ? EnumValue(names, *value) : Null();
}

// "(?, ?, ?)" with `n` placeholders, for IN lists.
std::string Placeholders(std::size_t n);

// NotFound("no <what> has the id N") when an UPDATE or DELETE changed nothing.
Status RequireChanged(Result<std::int64_t> changed, std::string_view what, std::int64_t id);

}  // namespace carevoice::store
