// The carevoice web application: configuration, shared services and the route table, and the
// one dispatch path every request takes (session, access check, CSRF check, handler, error shape).
// Thread-safe after Create(): handlers run concurrently on the HTTP server's worker threads.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "store/audit_repository.hpp"
#include "store/sql.hpp"
#include "web/http/config.hpp"
#include "web/http/context.hpp"
#include "web/http/log.hpp"
#include "web/http/metrics.hpp"
#include "web/http/router.hpp"
#include "web/render/templates.hpp"

namespace carevoice::web {

class App {
  public:
    // Opens the database, applies migrations and registers every route.
    static Result<std::unique_ptr<App>> Create(ServerConfig config, std::shared_ptr<Clock> clock);

    // Handles one request that httplib has parsed (called from the catch-all handlers).
    void Dispatch(const httplib::Request& req, httplib::Response& res);
    // Fills the body of an error httplib produced itself (400 malformed request, 413 too large).
    void RenderTransportError(const httplib::Request& req, httplib::Response& res);
    // Before any routing (static files included): answers a path with a control character (404) or
    // one that is not UTF-8 (400) and returns true; else returns false.
    bool RefuseBadPath(const httplib::Request& req, httplib::Response& res);

    const ServerConfig& config() const { return config_; }
    store::Database& database() { return *db_; }
    // Audit rows of requests not in a transaction are written together (store::AuditBatcher).
    store::AuditBatcher& audit_batcher() { return audit_batcher_; }
    const Templates& templates() const { return *templates_; }
    Metrics& metrics() { return metrics_; }
    Log& log() { return log_; }
    const Clock& clock() const { return *clock_; }
    const Router& router() const { return router_; }
    const std::string& csrf_secret() const { return csrf_secret_; }
    bool secure_cookies() const;

  private:
    App() = default;
    void RegisterRoutes();
    void ResolveSession(RequestContext& ctx);
    bool CheckCsrf(RequestContext& ctx);
    // A context for errors answered outside a route (transport errors, bad paths).
    RequestContext TransportContext(const httplib::Request& req, httplib::Response& res);

    ServerConfig config_;
    std::shared_ptr<Clock> clock_;
    std::shared_ptr<store::Database> db_;
    store::AuditBatcher audit_batcher_;
    std::shared_ptr<Templates> templates_;
    Metrics metrics_;
    Log log_;
    Router router_;
    std::string csrf_secret_;
};

// Per-request facts kept for the access log and metrics, which httplib reports after the
// handler has returned, on the same worker thread.
struct RequestTrace {
    std::string request_id;
    std::string route;
    long long start_ns = 0;
};
RequestTrace& CurrentTrace();

// Route registration, one function per area (pages_*.cpp, api_*.cpp).
namespace experience_pages {
class ExperienceCache;  // web/experience/model.hpp
}
// The home page says which survey years are loaded, from the experience pages' cache.
void RegisterHomeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
void RegisterAccountRoutes(Router& router);
void RegisterAdminRoutes(Router& router);
void RegisterApiRoutes(Router& router);
void RegisterOperationsRoutes(Router& router);
// The experience pages and the partnership work programme (whose survey evidence is rated from the same
// published results) share one cache of ratings per application.
void RegisterExperienceRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
void RegisterPartnershipRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
namespace pathway_tracking {
class TrackingCache;  // web/pathway/tracking_model.hpp
}
// The pathway tracking list, its alerts and their settings, and the pathway JSON API share one cache of
// computed clocks per application.
void RegisterTrackingRoutes(Router& router, std::shared_ptr<pathway_tracking::TrackingCache> cache);
void RegisterPathwayApiRoutes(Router& router, std::shared_ptr<pathway_tracking::TrackingCache> cache);
// The patient and pathway pages (web/pathway): coordinators and admins only, every view audited.
void RegisterPathwayRoutes(Router& router);

}  // namespace carevoice::web
