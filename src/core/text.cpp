#include "core/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace carevoice::text {

Result<double> ParseDouble(std::string_view s) {
    s = Trim(s);
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
        return Status::InvalidArgument("'" + std::string(s) + "' is not a number");
    }
    return v;
}

Result<long long> ParseInt(std::string_view s) {
    s = Trim(s);
    long long v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        return Status::InvalidArgument("'" + std::string(s) + "' is not a whole number");
    }
    return v;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string ToLower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string ToUpper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string TelUri(std::string_view phone) {
    std::string digits;
    const std::string_view trimmed = Trim(phone);
    const bool international = !trimmed.empty() && trimmed.front() == '+';
    for (char c : trimmed) {
        if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() < 3) return "";
    if (international) return "tel:+" + digits;
    if (digits.size() > 1 && digits[0] == '0' && digits[1] != '0') return "tel:+44" + digits.substr(1);
    return "tel:" + digits;  // a short number such as 111 or 999
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, at - start));
        start = at + 1;
    }
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace carevoice::text
