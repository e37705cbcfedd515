#include "web/http/app.hpp"

#include <chrono>

#include "app/crypto.hpp"
#include "store/accounts_repository.hpp"
#include "store/migrations.hpp"
#include "store/settings_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/client_address.hpp"
#include "web/http/kept_form.hpp"
#include "web/http/request_checks.hpp"
#include "web/pathway/fhir.hpp"
#include "web/pathway/outcomes.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web {
namespace {

constexpr const char* kSessionCookie = "cv_session";
constexpr const char* kAnonCookie = "cv_anon";
// A session's last-seen time is written at most this often, so that reading pages does not
// turn every request into a database write.
constexpr std::int64_t kTouchIntervalSeconds = 60;

bool IsStateChanging(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

RequestTrace& CurrentTrace() {
    thread_local RequestTrace trace;
    return trace;
}

Result<std::unique_ptr<App>> App::Create(ServerConfig config, std::shared_ptr<Clock> clock) {
    CV_RETURN_IF_ERROR(app::InitCrypto());
    auto app = std::unique_ptr<App>(new App());
    app->config_ = std::move(config);
    app->clock_ = std::move(clock);
    CV_ASSIGN_OR_RETURN(app->db_, store::Database::Open(app->config_.db_url, app->config_.db_pool_size));
    CV_RETURN_IF_ERROR(app->db_->StartBackgroundCheckpoints(std::chrono::seconds(1)));
    CV_ASSIGN_OR_RETURN(app->templates_, Templates::Load());
    {
        auto conn = app->db_->Acquire();
        CV_RETURN_IF_ERROR(store::Migrate(*conn).status());
        store::SettingsRepository settings(*conn);
        CV_ASSIGN_OR_RETURN(app->csrf_secret_, settings.GetOrInsert("csrf_secret", app::RandomToken(32)));
    }
    app->RegisterRoutes();
    return app;
}

bool App::secure_cookies() const { return config_.public_url.rfind("https://", 0) == 0; }

void App::RegisterRoutes() {
    // One cache per application: the router belongs to one App, so the cache lives as long as it.
    auto experience_cache = std::make_shared<experience_pages::ExperienceCache>();
    RegisterHomeRoutes(router_, experience_cache);
    RegisterAccountRoutes(router_);
    RegisterAdminRoutes(router_);
    RegisterApiRoutes(router_);
    RegisterOperationsRoutes(router_);
    RegisterExperienceRoutes(router_, experience_cache);
    RegisterPartnershipRoutes(router_, experience_cache);
    auto tracking_cache = std::make_shared<pathway_tracking::TrackingCache>();
    RegisterTrackingRoutes(router_, tracking_cache);
    RegisterPathwayApiRoutes(router_, tracking_cache);
    RegisterPathwayRoutes(router_);
    RegisterOutcomesRoutes(router_);
    RegisterFhirRoutes(router_);
}

void App::ResolveSession(RequestContext& ctx) {
    std::string token = ctx.Cookie(kSessionCookie);
    if (!token.empty()) {
        const std::int64_t now = clock_->NowSeconds();
        const std::string hash = app::Sha256Hex(token);
        store::AccountsRepository accounts(ctx.db());
        auto session = accounts.FindSession(hash);
        bool valid = session.ok() && now - session->last_seen_at <= config_.session_idle_seconds &&
                     now - session->created_at <= config_.session_absolute_seconds;
        if (session.ok() && !valid) (void)accounts.DeleteSession(hash);
        if (valid) {
            auto user = accounts.FindUserById(session->user_id);
            if (user.ok() && !user->disabled) {
                ctx.user =
                    CurrentUser{user->id, user->username, user->display_name, user->role, user->must_change_password};
                ctx.session_token = token;
                if (now - session->last_seen_at >= kTouchIntervalSeconds) (void)accounts.TouchSession(hash, now);
            }
        }
        if (!ctx.user) ctx.ClearCookie(kSessionCookie);
    }
    // Forms are bound to the session, or for visitors not signed in to an anonymous cookie.
    std::string binding = ctx.user ? "s:" + ctx.session_token : "";
    if (!ctx.user) {
        std::string anon = ctx.Cookie(kAnonCookie);
        if (anon.size() < 20) {
            anon = app::RandomToken(24);
            ctx.SetCookie(kAnonCookie, anon, 0);
        }
        binding = "a:" + anon;
    }
    ctx.csrf_token = app::HmacToken(csrf_secret_, binding);
}

bool App::CheckCsrf(RequestContext& ctx) {
    // The header (API) or the form body, never the query string: a token in an address ends up in
    // logs, browser history and Referer headers.
    std::string sent = ctx.req.get_header_value("X-CSRF-Token");
    if (sent.empty()) sent = ctx.BodyParam("csrf_token");
    return !sent.empty() && app::EqualsConstantTime(sent, ctx.csrf_token);
}

void App::Dispatch(const httplib::Request& req, httplib::Response& res) {
    RequestTrace& trace = CurrentTrace();
    RouteMatch match = router_.Match(req.method, req.path);
    static const Route kUnmatchedPage{"", "(unmatched)", Access::Public(), RouteKind::kPage, nullptr, {}, {}};
    static const Route kUnmatchedApi{"", "(unmatched)", Access::Public(), RouteKind::kApi, nullptr, {}, {}};
    const bool api_path = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
    const Route& route = match.route ? *match.route : (api_path ? kUnmatchedApi : kUnmatchedPage);
    trace.route = route.pattern;

    RequestContext ctx{*this,
                       req,
                       res,
                       route,
                       std::move(match.params),
                       trace.request_id,
                       ClientAddress(req.remote_addr, req.get_header_value("X-Forwarded-For"),
                                     config_.trust_proxy ? config_.trust_proxy_hops : 0),
                       {},
                       {},
                       {},
                       {},
                       {}};
    auto refuse = [&ctx](const RequestProblem& p) { ctx.Error(p.status, p.code, p.message, p.details); };
    try {
        if (auto problem = CheckEncoding(req)) return refuse(*problem);
        if (!match.route) {
            if (!match.allowed.empty()) {
                std::string allow;
                for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
                res.set_header("Allow", allow);
                ctx.Error(405, "method_not_allowed",
                          req.method + " is not allowed here. This address accepts: " + allow + ".");
            } else {
                ctx.Error(404, "not_found",
                          "There is no page at this address. Check the address, or go to the home page.");
            }
            return;
        }
        if (auto problem = CheckSizes(req, route.options, config_.max_body_bytes)) return refuse(*problem);
        if (route.options.needs_session) ResolveSession(ctx);
        if (!route.access.Allows(ctx.role())) {
            if (!ctx.user) {
                if (route.kind == RouteKind::kPage && req.method == "GET") {
                    ctx.Redirect("/sign-in?next=" + httplib::detail::encode_query_param(req.target));
                } else if (route.kind == RouteKind::kPage && route.options.keeps_typed_form && KeepTypedForm(ctx)) {
                    // kept; sent to sign in, and back to the form
                } else {
                    ctx.Error(401, "unauthenticated", "Sign in to use this. Your session may have expired.");
                }
            } else {
                ctx.Error(403, "forbidden",
                          "Your role (" + std::string(RoleName(ctx.user->role)) +
                              ") does not allow this. Ask an administrator if you need access.");
            }
            return;
        }
        // A temporary password (reset by an administrator) is changed before anything else.
        if (ctx.user && ctx.user->must_change_password && route.pattern != "/account" &&
            route.pattern != "/account/password" && route.pattern != "/sign-out") {
            if (route.kind == RouteKind::kPage && req.method == "GET") {
                ctx.Redirect("/account",
                             "Choose a new password before going on: the one you signed in with was "
                             "temporary.");
            } else {
                ctx.Error(403, "password_change_required",
                          "Choose a new password first, on your account page: the one you signed in with was "
                          "temporary.");
            }
            return;
        }
        if (IsStateChanging(req.method) && !CheckCsrf(ctx)) {
            ctx.Error(403, "csrf_token_invalid",
                      "This form was not sent from this carevoice page, or it has expired. Go back, reload the page "
                      "and try again.");
            return;
        }
        route.handler(ctx);
    } catch (const StatusError& e) {
        // The internal detail stays out of the response; Error logs it with the request id.
        res.body.clear();
        const StatusCode code = e.status().code();
        ctx.Error(code == StatusCode::kBusy || code == StatusCode::kUnavailable ? 503 : 500, e.status());
    } catch (const std::exception& e) {
        res.body.clear();
        ctx.Error(500, "internal", std::string("unhandled exception: ") + e.what());
    } catch (...) {
        res.body.clear();
        ctx.Error(500, "internal", "unhandled exception of an unknown type");
    }
}

RequestContext App::TransportContext(const httplib::Request& req, httplib::Response& res) {
    static const Route kTransport{"", "(transport)", Access::Public(), RouteKind::kPage, nullptr, {}, {}};
    static const Route kTransportApi{"", "(transport)", Access::Public(), RouteKind::kApi, nullptr, {}, {}};
    const bool api_path = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
    if (CurrentTrace().route.empty() || CurrentTrace().route == "(static)") CurrentTrace().route = "(transport)";
    return RequestContext{
        *this, req, res, api_path ? kTransportApi : kTransport, {}, CurrentTrace().request_id, req.remote_addr, {}, {},
        {},    {},  {}};
}

void App::RenderTransportError(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    RequestContext ctx = TransportContext(req, res);
    int status = res.status;
    if (status == 413) {
        ctx.Error(413, "payload_too_large", TooLargeMessage(config_.max_body_bytes));
    } else if (status == 404) {
        ctx.Error(404, "not_found", "There is no page at this address.");
    } else {
        ctx.Error(status, "bad_request", "The request could not be understood. Check it and try again.");
    }
}

bool App::RefuseBadPath(const httplib::Request& req, httplib::Response& res) {
    auto problem = CheckPath(req);
    if (!problem) return false;
    RequestContext ctx = TransportContext(req, res);
    ctx.Error(problem->status, problem->code, problem->message, problem->details);
    return true;
}

}  // namespace carevoice::web
