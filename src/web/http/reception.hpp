// The reception: where connections wait until a whole request has arrived, so that slow clients
// cannot hold the worker threads. cpp-httplib 0.11 gives a connection a worker for as long as the
// client takes to send its request, with only a per-read timeout: a client sending one byte every
// few seconds holds a worker for ever, and a few dozen such clients hold them all. Here one thread
// waits on every connection with poll(), reads what has arrived without blocking, and hands a
// connection to a worker only when its request (headers and body) is in memory. A request that has
// not arrived within its time limit is answered 408 and closed; between requests an idle keep-alive
// connection waits here too, not on a worker. Linux (poll, eventfd).
// Thread-safe: Admit and Return may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace carevoice::web {

struct ReceptionLimits {
    std::chrono::milliseconds request_read{10'000};  // from a request's first byte to its last...
    std::chrono::milliseconds upload_read{120'000};  // ...or this, for a body over large_body_bytes
    std::chrono::milliseconds keep_alive{5'000};     // idle between requests
    std::size_t large_body_bytes = 1u << 20;         // bodies above this get upload_read
    std::size_t max_connections = 1024;              // waiting here; past this the longest waiting is closed
    std::size_t max_buffered_bytes = 64u << 20;      // bodies held for all waiting requests together
};

// One request ready for a worker: exactly its bytes, and what arrived after it (a pipelined request).
struct ReceivedRequest {
    int socket = -1;
    std::string request;
    std::string leftover;
    bool close_after = false;  // the body was not kept (over the route's limit): close after answering
    int served = 0;            // requests this connection has had answered before this one
};

class Reception {
  public:
    // Called on the reception thread with each complete request; must hand it on without blocking.
    using Handoff = std::function<void(ReceivedRequest)>;
    // The most body bytes the route named by method and target accepts (a larger body is not kept).
    using BodyLimit = std::function<std::size_t(std::string_view method, std::string_view target)>;
    // Called with the status of each request the reception answers itself (408, 400, 411, 431).
    using Refused = std::function<void(int status)>;

    // `response_headers` ("Name: value\r\n" lines) go on every answer the reception writes itself.
    Reception(ReceptionLimits limits, BodyLimit body_limit, Handoff handoff, Refused refused,
              std::string response_headers);
    ~Reception();
    Reception(const Reception&) = delete;
    Reception& operator=(const Reception&) = delete;

    void Start();
    // Closes every waiting connection; later Admit and Return calls close theirs at once.
    void Stop();
    // A newly accepted connection.
    void Admit(int socket);
    // A connection whose response has been sent, to wait for its next request.
    void Return(int socket, std::string leftover, int served);

  private:
    struct Connection;
    void Loop();
    // Hands a connection to the loop, or closes it once the reception has stopped.
    void Enqueue(Connection c);
    void TakeIncoming(std::vector<Connection>& into);
    void Read(Connection& c);
    void Examine(Connection& c);
    void Answer(Connection& c, int status, std::string_view reason);
    void Wake();

    const ReceptionLimits limits_;
    const BodyLimit body_limit_;
    const Handoff handoff_;
    const Refused refused_;
    const std::string response_headers_;
    int wake_fd_ = -1;
    std::thread thread_;
    std::mutex mu_;
    bool stopped_ = false;
    std::vector<Connection> incoming_;
    std::size_t buffered_bytes_ = 0;  // reception thread only
};

}  // namespace carevoice::web
