// What a handler sees of one request: the HTTP request and response, the matched route's
// parameters, the signed-in user (if any), and the application's shared services.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"
#include "web/http/router.hpp"

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

    // A database connection for this request, taken from the pool on first use.
    store::Connection& db();
    std::optional<store::Database::Lease> lease;

    std::optional<Role> role() const { return user ? std::optional<Role>(user->role) : std::nullopt; }
    // A form field (application/x-www-form-urlencoded or multipart) or query parameter; "" if absent.
    std::string Param(const std::string& name) const;
    std::string Cookie(const std::string& name) const;
    void SetCookie(const std::string& name, const std::string& value, std::int64_t max_age_seconds);
    void ClearCookie(const std::string& name);

    // Responses.
    void Html(int status, const std::string& html);
    // Renders `tmpl` inside the layout with the standard header data (user, navigation, CSRF).
    void Page(const std::string& title, const std::string& tmpl, nlohmann::json data, int status = 200);
    void Json(int status, const nlohmann::json& body);
    void Redirect(const std::string& location, const std::string& flash = "");
    void Csv(const std::string& filename, const std::string& body);
    // An error in the shape of the route's kind: an HTML page or the API's JSON error.
    void Error(int status, const Status& status_detail);
    void Error(int status, const std::string& code, const std::string& message,
               const std::vector<FieldProblem>& details = {});

    // The signed-in user (or "public") with this request's address and id, for the audit log.
    app::Actor ActorForAudit() const;
    // Appends to the audit log (who, role, address and request id are filled in here).
    void Audit(const std::string& action, const std::string& record_type, const std::string& record_id,
               const std::string& outcome);
};

int HttpStatusFor(const Status& s);

}  // namespace carevoice::web
