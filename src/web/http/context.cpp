#include "web/http/context.hpp"

#include "app/accounts.hpp"
#include "web/http/app.hpp"
#include "web/http/log.hpp"

namespace carevoice::web {
namespace {

constexpr const char* kFlashCookie = "cv_flash";

struct NavItem {
    const char* label;
    const char* href;
    Access access;
};

const std::vector<NavItem>& Navigation() {
    static const std::vector<NavItem> kItems = {
        {"Home", "/", Access::Public()},
        {"Experience", "/experience", Access::Public()},
        {"Partnership and improvement", "/partnership", Access::Public()},
        {"Pathway", "/pathway", Access::Roles({Role::kCoordinator, Role::kAdmin})},
        {"Administration", "/admin", Access::Roles({Role::kAdmin})},
    };
    return kItems;
}

bool IsCurrent(const std::string& path, const std::string& href) {
    if (href == "/") return path == "/";
    return path == href || path.rfind(href + "/", 0) == 0;
}

// Seconds a client is asked to wait (Retry-After) before trying again: a busy database frees its lock
// within a few seconds; an unreachable one takes longer to come back.
constexpr const char* kRetryAfterBusySeconds = "5";
constexpr const char* kRetryAfterUnavailableSeconds = "30";

// What a person is told about a failure on our side: what to do, and the reference that finds the log line.
std::string PlainServerMessage(int status, bool busy, const std::string& reference) {
    std::string what;
    if (busy) {
        what = "The service is busy just now. Wait a few seconds and try again.";
    } else if (status == 503) {
        what = "The service is unavailable just now. Try again in a minute.";
    } else {
        what = "Something went wrong on our side. Try again.";
    }
    return what + " If it keeps happening, give the administrator this reference: " + reference + ".";
}

}  // namespace

store::Connection& RequestContext::db() {
    if (!lease) lease.emplace(app.database().Acquire());
    return **lease;
}

std::string RequestContext::Param(const std::string& name) const {
    if (req.has_param(name)) return req.get_param_value(name);
    if (req.has_file(name)) return req.get_file_value(name).content;
    if (auto kept = kept_fields.find(name); kept != kept_fields.end()) return kept->second;
    return "";
}

std::string RequestContext::BodyParam(const std::string& name) const {
    if (req.is_multipart_form_data()) {
        auto it = req.files.find(name);
        return it != req.files.end() && it->second.filename.empty() ? it->second.content : "";
    }
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return "";
    httplib::Params fields;
    httplib::detail::parse_query_text(req.body, fields);
    auto it = fields.find(name);
    return it == fields.end() ? "" : it->second;
}

std::string RequestContext::Cookie(const std::string& name) const {
    const std::string header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string_view part(header.data() + pos, end - pos);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
        pos = end + 1;
    }
    return "";
}

void RequestContext::SetCookie(const std::string& name, const std::string& value, std::int64_t max_age_seconds) {
    std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (max_age_seconds > 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
    if (app.secure_cookies()) c += "; Secure";
    res.set_header("Set-Cookie", c);
}

void RequestContext::ClearCookie(const std::string& name) {
    std::string c = name + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    if (app.secure_cookies()) c += "; Secure";
    res.set_header("Set-Cookie", c);
}

void RequestContext::Html(int status, std::string html) {
    res.status = status;
    res.set_content(std::string(), "text/html; charset=utf-8");
    res.body = std::move(html);  // cpp-httplib 0.11's set_content copies
}

nlohmann::json RequestContext::LayoutData(const std::string& title) {
    nlohmann::json layout;
    layout["title"] = title;
    if (user) {
        layout["user"] = {{"display_name", user->display_name},
                          {"username", user->username},
                          {"role", std::string(RoleName(user->role))},
                          {"role_description", std::string(RoleDescription(user->role))},
                          {"csrf_token", csrf_token}};
    }
    nlohmann::json nav = nlohmann::json::array();
    for (const auto& item : Navigation()) {
        if (!item.access.Allows(role())) continue;
        nav.push_back({{"label", item.label}, {"href", item.href}, {"current", IsCurrent(req.path, item.href)}});
    }
    layout["nav"] = nav;
    std::string flash = Cookie(kFlashCookie);
    if (!flash.empty()) {
        layout["flash"] = httplib::detail::decode_url(flash, true);
        ClearCookie(kFlashCookie);
    }
    return layout;
}

void RequestContext::Page(const std::string& title, const std::string& tmpl, nlohmann::json data, int status) {
    nlohmann::json layout = LayoutData(title);
    data["csrf_token"] = csrf_token;
    if (layout.contains("user") && !data.contains("user")) data["user"] = layout["user"];
    if (data.contains("breadcrumbs")) {
        layout["breadcrumbs"] = data["breadcrumbs"];
        layout["has_breadcrumbs"] = !data["breadcrumbs"].empty();
    }
    // Mustache has no "is this list empty?": templates test has_errors for the error summary.
    if (data.contains("errors")) data["has_errors"] = !data["errors"].empty();
    layout["body"] = app.templates().Render(tmpl, data);
    Html(status, app.templates().Render("layout", layout));
}

void RequestContext::KeptPage(const std::string& title, std::shared_ptr<const std::string> body, int status) {
    const Templates& templates = app.templates();
    nlohmann::json layout = LayoutData(title);
    layout["body"] = templates.SlotMarker(0);
    Html(status, templates.Splice(templates.Render("layout", layout), {{"body", std::move(body)}}));
}

void RequestContext::Json(int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void RequestContext::Redirect(const std::string& location, const std::string& flash) {
    if (!flash.empty()) SetCookie(kFlashCookie, httplib::detail::encode_query_param(flash), 60);
    res.status = 303;
    res.set_header("Location", location);
}

void RequestContext::Csv(const std::string& filename, const std::string& body) {
    res.status = 200;
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_content(body, "text/csv; charset=utf-8");
}

int HttpStatusFor(const Status& s) {
    switch (s.code()) {
        case StatusCode::kOk:
            return 200;
        case StatusCode::kInvalidArgument:
            return 422;
        case StatusCode::kNotFound:
            return 404;
        case StatusCode::kAlreadyExists:
            return 409;
        case StatusCode::kPermissionDenied:
            return 403;
        case StatusCode::kUnauthenticated:
            return 401;
        case StatusCode::kFailedPrecondition:
            return 409;
        case StatusCode::kResourceExhausted:
            return 429;
        case StatusCode::kUnavailable:
        case StatusCode::kBusy:
            return 503;
        case StatusCode::kInternal:
            return 500;
    }
    return 500;
}

void RequestContext::Error(int status, const Status& detail) {
    if (detail.code() == StatusCode::kBusy) status = 503;
    if (status >= 500) {
        Error(status, detail.CodeName(), detail.ToString());
        return;
    }
    Error(status, detail.CodeName(), detail.message(), detail.details());
}

void RequestContext::LogFailure(int status, const std::string& cause) const {
    app.log().Write("request_id=" + request_id + " level=error method=" + LogValue(req.method, 16) + " route=" +
                    LogValue(route.pattern) + " status=" + std::to_string(status) + " cause=" + LogValue(cause));
}

void RequestContext::Error(int status, const std::string& code, const std::string& message,
                           const std::vector<FieldProblem>& details) {
    std::string shown_code = code;
    std::string shown_message = message;
    std::vector<FieldProblem> shown_details = details;
    if (status >= 500) {
        std::string cause = code + ": " + message;
        for (const auto& p : details) cause += "; " + p.field + ": " + p.problem;
        LogFailure(status, cause);
        const bool busy = code == "busy";
        if (status == 503) res.set_header("Retry-After", busy ? kRetryAfterBusySeconds : kRetryAfterUnavailableSeconds);
        shown_code = busy ? "busy" : status == 503 ? "unavailable" : "internal";
        shown_message = PlainServerMessage(status, busy, request_id);
        shown_details.clear();
    }
    if (route.kind == RouteKind::kApi) {
        nlohmann::json d = nlohmann::json::array();
        for (const auto& p : shown_details) d.push_back({{"field", p.field}, {"problem", p.problem}});
        Json(status, {{"error",
                       {{"code", shown_code}, {"message", shown_message}, {"details", d}, {"reference", request_id}}}});
        return;
    }
    static const std::map<int, std::string> kHeadings = {{400, "The request could not be understood"},
                                                         {401, "You need to sign in"},
                                                         {403, "You cannot do this"},
                                                         {404, "Page not found"},
                                                         {405, "This address does not accept that"},
                                                         {409, "This conflicts with what is already there"},
                                                         {413, "The upload is too large"},
                                                         {415, "This kind of content is not accepted"},
                                                         {422, "There is a problem with what was sent"},
                                                         {429, "Too many attempts"},
                                                         {500, "Sorry, there is a problem with the service"},
                                                         {503, "The service is unavailable"}};
    auto it = kHeadings.find(status);
    nlohmann::json paragraphs = nlohmann::json::array({shown_message});
    for (const auto& p : shown_details) paragraphs.push_back(p.field + ": " + p.problem);
    Page("Error: " + (it == kHeadings.end() ? std::string("Error") : it->second), "message",
         {{"heading", it == kHeadings.end() ? "Error" : it->second},
          {"paragraphs", paragraphs},
          {"link_href", "/"},
          {"link_text", "Go to the carevoice home page"}},
         status);
}

app::Actor RequestContext::ActorForAudit() const {
    app::Actor a;
    if (user) {
        a.user_id = user->id;
        a.username = user->username;
        a.role = std::string(RoleName(user->role));
    } else {
        a.role = "public";
    }
    a.client_address = client_address;
    a.request_id = request_id;
    return a;
}

void RequestContext::Audit(const std::string& action, const std::string& record_type, const std::string& record_id,
                           const std::string& outcome) {
    // An audit write that fails must not pass silently: the request fails with it.
    Status s = app::AppendAudit(db(), app.clock(), ActorForAudit(), action, record_type, record_id, outcome,
                                &app.audit_batcher());
    if (!s.ok()) throw StatusError(Status(s.code(), "audit log write failed: " + s.message()));
}

}  // namespace carevoice::web
