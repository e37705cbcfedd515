// Health check and metrics, for load balancers and monitoring. The health check touches no session;
// /metrics (which shows how the site is used) is for administrators here, and for Prometheus on the
// separate metrics listener (ServerConfig::metrics_port, web/http/server.cpp).
#include <nlohmann/json.hpp>

#include "web/http/app.hpp"

namespace carevoice::web {

void RegisterOperationsRoutes(Router& router) {
    RouteOptions no_session;
    no_session.needs_session = false;
    router.Add(
        "GET", "/healthz", Access::Public(), RouteKind::kApi,
        [](RequestContext& ctx) {
            Status s = ctx.db().Ping();
            if (!s.ok()) {
                ctx.LogFailure(503, s.ToString());
                ctx.Json(503, {{"status", "unavailable"}, {"database", "unreachable"}});
                return;
            }
            ctx.Json(200, {{"status", "ok"}, {"database", "ok"}});
        },
        no_session);
    router.Add("GET", "/metrics", Access::Roles({Role::kAdmin}), RouteKind::kApi, [](RequestContext& ctx) {
        ctx.res.status = 200;
        ctx.res.set_content(ctx.app.metrics().Render(), "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace carevoice::web
