// Stable text names for enumerations (partnership, pathway, …). The same name is stored in the database,
// sent by the JSON API and accepted from forms, so each enumeration has one table and the two
// directions (name -> value, value -> name) cannot drift apart. Labels are what people read.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace carevoice {

template <typename E>
struct EnumName {
    E value;
    std::string_view name;   // stored and exchanged, e.g. "qualified_pass"
    std::string_view label;  // shown, e.g. "Qualified pass"
};

template <typename E, std::size_t N>
constexpr const EnumName<E>* FindEnum(const std::array<EnumName<E>, N>& table, E value) {
    for (const auto& entry : table) {
        if (entry.value == value) return &entry;
    }
    return nullptr;
}

template <typename E, std::size_t N>
constexpr std::string_view NameOf(const std::array<EnumName<E>, N>& table, E value) {
    const EnumName<E>* entry = FindEnum(table, value);
    return entry ? entry->name : std::string_view();
}

template <typename E, std::size_t N>
constexpr std::string_view LabelOf(const std::array<EnumName<E>, N>& table, E value) {
    const EnumName<E>* entry = FindEnum(table, value);
    return entry ? entry->label : std::string_view();
}

template <typename E, std::size_t N>
constexpr std::optional<E> ParseName(const std::array<EnumName<E>, N>& table, std::string_view name) {
    for (const auto& entry : table) {
        if (entry.name == name) return entry.value;
    }
    return std::nullopt;
}

}  // namespace carevoice
