#include "web/testing/test_server.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "app/accounts.hpp"
#include "demo/partnership_demo.hpp"
#include "store/groups_repository.hpp"
#include "store/test_database.hpp"

namespace carevoice::web::testing {

TestServer::TestServer(const std::function<void(ServerConfig&)>& adjust) {
    clock_ = std::make_shared<FakeClock>(1'790'000'000);  // 2026-09-22
    ServerConfig cfg;
    cfg.port = 0;
    cfg.db_url = "sqlite:" + store::testing::FreshDatabaseUrl().substr(7);
    cfg.static_dir = CAREVOICE_DEFAULT_STATIC_DIR;
    cfg.password_cost = app::PasswordCost::kMinimum;
    cfg.threads = 8;
    cfg.log_requests = false;
    if (adjust) adjust(cfg);
    auto app = App::Create(cfg, clock_);
    if (!app.ok()) {
        ADD_FAILURE() << "App::Create failed: " << app.status().ToString();
        return;
    }
    server_ = std::make_unique<Server>(std::move(*app));
    auto port = server_->Bind();
    if (!port.ok()) {
        ADD_FAILURE() << port.status().ToString();
        return;
    }
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    server_->WaitUntilRunning();
}

TestServer::~TestServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
}

void TestServer::AddUser(const std::string& username, const std::string& role, const std::string& password) {
    auto conn = app().database().Acquire();
    app::Actor actor;
    actor.username = "(test)";
    actor.role = "admin";
    auto user = app::AddUser(*conn, *clock_, app::PasswordCost::kMinimum,
                             {username, "Test " + username, role, password}, actor);
    ASSERT_TRUE(user.ok()) << user.status().ToString();
}

Browser::Browser(int port) : client_("127.0.0.1", port) { client_.set_keep_alive(false); }

httplib::Headers Browser::CookieHeader(const httplib::Headers& extra) const {
    httplib::Headers h = extra;
    std::string cookie;
    for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    if (!cookie.empty()) h.emplace("Cookie", cookie);
    return h;
}

void Browser::Remember(const httplib::Result& r) {
    if (!r) return;
    auto range = r->headers.equal_range("Set-Cookie");
    for (auto it = range.first; it != range.second; ++it) {
        const std::string& c = it->second;
        auto eq = c.find('=');
        auto semi = c.find(';');
        std::string name = c.substr(0, eq);
        std::string value = c.substr(eq + 1, semi - eq - 1);
        if (value.empty() || c.find("Max-Age=0") != std::string::npos) {
            cookies_.erase(name);
        } else {
            cookies_[name] = value;
        }
    }
}

httplib::Result Browser::Get(const std::string& path, const httplib::Headers& extra) {
    auto r = client_.Get(path, CookieHeader(extra));
    Remember(r);
    return r;
}

httplib::Result Browser::PostForm(const std::string& path, const httplib::Params& form) {
    auto r = client_.Post(path, CookieHeader({}), form);
    Remember(r);
    return r;
}

httplib::Result Browser::Send(const std::string& method, const std::string& path, const std::string& body,
                              const std::string& content_type, const httplib::Headers& extra) {
    httplib::Result r{nullptr, httplib::Error::Unknown};
    if (method == "POST")
        r = client_.Post(path, CookieHeader(extra), body, content_type);
    else if (method == "PATCH")
        r = client_.Patch(path, CookieHeader(extra), body, content_type);
    else if (method == "PUT")
        r = client_.Put(path, CookieHeader(extra), body, content_type);
    else if (method == "DELETE")
        r = client_.Delete(path, CookieHeader(extra), body, content_type);
    else
        r = client_.Get(path, CookieHeader(extra));
    Remember(r);
    return r;
}

std::string Browser::CsrfFrom(const std::string& page_path) {
    auto r = Get(page_path);
    if (!r) return "";
    static const std::regex kToken(R"(name="csrf_token" value="([^"]+)\")");
    std::smatch m;
    if (std::regex_search(r->body, m, kToken)) return m[1];
    return "";
}

httplib::Result Browser::SignIn(const std::string& username, const std::string& password) {
    std::string token = CsrfFrom("/sign-in");
    return PostForm("/sign-in", {{"username", username}, {"password", password}, {"csrf_token", token}});
}

std::string Browser::Cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? "" : it->second;
}

std::int64_t FillDemoGroup(TestServer& server) {
    auto conn = server.app().database().Acquire();
    Status filled = demo::FillPartnershipDemo(*conn, server.clock());
    EXPECT_TRUE(filled.ok()) << filled.ToString();
    auto groups = store::GroupsRepository(*conn).List();
    EXPECT_TRUE(groups.ok());
    if (!filled.ok() || !groups.ok()) return 0;
    for (const auto& g : *groups) {
        if (g.name == demo::kDemoGroupName) return g.id;
    }
    ADD_FAILURE() << "the demo group was not written";
    return 0;
}

std::unique_ptr<Browser> SignedInBrowser(TestServer& server, const std::string& username, const std::string& password) {
    auto b = std::make_unique<Browser>(server.port());
    auto r = b->SignIn(username, password);
    EXPECT_TRUE(r && r->status == 303) << "signing in as " << username;
    return b;
}

std::int64_t CountRows(TestServer& server, const std::string& sql, const std::vector<store::Value>& params) {
    auto conn = server.app().database().Acquire();
    auto row = conn->QueryOne(sql, params);
    EXPECT_TRUE(row.ok()) << sql << ": " << row.status().ToString();
    return row.ok() ? row->Int(0) : -1;
}

std::int64_t CountAuditEntries(TestServer& server, const std::string& action, const std::string& outcome) {
    if (outcome.empty()) return CountRows(server, "SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
    return CountRows(server, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ?", {action, outcome});
}

}  // namespace carevoice::web::testing
