#include "web/http/log.hpp"

#include <cstdio>

namespace carevoice::web {

Log::Log()
    : sink_([](const std::string& line) {
          std::fputs(line.c_str(), stderr);
          std::fputc('\n', stderr);
      }) {}

void Log::SetSink(Sink sink) {
    std::lock_guard lock(mu_);
    sink_ = std::move(sink);
}

void Log::Write(const std::string& line) {
    std::lock_guard lock(mu_);
    sink_(line);
}

std::string LogValue(std::string_view value, std::size_t max_chars) {
    std::string out = "\"";
    const bool cut = value.size() > max_chars;
    if (cut) value = value.substr(0, max_chars);
    for (unsigned char c : value) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c < 0x20 || c == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    if (cut) out += "...";
    out.push_back('"');
    return out;
}

}  // namespace carevoice::web
