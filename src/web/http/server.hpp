// The HTTP server around App: cpp-httplib parses requests and writes responses on a pool of worker
// threads, but connections wait in the reception (reception.hpp) until a whole request has arrived,
// so slow clients hold no worker. Static files, security headers on every response, one access-log
// line and one metrics observation per request, and optionally a second listener for /metrics.
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "web/http/app.hpp"
#include "web/http/reception.hpp"

namespace carevoice::web {

class Server {
  public:
    explicit Server(std::unique_ptr<App> app);
    ~Server();
    // Binds host:port (port 0: any free port), and the metrics listener if configured; returns the port.
    Result<int> Bind();
    // Serves until Stop(); blocks.
    void Run();
    void Stop();
    // Blocks until Run() is accepting connections (Stop() before that point would be lost).
    void WaitUntilRunning();
    App& app() { return *app_; }
    // The port the metrics listener is bound to, or -1 without one (ServerConfig::metrics_port).
    int metrics_port() const { return metrics_port_; }

  private:
    class HttpServer;
    void Configure();
    void ConfigureMetricsListener();
    void Serve(ReceivedRequest request);
    std::size_t BodyLimit(std::string_view method, std::string_view target) const;

    std::unique_ptr<App> app_;
    std::unique_ptr<HttpServer> http_;
    std::unique_ptr<httplib::ThreadPool> workers_;
    std::unique_ptr<Reception> reception_;
    std::unique_ptr<httplib::Server> metrics_http_;
    std::thread metrics_thread_;
    int metrics_port_ = -1;
    std::once_flag stop_once_;
};

// The security headers sent with every response (also static files and errors); with an https
// public address, Strict-Transport-Security too.
httplib::Headers SecurityHeaders(const ServerConfig& config);

}  // namespace carevoice::web
