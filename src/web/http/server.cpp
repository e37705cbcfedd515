#include "web/http/server.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "app/crypto.hpp"

namespace carevoice::web {
namespace {

long long NowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::mutex& LogMutex() {
    static std::mutex mu;
    return mu;
}

}  // namespace

httplib::Headers SecurityHeaders() {
    return {
        // No inline script or style: scripts and styles come only from our own /static files.
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
         "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
    };
}

Server::Server(std::unique_ptr<App> app) : app_(std::move(app)) {
    const ServerConfig& cfg = app_->config();
    const std::size_t threads = cfg.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_.set_default_headers(SecurityHeaders());
    http_.set_payload_max_length(cfg.max_body_bytes);
    http_.set_keep_alive_max_count(1000);
    http_.set_tcp_nodelay(true);
    if (!cfg.static_dir.empty()) {
        http_.set_mount_point("/static", cfg.static_dir + "/static");
        http_.set_mount_point("/assets", cfg.static_dir + "/assets");
    }
    http_.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
        RequestTrace& trace = CurrentTrace();
        trace.request_id = app::RandomToken(9);
        trace.route = "(static)";
        trace.start_ns = NowNs();
        res.set_header("X-Request-Id", trace.request_id);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http_.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
        // Assets are versioned with the build; let browsers keep them for a day.
        res.set_header("Cache-Control", "public, max-age=86400");
    });
    auto dispatch = [this](const httplib::Request& req, httplib::Response& res) { app_->Dispatch(req, res); };
    for (const char* pattern : {".*"}) {
        http_.Get(pattern, dispatch);
        http_.Post(pattern, dispatch);
        http_.Put(pattern, dispatch);
        http_.Patch(pattern, dispatch);
        http_.Delete(pattern, dispatch);
        http_.Options(pattern, dispatch);
    }
    http_.set_error_handler(
        [this](const httplib::Request& req, httplib::Response& res) { app_->RenderTransportError(req, res); });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(
            "{\"error\":{\"code\":\"internal\",\"message\":\"Something went wrong on our side.\",\"details\":[]}}",
            "application/json");
    });
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        RequestTrace& trace = CurrentTrace();
        const double seconds = trace.start_ns ? static_cast<double>(NowNs() - trace.start_ns) / 1e9 : 0.0;
        app_->metrics().Observe(trace.route, req.method, res.status, seconds);
        if (app_->config().log_requests) {
            // Route pattern, never the path's values or query, cookies or bodies: no personal data in logs.
            std::lock_guard lock(LogMutex());
            std::fprintf(stderr, "request_id=%s method=%s route=%s status=%d duration_ms=%.2f\n",
                         trace.request_id.c_str(), req.method.c_str(), trace.route.c_str(), res.status, seconds * 1e3);
        }
        trace = RequestTrace{};
    });
}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
    const ServerConfig& cfg = app_->config();
    int port = cfg.port;
    if (port == 0) {
        port = http_.bind_to_any_port(cfg.host);
        if (port < 0) return Status::Unavailable("could not bind any port on " + cfg.host);
    } else if (!http_.bind_to_port(cfg.host, port)) {
        return Status::Unavailable("could not listen on " + cfg.host + ":" + std::to_string(port) +
                                   ": is another program using it? Choose another with --listen HOST:PORT");
    }
    return port;
}

void Server::Run() { http_.listen_after_bind(); }

void Server::WaitUntilRunning() {
    while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Server::Stop() {
    if (http_.is_running()) http_.stop();
}

}  // namespace carevoice::web
