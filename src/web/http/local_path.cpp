#include "web/http/local_path.hpp"

namespace carevoice::web {
namespace {

constexpr std::size_t kMaxPathChars = 2000;

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool IsPlainPath(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
    for (char c : path) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7f || c == '\\') return false;
    }
    return true;
}

}  // namespace

std::string SafeLocalPath(std::string_view candidate) {
    if (candidate.size() > kMaxPathChars || !IsPlainPath(candidate)) return "/";
    std::string decoded;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
        const auto b = static_cast<unsigned char>(candidate[i]);
        if (b <= 0x20 || b >= 0x7f) return "/";  // raw spaces and anything beyond printable ASCII
        if (candidate[i] != '%') {
            decoded.push_back(candidate[i]);
            continue;
        }
        if (i + 2 >= candidate.size()) return "/";
        const int hi = HexValue(candidate[i + 1]);
        const int lo = HexValue(candidate[i + 2]);
        if (hi < 0 || lo < 0) return "/";
        decoded.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    // What the escapes hide must be a plain path too (%2F%2Fevil, %5C, %0d%0a, %00, %09).
    return IsPlainPath(decoded) ? std::string(candidate) : "/";
}

}  // namespace carevoice::web
