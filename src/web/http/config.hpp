// Server configuration. Every field has the default used by `carevoice serve`; tests shorten
// the expensive or slow ones (password hashing cost) explicitly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/crypto.hpp"

namespace carevoice::web {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0 binds any free port (tests)
    std::string db_url = "sqlite:var/carevoice.db";
    std::string static_dir;                       // nhsuk-frontend and carevoice assets; see CAREVOICE_STATIC_DIR
    std::string public_url;                       // e.g. https://carevoice.example.nhs.uk; https makes cookies Secure
    bool trust_proxy = false;                     // take the client address from X-Forwarded-For
    std::size_t max_body_bytes = 16u << 20;       // 16 MiB; larger uploads should be .csv.gz
    std::int64_t session_idle_seconds = 30 * 60;  // signed out after 30 minutes without a request
    std::int64_t session_absolute_seconds = 12 * 3600;  // and after 12 hours whatever happens
    int lockout_threshold = 5;                          // failed sign-ins for an account or an address...
    std::int64_t lockout_window_seconds = 15 * 60;      // ...within this window...
    std::int64_t lockout_seconds = 15 * 60;             // ...pause sign-in for this long after the last one
    app::PasswordCost password_cost = app::PasswordCost::kInteractive;
    std::size_t threads = 32;  // worker threads; each keep-alive connection holds one
    std::size_t db_pool_size = 8;
    bool log_requests = true;        // one line per request on stderr
    int suppression_threshold = 21;  // CPES: figures from fewer respondents are never shown
    // Pathway outcomes: a count below this (numerator or denominator) shows "fewer than N", no share.
    int pathway_small_count_threshold = 8;
};

}  // namespace carevoice::web
