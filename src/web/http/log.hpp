// The server's log: one line per request and one per failure, written to stderr unless a test gives
// another sink. Lines are key=value pairs; LogValue escapes what could break a line, so that no input
// can forge a log line. Thread-safe: lines from concurrent requests never interleave.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace carevoice::web {

class Log {
  public:
    using Sink = std::function<void(const std::string& line)>;

    Log();  // writes to stderr
    // Replaces where lines go (tests capture them); safe while requests are being served.
    void SetSink(Sink sink);
    // Writes one line; `line` has no line break of its own.
    void Write(const std::string& line);

  private:
    std::mutex mu_;
    Sink sink_;
};

// A value for a key=value log line: in double quotes, with quotes, backslashes and control
// characters escaped, and cut to `max_chars` bytes so that one failure cannot flood the log.
std::string LogValue(std::string_view value, std::size_t max_chars = 2000);

}  // namespace carevoice::web
