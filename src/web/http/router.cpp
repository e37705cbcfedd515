#include "web/http/router.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace carevoice::web {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
    std::vector<std::string> out;
    for (auto part : text::Split(path, '/')) {
        if (!part.empty()) out.emplace_back(part);
    }
    return out;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool DecodePathSegment(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out.push_back(in[i]);
            continue;
        }
        if (i + 2 >= in.size()) return false;
        int hi = HexValue(in[i + 1]);
        int lo = HexValue(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return true;
}

void Router::Add(std::string method, std::string pattern, Access access, RouteKind kind,
                 std::function<void(RequestContext&)> handler, RouteOptions options) {
    Route r{std::move(method), pattern, std::move(access), kind, std::move(handler), options, SplitPath(pattern)};
    routes_.push_back(std::move(r));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    auto query = path.find('?');
    if (query != std::string_view::npos) path = path.substr(0, query);
    auto segments = SplitPath(path);
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i) {
            const std::string& want = route.segments[i];
            if (!want.empty() && want[0] == ':') {
                std::string decoded;
                ok = DecodePathSegment(segments[i], decoded) && !decoded.empty();
                if (ok) params[want.substr(1)] = std::move(decoded);
            } else {
                ok = want == segments[i];
            }
        }
        if (!ok) continue;
        bool same_method = route.method == method || (method == "HEAD" && route.method == "GET");
        if (same_method && !result.route) {
            result.route = &route;
            result.params = std::move(params);
        }
        if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end()) {
            result.allowed.push_back(route.method);
        }
    }
    return result;
}

}  // namespace carevoice::web
