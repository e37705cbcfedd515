#include "web/http/request_checks.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace carevoice::web {
namespace {

// A field name longer than this is not one of carevoice's forms.
constexpr std::size_t kMaxFieldNameChars = 100;
// The request headers carevoice reads (cookies are checked one by one, below).
constexpr const char* kHeadersRead[] = {"Content-Type", "X-CSRF-Token", "X-Forwarded-For"};
// carevoice's own cookies start with this; other cookies on the host are not read, so not checked.
constexpr std::string_view kOwnCookiePrefix = "cv_";

constexpr const char* kNotUtf8 = "is not valid UTF-8 text";

// A name safe to show in an error (it goes into JSON and HTML): the name itself when it is UTF-8.
std::string Shown(const std::string& name) {
    return utf8::IsValid(name) && name.size() <= kMaxFieldNameChars ? name : "(a field name)";
}

void CheckText(const std::string& place, const std::string& value, std::vector<FieldProblem>& problems) {
    if (!utf8::IsValid(value)) problems.push_back({place, kNotUtf8});
}

void CheckCookies(const std::string& header, std::vector<FieldProblem>& problems) {
    for (std::string_view part : text::Split(header, ';')) {
        part = text::Trim(part);
        if (!text::StartsWith(part, kOwnCookiePrefix)) continue;
        const auto eq = part.find('=');
        const std::string name(part.substr(0, eq));
        if (!utf8::IsValid(part)) problems.push_back({"cookie " + Shown(name), kNotUtf8});
    }
}

// "10,000". Built forwards, digit by digit (inserting into the string made GCC 12's -O2
// -Wstringop-overflow see an impossible length and fail the release build).
std::string Thousands(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string HumanBytes(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KB";
    return Thousands(bytes) + " bytes";
}

std::size_t DeclaredBodyBytes(const httplib::Request& req) {
    std::size_t declared = req.body.size();
    if (req.has_header("Content-Length")) {
        auto n = text::ParseInt(req.get_header_value("Content-Length"));
        if (n.ok() && *n > 0) declared = std::max(declared, static_cast<std::size_t>(*n));
    }
    return declared;
}

}  // namespace

std::optional<RequestProblem> CheckPath(const httplib::Request& req) {
    if (utf8::HasControlCharacter(req.path)) {
        return RequestProblem{404, "not_found", "There is no page at this address.", {}};
    }
    if (!utf8::IsValid(req.path)) {
        return RequestProblem{400,
                              "invalid_encoding",
                              "The address is not valid UTF-8 text. Check it and try again.",
                              {{"path", kNotUtf8}}};
    }
    return std::nullopt;
}

std::optional<RequestProblem> CheckEncoding(const httplib::Request& req) {
    std::vector<FieldProblem> problems;
    for (const auto& [name, value] : req.params) {
        if (!utf8::IsValid(name)) problems.push_back({"(a field name)", kNotUtf8});
        CheckText(Shown(name), value, problems);
    }
    for (const auto& [name, part] : req.files) {
        if (!utf8::IsValid(name)) problems.push_back({"(a field name)", kNotUtf8});
        CheckText(Shown(name) + " (file name)", part.filename, problems);
        // A part without a file name is a text field; file contents are for their reader to judge.
        if (part.filename.empty()) CheckText(Shown(name), part.content, problems);
    }
    if (text::StartsWith(req.get_header_value("Content-Type"), "application/json")) {
        CheckText("body", req.body, problems);
    }
    for (const char* header : kHeadersRead) {
        if (req.has_header(header)) CheckText(std::string("header ") + header, req.get_header_value(header), problems);
    }
    CheckCookies(req.get_header_value("Cookie"), problems);
    if (problems.empty()) return std::nullopt;
    return RequestProblem{400, "invalid_encoding",
                          "Some of what was sent is not valid UTF-8 text, so nothing was changed. Send text encoded "
                          "as UTF-8 (what browsers send).",
                          std::move(problems)};
}

std::string TooLargeMessage(std::size_t limit) {
    std::string message = "The request is larger than " + HumanBytes(limit) + ", the most this address accepts.";
    if (limit >= kUploadBodyBytes) {
        message += " Compress a large CSV as .csv.gz, or import it with the carevoice command line.";
    } else {
        message += " Shorten the longest text and send it again.";
    }
    return message;
}

std::optional<RequestProblem> CheckSizes(const httplib::Request& req, const RouteOptions& options,
                                         std::size_t server_max_body) {
    const std::size_t body_limit = std::min(options.max_body_bytes, server_max_body);
    if (DeclaredBodyBytes(req) > body_limit) {
        return RequestProblem{413, "payload_too_large", TooLargeMessage(body_limit), {}};
    }
    std::vector<FieldProblem> problems;
    auto check = [&](const std::string& name, const std::string& value) {
        if (name.size() > kMaxFieldNameChars) {
            problems.push_back({"(a field name)", "is longer than " + Thousands(kMaxFieldNameChars) + " characters"});
            return;
        }
        auto own = options.field_max_chars.find(name);
        const std::size_t limit = own == options.field_max_chars.end() ? options.max_field_chars : own->second;
        // Bytes bound characters from above, so most values need no counting.
        if (value.size() <= limit) return;
        const std::size_t chars = utf8::Length(value);
        if (chars > limit) {
            problems.push_back({name, "must be at most " + Thousands(limit) + " characters; this has " +
                                          Thousands(chars) + ". Shorten it and send it again."});
        }
    };
    for (const auto& [name, value] : req.params) check(name, value);
    for (const auto& [name, part] : req.files) {
        if (part.filename.empty()) check(name, part.content);
    }
    if (problems.empty()) return std::nullopt;
    return RequestProblem{422, "field_too_long", "Some text is too long, so nothing was changed.", std::move(problems)};
}

}  // namespace carevoice::web
