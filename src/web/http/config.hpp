// Server configuration. Every field has the default used by `carevoice serve`; tests shorten
// the expensive or slow ones (password hashing cost) explicitly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/crypto.hpp"
#include "core/file.hpp"

namespace carevoice::web {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0 binds any free port (tests)
    std::string db_url = "sqlite:var/carevoice.db";
    std::string static_dir;                       // nhsuk-frontend and carevoice assets; see CAREVOICE_STATIC_DIR
    std::string public_url;                       // e.g. https://carevoice.example.nhs.uk; https makes cookies Secure
    bool trust_proxy = false;                     // take the client address from X-Forwarded-For...
    int trust_proxy_hops = 1;                     // ...as the entry this many from the right (one per proxy)
    std::string metrics_host = "127.0.0.1";       // a second listener serving only /metrics, for Prometheus...
    int metrics_port = -1;                        // ...on this port (0: any free port); -1: none, /metrics is admins'
    std::size_t max_body_bytes = 16u << 20;       // 16 MiB, the most any route accepts; larger uploads: .csv.gz
    std::int64_t request_read_seconds = 10;       // a request's headers and body must have arrived within this...
    std::int64_t upload_read_seconds = 120;       // ...or this, when the body is larger than a form (1 MiB)
    std::int64_t keep_alive_seconds = 5;          // an idle keep-alive connection is closed after this
    std::size_t max_waiting_connections = 1024;   // connections still sending; past this the oldest is closed
    std::int64_t session_idle_seconds = 30 * 60;  // signed out after 30 minutes without a request
    std::int64_t session_absolute_seconds = 12 * 3600;  // and after 12 hours whatever happens
    int lockout_threshold = 5;                          // failed sign-ins for an account or an address...
    std::int64_t lockout_window_seconds = 15 * 60;      // ...within this window...
    std::int64_t lockout_seconds = 15 * 60;             // ...pause sign-in for this long after the last one
    app::PasswordCost password_cost = app::PasswordCost::kInteractive;
    std::size_t threads = 32;  // worker threads; a connection holds one only while its request is answered
    std::size_t db_pool_size = 8;
    bool log_requests = true;        // one line per request on stderr
    int suppression_threshold = 21;  // CPES: figures from fewer respondents are never shown
    // Refused sign-ins written to the audit log per address and minute (and one per lock); the rest are
    // counted and summarised in one entry when the minute ends or the lock lifts (app/sign_in_audit.hpp).
    std::int64_t sign_in_audit_per_minute = 10;
    // The most an uploaded .csv.gz may unpack to: 512 MB (--max-unpacked-mb, CAREVOICE_MAX_UNPACKED_MB).
    std::size_t max_unpacked_bytes = kDefaultMaxUnpackedBytes;
    // Pathway outcomes: a count below this (numerator or denominator) shows "fewer than N", no share.
    int pathway_small_count_threshold = 8;
};

}  // namespace carevoice::web
