#include "web/http/request_head.hpp"

#include "core/text.hpp"

namespace carevoice::web {
namespace {

constexpr std::string_view kEndOfHead = "\r\n\r\n";
constexpr std::size_t kMaxContentLengthDigits = 18;  // below 2^63: no overflow

RequestHead Refused(int status, std::string reason) {
    RequestHead head;
    head.state = RequestHead::State::kRefused;
    head.status = status;
    head.reason = std::move(reason);
    return head;
}

bool HeaderNameIs(std::string_view line, std::string_view name) {
    if (line.size() <= name.size() || line[name.size()] != ':') return false;
    return text::ToLower(line.substr(0, name.size())) == name;
}

}  // namespace

RequestHead ScanRequestHead(std::string_view received, std::size_t max_head_bytes) {
    const auto end = received.substr(0, max_head_bytes).find(kEndOfHead);
    if (end == std::string_view::npos) {
        if (received.size() >= max_head_bytes) return Refused(431, "The request's headers are too large.");
        return {};
    }
    RequestHead head;
    head.head_bytes = end + kEndOfHead.size();
    const std::string_view text = received.substr(0, end);
    const auto line_end = text.find("\r\n");
    const std::string_view request_line = text.substr(0, line_end);
    const auto first_space = request_line.find(' ');
    const auto last_space = request_line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) {
        return Refused(400, "The request line is not METHOD TARGET HTTP/1.1.");
    }
    head.method = std::string(request_line.substr(0, first_space));
    head.target = std::string(request_line.substr(first_space + 1, last_space - first_space - 1));

    bool has_length = false;
    std::string_view rest = line_end == std::string_view::npos ? std::string_view() : text.substr(line_end + 2);
    while (!rest.empty()) {
        const auto next = rest.find("\r\n");
        const std::string_view line = rest.substr(0, next);
        rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 2);
        if (line.empty() || line.front() == ' ' || line.front() == '\t') {
            return Refused(400, "A header line is folded or empty.");
        }
        if (HeaderNameIs(line, "transfer-encoding")) {
            return Refused(411, "Send the body with a Content-Length; chunked request bodies are not accepted.");
        }
        if (HeaderNameIs(line, "content-length")) {
            const std::string_view value = text::Trim(line.substr(line.find(':') + 1));
            if (value.empty() || value.size() > kMaxContentLengthDigits ||
                value.find_first_not_of("0123456789") != std::string_view::npos) {
                return Refused(400, "The Content-Length is not a number.");
            }
            const std::uint64_t length = std::stoull(std::string(value));
            if (has_length && length != head.content_length) return Refused(400, "Two different Content-Lengths.");
            has_length = true;
            head.content_length = length;
        } else if (HeaderNameIs(line, "expect")) {
            head.expect_continue = text::ToLower(text::Trim(line.substr(line.find(':') + 1))) == "100-continue";
        }
    }
    head.state = RequestHead::State::kComplete;
    return head;
}

std::string WithoutExpectHeader(std::string_view head) {
    std::string out;
    out.reserve(head.size());
    std::size_t at = 0;
    while (at < head.size()) {
        auto next = head.find("\r\n", at);
        next = next == std::string_view::npos ? head.size() : next + 2;
        const std::string_view line = head.substr(at, next - at);
        if (!HeaderNameIs(line, "expect")) out.append(line);
        at = next;
    }
    return out;
}

}  // namespace carevoice::web
