// Small string helpers used across layers: strict number parsing that reports what was wrong,
// trimming and case folding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace carevoice::text {

// Strict: the whole of `s` must be a number. Errors say "'abc' is not a number".
Result<double> ParseDouble(std::string_view s);
Result<long long> ParseInt(std::string_view s);

std::string_view Trim(std::string_view s);
std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);
// A phone number as a tel: link a phone can dial: its digits, a leading "+" kept and a UK leading 0 written
// +44 ("01632 960777" -> "tel:+441632960777"); "" when it holds fewer than 3 digits.
std::string TelUri(std::string_view phone);  // ASCII only: codes such as "rd8" -> "RD8"
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);

}  // namespace carevoice::text
