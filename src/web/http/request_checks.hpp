// Checks every request passes before its handler runs, so that no handler meets text it cannot
// show or store: text is UTF-8 wherever carevoice reads it (path, query, form fields and multipart
// text fields, a JSON body, the headers it reads), the body fits the route's limit and every text
// field its length. Each problem names where it is, for a clear 400, 413 or 422.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "web/http/router.hpp"

namespace carevoice::web {

struct RequestProblem {
    int status = 400;
    std::string code;
    std::string message;
    std::vector<FieldProblem> details;
};

// A path with a control character (NUL, line breaks, TAB...) names no page or file: 404. A path that
// is not UTF-8: 400.
std::optional<RequestProblem> CheckPath(const httplib::Request& req);

// Text that is not UTF-8 in the query, the form (URL-encoded or multipart text fields and file names),
// a JSON body, or the headers and cookies carevoice reads: 400 `invalid_encoding` naming each place.
std::optional<RequestProblem> CheckEncoding(const httplib::Request& req);

// A body larger than the route accepts (413 `payload_too_large` saying the limit), or a text field
// longer than its limit (422 `field_too_long` naming the field and the limit). `server_max_body` is the
// server's own ceiling (ServerConfig::max_body_bytes).
std::optional<RequestProblem> CheckSizes(const httplib::Request& req, const RouteOptions& options,
                                         std::size_t server_max_body);

// The 413 message for a body over `limit` bytes.
std::string TooLargeMessage(std::size_t limit);

}  // namespace carevoice::web
