#include "web/http/server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "app/crypto.hpp"
#include "web/http/log.hpp"
#include "web/http/request_stream.hpp"

namespace carevoice::web {
namespace {

// A keep-alive connection is closed after this many requests, so that no client keeps one for ever.
constexpr int kKeepAliveMaxRequests = 1000;
// A response write waits at most this long for the client to make room (cpp-httplib's default).
constexpr std::chrono::milliseconds kWriteTimeout{5000};
// HSTS: browsers use only https for a year once they have seen it.
constexpr const char* kStrictTransportSecurity = "max-age=31536000";

long long NowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// cpp-httplib's listener calls its task queue with each accepted connection; this one runs the task on
// the listening thread at once, and the task only hands the connection to the reception.
class InlineTaskQueue : public httplib::TaskQueue {
  public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

std::string HeaderLines(const httplib::Headers& headers) {
    std::string out;
    for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
    return out;
}

}  // namespace

// cpp-httplib's server with its per-connection loop replaced: an accepted connection goes to the
// reception, and a worker parses one received request at a time through process_request.
class Server::HttpServer : public httplib::Server {
  public:
    std::function<void(int)> on_accept;
    bool ProcessRequest(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
        return process_request(stream, close_connection, connection_closed, nullptr);
    }

  private:
    bool process_and_close_socket(socket_t sock) override {
        on_accept(sock);
        return true;
    }
};

httplib::Headers SecurityHeaders(const ServerConfig& config) {
    httplib::Headers headers = {
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
    if (config.public_url.rfind("https://", 0) == 0)
        headers.emplace("Strict-Transport-Security", kStrictTransportSecurity);
    return headers;
}

Server::Server(std::unique_ptr<App> app) : app_(std::move(app)), http_(std::make_unique<HttpServer>()) {
    const ServerConfig& cfg = app_->config();
    workers_ = std::make_unique<httplib::ThreadPool>(cfg.threads);
    ReceptionLimits limits;
    limits.request_read = std::chrono::seconds(cfg.request_read_seconds);
    limits.upload_read = std::chrono::seconds(cfg.upload_read_seconds);
    limits.keep_alive = std::chrono::seconds(cfg.keep_alive_seconds);
    limits.large_body_bytes = kFormBodyBytes;
    limits.max_connections = cfg.max_waiting_connections;
    limits.max_buffered_bytes = std::max<std::size_t>(64u << 20, 4 * cfg.max_body_bytes);
    reception_ = std::make_unique<Reception>(
        limits, [this](std::string_view method, std::string_view target) { return BodyLimit(method, target); },
        [this](ReceivedRequest request) {
            auto shared = std::make_shared<ReceivedRequest>(std::move(request));
            workers_->enqueue([this, shared] { Serve(std::move(*shared)); });
        },
        [this](int status) { app_->metrics().Observe("(reception)", "OTHER", status, 0.0); },
        HeaderLines(SecurityHeaders(cfg)));
    Configure();
    if (cfg.metrics_port >= 0) ConfigureMetricsListener();
}

void Server::Configure() {
    const ServerConfig& cfg = app_->config();
    http_->on_accept = [this](int socket) { reception_->Admit(socket); };
    http_->new_task_queue = [] { return new InlineTaskQueue(); };
    http_->set_default_headers(SecurityHeaders(cfg));
    http_->set_payload_max_length(cfg.max_body_bytes);
    http_->set_tcp_nodelay(true);
    // Only what the Keep-Alive header says: the reception closes idle connections and Serve counts requests.
    http_->set_keep_alive_timeout(static_cast<time_t>(cfg.keep_alive_seconds));
    http_->set_keep_alive_max_count(kKeepAliveMaxRequests);
    if (!cfg.static_dir.empty()) {
        http_->set_mount_point("/static", cfg.static_dir + "/static");
        http_->set_mount_point("/assets", cfg.static_dir + "/assets");
    }
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        RequestTrace& trace = CurrentTrace();
        trace.request_id = app::RandomToken(9);
        trace.route = "(static)";
        trace.start_ns = NowNs();
        res.set_header("X-Request-Id", trace.request_id);
        // Before static files too: a NUL in a file path would cut the name the file system sees.
        return app_->RefuseBadPath(req, res) ? httplib::Server::HandlerResponse::Handled
                                             : httplib::Server::HandlerResponse::Unhandled;
    });
    http_->set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
        // Assets are versioned with the build; let browsers keep them for a day.
        res.set_header("Cache-Control", "public, max-age=86400");
    });
    auto dispatch = [this](const httplib::Request& req, httplib::Response& res) { app_->Dispatch(req, res); };
    // cpp-httplib (as Debian builds it) refuses URL-encoded bodies over 8 KB, too little for minutes typed
    // into a form: carevoice reads each body itself, up to what the route accepts, and parses the form.
    auto read_then_dispatch = [this](const httplib::Request& req, httplib::Response& res,
                                     const httplib::ContentReader& reader) {
        httplib::Request full = req;
        const std::size_t limit = BodyLimit(req.method, req.target);
        const std::size_t declared = req.get_header_value<std::uint64_t>("Content-Length");
        // Over the limit, the body is not read: Dispatch answers 413 from the declared length.
        if (declared <= limit) {
            std::size_t total = 0;
            auto keep = [&](std::string& into, const char* data, std::size_t n) {
                total += n;
                if (total > limit) return false;
                into.append(data, n);
                return true;
            };
            bool complete = false;
            if (req.is_multipart_form_data()) {
                httplib::MultipartFormDataMap::iterator part = full.files.end();
                complete = reader(
                    [&](const httplib::MultipartFormData& header) {
                        part = full.files.emplace(header.name, header);
                        return true;
                    },
                    [&](const char* data, std::size_t n) { return keep(part->second.content, data, n); });
            } else {
                complete = reader([&](const char* data, std::size_t n) { return keep(full.body, data, n); });
                if (complete &&
                    req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0) {
                    httplib::detail::parse_query_text(full.body, full.params);
                }
            }
            if (total > limit) {
                // More arrived than declared (no Content-Length): say how much, for Dispatch's 413.
                full.headers.erase("Content-Length");
                full.headers.emplace("Content-Length", std::to_string(total));
            } else if (!complete) {
                if (res.status < 400) res.status = 400;  // the body was malformed or cut short
                return;
            }
        }
        app_->Dispatch(full, res);
    };
    http_->Get(".*", dispatch);
    http_->Options(".*", dispatch);
    http_->Post(".*", read_then_dispatch);
    http_->Put(".*", read_then_dispatch);
    http_->Patch(".*", read_then_dispatch);
    http_->Delete(".*", read_then_dispatch);
    http_->set_error_handler(
        [this](const httplib::Request& req, httplib::Response& res) { app_->RenderTransportError(req, res); });
    // Exceptions outside App::Dispatch (which answers its own): logged once, answered plainly.
    http_->set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string cause = "unhandled exception of an unknown type";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            cause = std::string("unhandled exception: ") + e.what();
        } catch (...) {
        }
        const RequestTrace& trace = CurrentTrace();
        app_->log().Write("request_id=" + trace.request_id + " level=error method=" + LogValue(req.method, 16) +
                          " route=" + LogValue(trace.route) + " status=500 cause=" + LogValue(cause));
        res.status = 500;
        res.set_content(
            "{\"error\":{\"code\":\"internal\",\"message\":\"Something went wrong on our side. Give the "
            "administrator this reference: " +
                trace.request_id + "\",\"details\":[],\"reference\":\"" + trace.request_id + "\"}}",
            "application/json");
    });
    http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        RequestTrace& trace = CurrentTrace();
        const double seconds = trace.start_ns ? static_cast<double>(NowNs() - trace.start_ns) / 1e9 : 0.0;
        app_->metrics().Observe(trace.route, req.method, res.status, seconds);
        if (app_->config().log_requests) {
            // Route pattern, never the path's values or query, cookies or bodies: no personal data in logs.
            char duration[32];
            std::snprintf(duration, sizeof duration, "%.2f", seconds * 1e3);
            app_->log().Write("request_id=" + trace.request_id + " method=" + LogValue(req.method, 16) +
                              " route=" + LogValue(trace.route) + " status=" + std::to_string(res.status) +
                              " duration_ms=" + duration);
        }
        trace = RequestTrace{};
    });
}

void Server::ConfigureMetricsListener() {
    // For a monitoring network only: /metrics without signing in, and nothing else.
    metrics_http_ = std::make_unique<httplib::Server>();
    metrics_http_->new_task_queue = [] { return new httplib::ThreadPool(2); };
    metrics_http_->set_default_headers(SecurityHeaders(app_->config()));
    metrics_http_->set_read_timeout(std::chrono::seconds(2));
    metrics_http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(app_->metrics().Render(), "text/plain; version=0.0.4; charset=utf-8");
    });
}

std::size_t Server::BodyLimit(std::string_view method, std::string_view target) const {
    const std::string path = httplib::detail::decode_url(std::string(target.substr(0, target.find('?'))), false);
    const RouteMatch match = app_->router().Match(method, path);
    const std::size_t route_limit = match.route ? match.route->options.max_body_bytes : kFormBodyBytes;
    return std::min(route_limit, app_->config().max_body_bytes);
}

void Server::Serve(ReceivedRequest request) {
    RequestStream stream(request.socket, request.request, kWriteTimeout);
    const bool last = request.close_after || request.served + 1 >= kKeepAliveMaxRequests;
    bool closed = false;
    const bool written = http_->ProcessRequest(stream, last, closed);
    if (!written || closed || last) {
        ::shutdown(request.socket, SHUT_WR);
        ::close(request.socket);
        return;
    }
    reception_->Return(request.socket, std::move(request.leftover), request.served + 1);
}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
    const ServerConfig& cfg = app_->config();
    if (metrics_http_) {
        metrics_port_ = cfg.metrics_port == 0
                            ? metrics_http_->bind_to_any_port(cfg.metrics_host)
                            : (metrics_http_->bind_to_port(cfg.metrics_host, cfg.metrics_port) ? cfg.metrics_port : -1);
        if (metrics_port_ < 0) {
            return Status::Unavailable("could not listen for /metrics on " + cfg.metrics_host + ":" +
                                       std::to_string(cfg.metrics_port) + ": choose another with --metrics-listen");
        }
    }
    int port = cfg.port;
    if (port == 0) {
        port = http_->bind_to_any_port(cfg.host);
        if (port < 0) return Status::Unavailable("could not bind any port on " + cfg.host);
    } else if (!http_->bind_to_port(cfg.host, port)) {
        return Status::Unavailable("could not listen on " + cfg.host + ":" + std::to_string(port) +
                                   ": is another program using it? Choose another with --listen HOST:PORT");
    }
    return port;
}

void Server::Run() {
    reception_->Start();
    if (metrics_http_ && metrics_port_ >= 0)
        metrics_thread_ = std::thread([this] { metrics_http_->listen_after_bind(); });
    http_->listen_after_bind();
}

void Server::WaitUntilRunning() {
    while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Server::Stop() {
    std::call_once(stop_once_, [this] {
        if (http_->is_running()) http_->stop();
        if (metrics_http_) {
            if (metrics_http_->is_running()) metrics_http_->stop();
            if (metrics_thread_.joinable()) metrics_thread_.join();
        }
        reception_->Stop();
        workers_->shutdown();
    });
}

}  // namespace carevoice::web
