#include "web/http/client_address.hpp"

#include <vector>

#include "core/text.hpp"

namespace carevoice::web {
namespace {

// More proxies than this in front of one server is not a deployment; also bounds the parsing.
constexpr int kMaxHops = 16;
constexpr std::size_t kMaxAddressChars = 45;  // the longest IPv6 text form (with an embedded IPv4)

bool LooksLikeIpAddress(std::string_view s) {
    if (s.empty() || s.size() > kMaxAddressChars) return false;
    for (char c : s) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex && c != '.' && c != ':') return false;
    }
    return true;
}

}  // namespace

std::string ClientAddress(const std::string& peer_address, std::string_view forwarded_for, int trusted_hops) {
    if (trusted_hops <= 0 || text::Trim(forwarded_for).empty()) return peer_address;
    if (trusted_hops > kMaxHops) trusted_hops = kMaxHops;
    // Only the right-most `trusted_hops` entries are read: walk from the right, never the whole header.
    std::vector<std::string_view> from_right;
    std::string_view rest = forwarded_for;
    while (static_cast<int>(from_right.size()) < trusted_hops) {
        const auto comma = rest.rfind(',');
        from_right.push_back(text::Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1)));
        if (comma == std::string_view::npos) break;
        rest = rest.substr(0, comma);
    }
    const std::string_view chosen = from_right.back();
    return LooksLikeIpAddress(chosen) ? std::string(chosen) : peer_address;
}

}  // namespace carevoice::web
