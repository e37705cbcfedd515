// Matches a method and path to a declared route. Patterns are literal segments and `:name`
// parameters ("/admin/users/:id/role"); cpp-httplib 0.11 has only regex routes, so carevoice
// routes through this one table, which also tells 404 (no such path) from 405 (path, not method).
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
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

// Size limits every route has unless it declares others (web/http/request_checks.hpp enforces them).
inline constexpr std::size_t kFormBodyBytes = 1u << 20;      // 1 MiB: an ordinary form or JSON body
inline constexpr std::size_t kUploadBodyBytes = 16u << 20;   // 16 MiB: a file upload (CPES results, measure CSV)
inline constexpr std::size_t kTextFieldChars = 10'000;       // one text field of a form, in characters
inline constexpr std::size_t kLongTextFieldChars = 100'000;  // a document typed in a form (minutes Markdown)

// A form with a document typed into it (minutes, terms of reference): percent-encoded, 100,000
// characters of any script take up to 1.2 MB.
inline constexpr std::size_t kLongTextBodyBytes = 2u << 20;

struct RouteOptions {
    bool needs_session = true;                           // false: skip the session lookup (health checks, metrics)
    std::size_t max_body_bytes = kFormBodyBytes;         // routes taking uploads declare kUploadBodyBytes
    std::size_t max_field_chars = kTextFieldChars;       // each form field and query parameter...
    std::map<std::string, std::size_t> field_max_chars;  // ...unless named here with its own limit
    // A form whose fields are kept when its sender's session has expired (web/http/kept_form.hpp).
    bool keeps_typed_form = false;

    static RouteOptions KeepsTypedForm() {
        RouteOptions o;
        o.keeps_typed_form = true;
        return o;
    }

    // A route taking a file upload (whose text fields, named here, may be as long as the upload).
    static RouteOptions Upload(std::initializer_list<std::string> pasted_file_fields = {}) {
        RouteOptions o;
        o.max_body_bytes = kUploadBodyBytes;
        for (const auto& f : pasted_file_fields) o.field_max_chars[f] = kUploadBodyBytes;
        return o;
    }
    // A form with documents typed into the named fields (kLongTextFieldChars each).
    static RouteOptions LongText(std::initializer_list<std::string> fields) {
        RouteOptions o;
        o.max_body_bytes = kLongTextBodyBytes;
        for (const auto& f : fields) o.field_max_chars[f] = kLongTextFieldChars;
        return o;
    }
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
