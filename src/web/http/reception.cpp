#include "web/http/reception.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "web/http/request_head.hpp"

namespace carevoice::web {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunkBytes = 16u << 10;
// Read at most this much from one connection per wake-up, so that one fast upload cannot starve the rest.
constexpr std::size_t kReadPerWakeBytes = 1u << 20;
// poll() wakes at least this often, to notice deadlines.
constexpr std::chrono::milliseconds kMaxPollWait{1000};

const char* StatusText(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 408:
            return "Request Timeout";
        case 411:
            return "Length Required";
        case 431:
            return "Request Header Fields Too Large";
    }
    return "Error";
}

void SendAll(int socket, std::string_view data) {
    // Best effort and never blocking: the client is about to be disconnected anyway.
    while (!data.empty()) {
        const ssize_t n = ::send(socket, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n <= 0) return;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace

struct Reception::Connection {
    int socket = -1;
    std::string buffer;
    Clock::time_point since;     // when it began waiting here (the longest waiting is closed first)
    Clock::time_point deadline;  // for the next byte of an idle connection, or the rest of a request
    bool receiving = false;      // part of a request has arrived
    bool head_known = false;
    RequestHead head;
    std::size_t body_limit = 0;  // what the request's route accepts, once the head is known
    bool draining = false;       // reading and dropping a body over the route's limit before answering
    std::uint64_t drain_remaining = 0;
    int served = 0;
    bool done = false;  // handed to a worker or closed
};

Reception::Reception(ReceptionLimits limits, BodyLimit body_limit, Handoff handoff, Refused refused,
                     std::string response_headers)
    : limits_(limits),
      body_limit_(std::move(body_limit)),
      handoff_(std::move(handoff)),
      refused_(std::move(refused)),
      response_headers_(std::move(response_headers)),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

Reception::~Reception() {
    Stop();
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

void Reception::Start() {
    thread_ = std::thread([this] { Loop(); });
}

void Reception::Stop() {
    {
        std::lock_guard lock(mu_);
        stopped_ = true;
        for (auto& c : incoming_) ::close(c.socket);
        incoming_.clear();
    }
    Wake();
    if (thread_.joinable()) thread_.join();
}

void Reception::Admit(int socket) {
    const int flags = ::fcntl(socket, F_GETFL, 0);
    ::fcntl(socket, F_SETFL, flags | O_NONBLOCK);
    Connection c;
    c.socket = socket;
    c.since = Clock::now();
    c.deadline = c.since + limits_.request_read;
    Enqueue(std::move(c));
}

void Reception::Return(int socket, std::string leftover, int served) {
    Connection c;
    c.socket = socket;
    c.buffer = std::move(leftover);
    c.since = Clock::now();
    c.deadline = c.since + limits_.keep_alive;
    c.served = served;
    Enqueue(std::move(c));
}

void Reception::Enqueue(Connection c) {
    {
        std::lock_guard lock(mu_);
        if (stopped_) {
            ::close(c.socket);
            return;
        }
        incoming_.push_back(std::move(c));
    }
    Wake();
}

void Reception::Wake() {
    const std::uint64_t one = 1;
    if (wake_fd_ >= 0) (void)!::write(wake_fd_, &one, sizeof one);
}

void Reception::TakeIncoming(std::vector<Connection>& into) {
    std::vector<Connection> arrived;
    {
        std::lock_guard lock(mu_);
        arrived.swap(incoming_);
    }
    for (auto& c : arrived) {
        into.push_back(std::move(c));
        Examine(into.back());  // a returned connection may already hold its next request
    }
}

void Reception::Loop() {
    std::vector<Connection> waiting;
    std::vector<pollfd> fds;
    for (;;) {
        {
            std::lock_guard lock(mu_);
            if (stopped_) break;
        }
        TakeIncoming(waiting);
        std::erase_if(waiting, [](const Connection& c) { return c.done; });
        while (waiting.size() > limits_.max_connections) {
            auto oldest = std::min_element(waiting.begin(), waiting.end(),
                                           [](const Connection& a, const Connection& b) { return a.since < b.since; });
            ::close(oldest->socket);
            waiting.erase(oldest);
        }
        std::size_t buffered = 0;
        for (const auto& c : waiting) buffered += c.buffer.size();
        const bool over_budget = buffered > limits_.max_buffered_bytes;

        auto now = Clock::now();
        auto next = now + kMaxPollWait;
        fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
        for (const auto& c : waiting) {
            // Over the memory budget, requests holding a body wait (their deadline still runs).
            const bool paused = over_budget && c.buffer.size() > kMaxRequestHeadBytes;
            fds.push_back(pollfd{c.socket, static_cast<short>(paused ? 0 : POLLIN), 0});
            next = std::min(next, c.deadline);
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1;
        const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait, 0, 1000)));
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            std::uint64_t count = 0;
            (void)!::read(wake_fd_, &count, sizeof count);
        }
        for (std::size_t i = 1; ready > 0 && i < fds.size(); ++i) {
            if (fds[i].revents == 0) continue;
            Read(waiting[i - 1]);
            Examine(waiting[i - 1]);
        }
        now = Clock::now();
        for (auto& c : waiting) {
            if (c.done || now < c.deadline) continue;
            if (c.receiving) {
                Answer(c, 408, "The request took too long to arrive. Check your connection and try again.");
            } else {
                ::close(c.socket);  // an idle connection: nothing to answer
                c.done = true;
            }
        }
    }
    for (auto& c : waiting) {
        if (!c.done) ::close(c.socket);
    }
}

void Reception::Read(Connection& c) {
    char chunk[kReadChunkBytes];
    std::size_t taken = 0;
    while (!c.done && taken < kReadPerWakeBytes) {
        const ssize_t n = ::recv(c.socket, chunk, sizeof chunk, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {  // the client closed the connection, or it failed
            ::close(c.socket);
            c.done = true;
            return;
        }
        taken += static_cast<std::size_t>(n);
        std::string_view data(chunk, static_cast<std::size_t>(n));
        if (c.draining) {
            const auto dropped = std::min<std::uint64_t>(c.drain_remaining, data.size());
            c.drain_remaining -= dropped;
            data.remove_prefix(static_cast<std::size_t>(dropped));
        }
        if (!c.receiving) {
            c.receiving = true;
            c.since = Clock::now();
            c.deadline = c.since + limits_.request_read;
        }
        c.buffer.append(data);
    }
}

void Reception::Examine(Connection& c) {
    if (c.done) return;
    if (!c.head_known) {
        if (c.buffer.empty()) return;
        if (!c.receiving) {  // a pipelined request, already here when the connection came back
            c.receiving = true;
            c.deadline = Clock::now() + limits_.request_read;
        }
        c.head = ScanRequestHead(c.buffer);
        if (c.head.state == RequestHead::State::kRefused) return Answer(c, c.head.status, c.head.reason);
        if (c.head.state == RequestHead::State::kIncomplete) return;
        c.head_known = true;
        if (c.head.content_length > limits_.large_body_bytes) c.deadline = c.since + limits_.upload_read;
        const std::size_t body = c.buffer.size() - c.head.head_bytes;
        c.body_limit = body_limit_(c.head.method, c.head.target);
        if (c.head.content_length > c.body_limit) {
            // Not kept: the worker answers 413 from the head. The body is read and dropped first (unless
            // the client waits for "100 Continue"), so that the answer is not lost to a connection reset.
            if (!c.head.expect_continue && c.head.content_length > body) {
                c.draining = true;
                c.drain_remaining = c.head.content_length - body;
                c.buffer.resize(c.head.head_bytes);
            }
        } else if (c.head.expect_continue) {
            if (body == 0) SendAll(c.socket, "HTTP/1.1 100 Continue\r\n\r\n");
            std::string head = WithoutExpectHeader(std::string_view(c.buffer).substr(0, c.head.head_bytes));
            c.buffer.replace(0, c.head.head_bytes, head);
            c.head.head_bytes = head.size();
        }
    }
    ReceivedRequest request;
    if (c.draining) {
        if (c.drain_remaining > 0) return;
        request.request = c.buffer.substr(0, c.head.head_bytes);
        request.close_after = true;
    } else if (c.head.content_length > c.body_limit) {
        request.request = c.buffer.substr(0, c.head.head_bytes);
        request.close_after = true;
    } else {
        const std::size_t needed = c.head.head_bytes + static_cast<std::size_t>(c.head.content_length);
        if (c.buffer.size() < needed) return;
        request.request = c.buffer.substr(0, needed);
        request.leftover = c.buffer.substr(needed);
    }
    request.socket = c.socket;
    request.served = c.served;
    c.done = true;
    handoff_(std::move(request));
}

void Reception::Answer(Connection& c, int status, std::string_view reason) {
    std::string body = std::string(reason) + "\n";
    SendAll(c.socket,
            "HTTP/1.1 " + std::to_string(status) + " " + StatusText(status) +
                "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\nConnection: close\r\n" + response_headers_ + "\r\n" + body);
    if (refused_) refused_(status);
    ::close(c.socket);
    c.done = true;
}

}  // namespace carevoice::web
