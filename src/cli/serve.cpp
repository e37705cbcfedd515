// carevoice serve / carevoice migrate.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.hpp"
#include "core/text.hpp"
#include "store/migrations.hpp"
#include "web/http/server.hpp"

namespace carevoice::cli {
namespace {

// HOST:PORT given to `option` (--listen, --metrics-listen) into host and port.
Status ParseListen(const std::string& option, const std::string& listen, std::string& host, int& port) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        return Status::InvalidArgument(option + " '" + listen + "' must be HOST:PORT, e.g. 127.0.0.1:8080");
    }
    auto parsed = text::ParseInt(listen.substr(colon + 1));
    if (!parsed.ok() || *parsed < 0 || *parsed > 65535) {
        return Status::InvalidArgument(option + " '" + listen + "': the port must be a number from 0 to 65535");
    }
    host = listen.substr(0, colon);
    port = static_cast<int>(*parsed);
    return Status::Ok();
}

struct ServeOptions {
    std::string db;
    std::string listen = "127.0.0.1:8080";
    std::string static_dir;
    std::string public_url;
    bool trust_proxy = false;
    int trust_proxy_hops = 0;
    std::string metrics_listen;
    bool quiet = false;
    std::size_t threads = 32;
    std::size_t max_unpacked_mb = 0;
};

int Serve(const ServeOptions& o) {
    web::ServerConfig cfg;
    if (Status s = ParseListen("--listen", o.listen, cfg.host, cfg.port); !s.ok()) return Fail(s);
    if (!o.metrics_listen.empty()) {
        Status s = ParseListen("--metrics-listen", o.metrics_listen, cfg.metrics_host, cfg.metrics_port);
        if (!s.ok()) return Fail(s);
    }
    cfg.db_url = o.db;
    cfg.static_dir = o.static_dir;
    if (cfg.static_dir.empty()) {
        const char* env = std::getenv("CAREVOICE_STATIC_DIR");
        cfg.static_dir = env && *env ? env : CAREVOICE_DEFAULT_STATIC_DIR;
    }
    cfg.public_url = o.public_url;
    cfg.trust_proxy = o.trust_proxy || o.trust_proxy_hops > 0;
    if (o.trust_proxy_hops > 0) cfg.trust_proxy_hops = o.trust_proxy_hops;
    cfg.log_requests = !o.quiet;
    cfg.threads = o.threads;
    cfg.max_unpacked_bytes = o.max_unpacked_mb << 20;
    cfg.db_pool_size = std::max<std::size_t>(4, o.threads / 4);
    if (auto db = OpenDatabase(cfg.db_url); !db.ok()) return Fail(db.status());

    // SIGINT and SIGTERM are taken by a thread of their own, so the server stops cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto app = web::App::Create(cfg, std::make_shared<SystemClock>());
    if (!app.ok()) return Fail(app.status());
    web::Server server(std::move(*app));
    auto port = server.Bind();
    if (!port.ok()) return Fail(port.status());
    std::fprintf(stderr, "carevoice is listening on http://%s:%d (database %s). Stop it with Ctrl-C.\n",
                 cfg.host.c_str(), *port, store::RedactUrl(cfg.db_url).c_str());
    if (server.metrics_port() >= 0) {
        std::fprintf(stderr, "Metrics for monitoring are at http://%s:%d/metrics.\n", cfg.metrics_host.c_str(),
                     server.metrics_port());
    }
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        std::fprintf(stderr, "carevoice is stopping.\n");
        server.Stop();
    });
    server.Run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace

void RegisterServe(CLI::App& app) {
    auto opts = std::make_shared<ServeOptions>();
    auto* cmd = app.add_subcommand("serve", "Start the web server (pages, JSON API, /healthz, /metrics)");
    AddDbOption(*cmd, opts->db);
    cmd->add_option("--listen", opts->listen, "Address to listen on, HOST:PORT (default 127.0.0.1:8080)");
    cmd->add_option("--static-dir", opts->static_dir,
                    "Folder with the built static files (default: $CAREVOICE_STATIC_DIR, else the build's static/)");
    cmd->add_option("--public-url", opts->public_url,
                    "The address people use, e.g. https://carevoice.example.nhs.uk; https makes cookies Secure and "
                    "sends Strict-Transport-Security");
    cmd->add_flag("--trust-proxy", opts->trust_proxy,
                  "Take the client address from X-Forwarded-For, the right-most entry (only behind your own "
                  "reverse proxy)");
    cmd->add_option("--trust-proxy-hops", opts->trust_proxy_hops,
                    "Behind this many reverse proxies: the client address is the entry this many from the right of "
                    "X-Forwarded-For (implies --trust-proxy)")
        ->check(CLI::Range(1, 16));
    cmd->add_option("--metrics-listen", opts->metrics_listen,
                    "Also serve /metrics, without signing in, on this HOST:PORT (keep it on a private network); "
                    "otherwise /metrics is for administrators only");
    cmd->add_option("--threads", opts->threads, "Worker threads (default 32)")->check(CLI::Range(1, 1024));
    cmd->add_flag("--quiet", opts->quiet, "Do not write one log line per request");
    AddMaxUnpackedOption(*cmd, opts->max_unpacked_mb);
    cmd->callback([opts] {
        if (int rc = Serve(*opts); rc != 0) throw ExitCode{rc};
    });
}

void RegisterMigrate(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("migrate", "Apply database migrations that have not been applied yet");
    AddDbOption(*cmd, *url);
    cmd->callback([url] {
        if (Status s = EnsureDatabaseFolder(*url); !s.ok()) throw ExitCode{Fail(s)};
        auto db = store::Database::Open(*url, 1);
        if (!db.ok()) throw ExitCode{Fail(db.status())};
        auto conn = (*db)->Acquire();
        auto report = store::Migrate(*conn);
        if (!report.ok()) throw ExitCode{Fail(report.status())};
        if (report->applied.empty()) {
            std::printf("The database is up to date (schema version %d).\n", report->current_version);
        }
        for (const auto& name : report->applied) std::printf("Applied %s\n", name.c_str());
    });
}

}  // namespace carevoice::cli
