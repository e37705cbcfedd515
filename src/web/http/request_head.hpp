// Reading the head of an HTTP/1.1 request (request line and headers) as its bytes arrive, to know
// when the whole request is in: what the reception (reception.hpp) needs before handing a request to
// a worker. Pure functions of the bytes received so far; cpp-httplib parses the request again for real.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace carevoice::web {

// Longest head (request line and headers) accepted; cpp-httplib allows 8 KB per line.
inline constexpr std::size_t kMaxRequestHeadBytes = 64u << 10;

struct RequestHead {
    enum class State {
        kIncomplete,  // the blank line that ends the head has not arrived yet
        kComplete,    // head_bytes, method, target, content_length and expect_continue are set
        kRefused,     // status and reason say why (400, 411, 431)
    };
    State state = State::kIncomplete;
    std::size_t head_bytes = 0;  // up to and including the blank line
    std::string method;
    std::string target;
    std::uint64_t content_length = 0;  // 0 when there is no Content-Length
    bool expect_continue = false;      // "Expect: 100-continue"
    int status = 0;
    std::string reason;
};

// Scans what has arrived of a request. Bodies must have a Content-Length: a Transfer-Encoding is
// refused (411), as are conflicting Content-Length headers (400, a request smuggling attempt) and a
// head longer than `max_head_bytes` (431).
RequestHead ScanRequestHead(std::string_view received, std::size_t max_head_bytes = kMaxRequestHeadBytes);

// `head` (ending in the blank line) without its "Expect" header: once the reception has answered
// "100 Continue" itself, the worker must not answer it again.
std::string WithoutExpectHeader(std::string_view head);

}  // namespace carevoice::web
