// Test helper: a real carevoice server in this process, on a free loopback port, over a fresh
// SQLite database, with a fake clock and cheap password hashing. Tests talk to it with a real
// HTTP client, cookies and all. Compiled into test programs only.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "store/sql.hpp"
#include "web/http/server.hpp"

namespace carevoice::web::testing {

class TestServer {
  public:
    // Starts the server; `adjust` may change the configuration first.
    explicit TestServer(const std::function<void(ServerConfig&)>& adjust = {});
    ~TestServer();

    int port() const { return port_; }
    FakeClock& clock() { return *clock_; }
    App& app() { return server_->app(); }
    Server& server() { return *server_; }
    // Adds an account directly (role name, password).
    void AddUser(const std::string& username, const std::string& role, const std::string& password);

  private:
    std::shared_ptr<FakeClock> clock_;
    std::unique_ptr<Server> server_;
    std::thread thread_;
    int port_ = 0;
};

// A browser-like client: keeps cookies between requests, reads CSRF tokens from forms.
class Browser {
  public:
    explicit Browser(int port);
    httplib::Result Get(const std::string& path, const httplib::Headers& extra = {});
    httplib::Result PostForm(const std::string& path, const httplib::Params& form);
    httplib::Result Send(const std::string& method, const std::string& path, const std::string& body,
                         const std::string& content_type, const httplib::Headers& extra = {});
    // GETs `page_path` and returns the csrf_token found in its first form.
    std::string CsrfFrom(const std::string& page_path);
    // Signs in through the sign-in form; returns the response to the POST.
    httplib::Result SignIn(const std::string& username, const std::string& password);
    std::string Cookie(const std::string& name) const;

  private:
    void Remember(const httplib::Result& r);
    httplib::Headers CookieHeader(const httplib::Headers& extra) const;
    httplib::Client client_;
    std::map<std::string, std::string> cookies_;
};

// The partnership demo (demo::FillPartnershipDemo, modelled on Milton Keynes) written into the server's
// database; returns the demo group's id, or 0 (with a test failure) if it could not be written.
std::int64_t FillDemoGroup(TestServer& server);
// A browser signed in through the form as `username` (a test failure if the sign-in is refused).
std::unique_ptr<Browser> SignedInBrowser(TestServer& server, const std::string& username, const std::string& password);
// The integer a COUNT query gives (`?` placeholders filled from `params`), and the number of audit entries
// of one action (of one outcome too, if given).
std::int64_t CountRows(TestServer& server, const std::string& sql, const std::vector<store::Value>& params = {});
std::int64_t CountAuditEntries(TestServer& server, const std::string& action, const std::string& outcome = "");

}  // namespace carevoice::web::testing
