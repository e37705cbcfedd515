// The HTTP server around App: cpp-httplib with a worker pool, static files, security headers on
// every response, one access-log line and one metrics observation per request.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "web/http/app.hpp"

namespace carevoice::web {

class Server {
  public:
    explicit Server(std::unique_ptr<App> app);
    ~Server();
    // Binds host:port (port 0: any free port) and returns the port bound.
    Result<int> Bind();
    // Serves until Stop(); blocks.
    void Run();
    void Stop();
    // Blocks until Run() is accepting connections (Stop() before that point would be lost).
    void WaitUntilRunning();
    App& app() { return *app_; }

  private:
    std::unique_ptr<App> app_;
    httplib::Server http_;
};

// The security headers sent with every response (also static files and errors).
httplib::Headers SecurityHeaders();

}  // namespace carevoice::web
