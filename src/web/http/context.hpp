// What a handler sees of one request: the HTTP request and response, the matched route's
// parameters, the signed-in user (if any), and the application's shared services.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"
#include "web/http/router.hpp"
#include "web/render/templates.hpp"

namespace carevoice::app {
struct Actor;
}

namespace carevoice::web {

class App;

struct CurrentUser {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::kMember;
    bool must_change_password = false;  // signed in with a temporary password: only /account until changed
};

struct RequestContext {
    App& app;
    const httplib::Request& req;
    httplib::Response& res;
    const Route& route;
    std::map<std::string, std::string> params;
    std::string request_id;
    std::string client_address;
    std::optional<CurrentUser> user;
    std::string session_token;  // the raw cookie value when signed in
    std::string csrf_token;     // to embed in forms rendered for this request
    // A form kept while its sender signed in again (web/http/kept_form.hpp), once taken: Param reads it
    // when the request itself has no such field.
    std::map<std::string, std::string> kept_fields;

    // A database connection for this request, taken from the pool on first use.
    store::Connection& db();
    std::optional<store::Database::Lease> lease;

    std::optional<Role> role() const { return user ? std::optional<Role>(user->role) : std::nullopt; }
    // A form field (application/x-www-form-urlencoded or multipart) or query parameter, else a kept form's
    // field; "" if absent.
    std::string Param(const std::string& name) const;
    // A field of the form body only (URL-encoded or a multipart text field), never the query; "" if absent.
    std::string BodyParam(const std::string& name) const;
    std::string Cookie(const std::string& name) const;
    void SetCookie(const std::string& name, const std::string& value, std::int64_t max_age_seconds);
    void ClearCookie(const std::string& name);

    // Responses.
    void Html(int status, std::string html);  // moved into the response: a page can be hundreds of KB
    // Renders `tmpl` inside the layout with the standard header data (user, navigation, CSRF).
    void Page(const std::string& title, const std::string& tmpl, nlohmann::json data, int status = 200);
    // A page whose body was rendered earlier and kept (a cached list of thousands of rows; nothing in it may
    // depend on who asks: no CSRF token, no name): only the layout is rendered for this request, and the body
    // is copied once, into the response (Templates::Splice).
    void KeptPage(const std::string& title, std::shared_ptr<const std::string> body, int status = 200);
    void Json(int status, const nlohmann::json& body);
    void Redirect(const std::string& location, const std::string& flash = "");
    void Csv(const std::string& filename, const std::string& body);
    // An error in the shape of the route's kind: an HTML page or the API's JSON error. The one error
    // path: a 5xx (and any busy Status, which becomes 503 with Retry-After) is logged once with the
    // request id, route and cause, and the person sees a plain message with the request id as the
    // reference, never the cause (a database or driver message).
    void Error(int status, const Status& status_detail);
    void Error(int status, const std::string& code, const std::string& message,
               const std::vector<FieldProblem>& details = {});
    // Logs a failure on our side (status >= 500) with the request id, method and route; Error calls it.
    void LogFailure(int status, const std::string& cause) const;

    // The signed-in user (or "public") with this request's address and id, for the audit log.
    app::Actor ActorForAudit() const;
    // Appends to the audit log (who, role, address and request id are filled in here).
    void Audit(const std::string& action, const std::string& record_type, const std::string& record_id,
               const std::string& outcome);

  private:
    // The layout's data for this request: title, user, navigation and the flash message (cleared once shown).
    nlohmann::json LayoutData(const std::string& title);
};

int HttpStatusFor(const Status& s);

// Thrown where a failed Status cannot be returned (the audit append inside a handler). Dispatch answers
// it with 503 when the database was busy or unreachable, else 500; either way through Error.
class StatusError : public std::runtime_error {
  public:
    explicit StatusError(Status status) : std::runtime_error(status.ToString()), status_(std::move(status)) {}
    const Status& status() const { return status_; }

  private:
    Status status_;
};

}  // namespace carevoice::web
