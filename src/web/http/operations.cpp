// Health check and metrics, for load balancers and monitoring. Neither touches a session.
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
                ctx.Json(503, {{"status", "unavailable"}, {"database", "unreachable"}});
                return;
            }
            ctx.Json(200, {{"status", "ok"}, {"database", "ok"}});
        },
        no_session);
    router.Add(
        "GET", "/metrics", Access::Public(), RouteKind::kApi,
        [](RequestContext& ctx) {
            ctx.res.status = 200;
            ctx.res.set_content(ctx.app.metrics().Render(), "text/plain; version=0.0.4; charset=utf-8");
        },
        no_session);
}

}  // namespace carevoice::web
