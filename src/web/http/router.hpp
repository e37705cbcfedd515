// Matches a method and path to a declared route. Patterns are literal segments and `:name`
// parameters ("/admin/users/:id/role"); cpp-httplib 0.11 has only regex routes, so carevoice
// routes through this one table, which also tells 404 (no such path) from 405 (path, not method).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/access.hpp"

namespace carevoice::web {

struct RequestContext;

enum class RouteKind {
    kPage,  // HTML; errors as HTML pages, unauthenticated users sent to sign in
    kApi,   // JSON; errors in the API's one error shape
};

struct RouteOptions {
    bool needs_session = true;  // false: skip the session lookup (health checks, metrics)
};

struct Route {
    std::string method;
    std::string pattern;
    Access access;
    RouteKind kind;
    std::function<void(RequestContext&)> handler;
    RouteOptions options;
    std::vector<std::string> segments;  // pattern split on '/'
};

struct RouteMatch {
    const Route* route = nullptr;      // null: no route for this method
    std::vector<std::string> allowed;  // methods that would match the path (for 405)
    std::map<std::string, std::string> params;
};

class Router {
  public:
    void Add(std::string method, std::string pattern, Access access, RouteKind kind,
             std::function<void(RequestContext&)> handler, RouteOptions options = {});
    RouteMatch Match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

// Percent-decodes a path segment; returns false on a malformed escape.
bool DecodePathSegment(std::string_view in, std::string& out);

}  // namespace carevoice::web
