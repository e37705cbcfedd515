// Slow clients (issue 8, item 3), on the real server over loopback: connections that dribble a
// request a byte at a time wait in the reception, not on a worker, so the server keeps answering;
// a request that has not arrived within its time limit is answered 408 and closed; and ordinary
// clients (keep-alive, several requests on one connection, "Expect: 100-continue") are unaffected.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSlowConnections = 40;

int Connect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Everything the server sends until it closes the connection or `timeout` passes.
std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout) {
    std::string out;
    const auto until = Clock::now() + timeout;
    char buf[4096];
    while (Clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

// Opens `count` connections and sends each a byte of a request every `every`, until stopped.
class Dribblers {
  public:
    Dribblers(int port, int count, std::chrono::milliseconds every) {
        for (int i = 0; i < count; ++i) fds_.push_back(Connect(port));
        thread_ = std::thread([this, every] {
            const std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(200, 'x');
            for (std::size_t at = 0; !stop_ && at < request.size(); ++at) {
                for (int fd : fds_) (void)::send(fd, &request[at], 1, MSG_NOSIGNAL);
                std::this_thread::sleep_for(every);
            }
        });
    }
    ~Dribblers() {
        stop_ = true;
        thread_.join();
        for (int fd : fds_) ::close(fd);
    }
    int connected() const {
        int n = 0;
        for (int fd : fds_) n += fd >= 0;
        return n;
    }

  private:
    std::vector<int> fds_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

TEST(SlowClientsHttpTest, FortySlowConnectionsDoNotStopHealthzAnsweringWithinOneSecond) {
    TestServer server;  // 8 worker threads: fewer than the slow connections
    ASSERT_LT(server.app().config().threads, static_cast<std::size_t>(kSlowConnections));
    Dribblers slow(server.port(), kSlowConnections, std::chrono::milliseconds(100));
    ASSERT_EQ(slow.connected(), kSlowConnections);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // every slow request has begun
    for (int attempt = 0; attempt < 3; ++attempt) {
        httplib::Client c("127.0.0.1", server.port());
        c.set_connection_timeout(std::chrono::seconds(1));
        c.set_read_timeout(std::chrono::seconds(1));
        const auto start = Clock::now();
        auto r = c.Get("/healthz");
        const auto took = Clock::now() - start;
        ASSERT_TRUE(r) << "no answer within one second (attempt " << attempt << ")";
        EXPECT_EQ(r->status, 200);
        EXPECT_LT(took, std::chrono::seconds(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
}

TEST(SlowClientsHttpTest, ARequestNotInWithinTheTimeLimitIs408AndClosed) {
    TestServer server([](ServerConfig& c) { c.request_read_seconds = 1; });
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    const auto start = Clock::now();
    ASSERT_EQ(::send(fd, "GET / HTTP/1.1\r\nHost: x\r\n", 25, MSG_NOSIGNAL), 25);  // and never the blank line
    const std::string answer = ReadUntilClosed(fd, std::chrono::seconds(5));
    const auto took = Clock::now() - start;
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u) << answer;
    EXPECT_NE(answer.find("The request took too long to arrive"), std::string::npos);
    EXPECT_NE(answer.find("X-Content-Type-Options: nosniff"), std::string::npos);
    EXPECT_GE(took, std::chrono::milliseconds(900));
    EXPECT_LT(took, std::chrono::seconds(3));
}

TEST(SlowClientsHttpTest, ABodyThatKeepsDribblingIsCutOffAtTheTimeLimitToo) {
    TestServer server([](ServerConfig& c) { c.request_read_seconds = 1; });
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    const std::string head = "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n";
    ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
    const auto start = Clock::now();
    std::string answer;
    while (Clock::now() - start < std::chrono::seconds(4) && answer.empty()) {
        (void)::send(fd, "a", 1, MSG_NOSIGNAL);
        answer = ReadUntilClosed(fd, std::chrono::milliseconds(200));
    }
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
}

TEST(SlowClientsHttpTest, KeepAliveAndPipelinedRequestsAreStillAnswered) {
    TestServer server;
    httplib::Client keep_alive("127.0.0.1", server.port());
    keep_alive.set_keep_alive(true);
    for (int i = 0; i < 3; ++i) {
        auto r = keep_alive.Get("/healthz");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        // The header says what the server does (cpp-httplib's own default said max=5).
        EXPECT_EQ(r->get_header_value("Keep-Alive"), "timeout=5, max=1000");
    }

    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    const std::string two =
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::send(fd, two.data(), two.size(), MSG_NOSIGNAL), static_cast<ssize_t>(two.size()));
    const std::string answers = ReadUntilClosed(fd, std::chrono::seconds(5));
    ::close(fd);
    std::size_t count = 0;
    for (auto at = answers.find("HTTP/1.1 200 OK"); at != std::string::npos;
         at = answers.find("HTTP/1.1 200 OK", at + 1))
        ++count;
    EXPECT_EQ(count, 2u) << answers;
}

TEST(SlowClientsHttpTest, ExpectContinueIsAnsweredOnceAndTheBodyRead) {
    TestServer server;
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    const std::string body = "username=nobody&password=x";
    const std::string head =
        "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
    const std::string interim = ReadUntilClosed(fd, std::chrono::milliseconds(500));
    EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
    ASSERT_EQ(::send(fd, body.data(), body.size(), MSG_NOSIGNAL), static_cast<ssize_t>(body.size()));
    const std::string answer = ReadUntilClosed(fd, std::chrono::seconds(5));
    ::close(fd);
    // No CSRF token: refused by the application, which means the body arrived and was read.
    EXPECT_EQ(answer.rfind("HTTP/1.1 403", 0), 0u) << answer;
    EXPECT_EQ(answer.find("100 Continue"), std::string::npos);
}

TEST(SlowClientsHttpTest, ChunkedRequestBodiesAre411) {
    TestServer server;
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    const std::string request = "POST /sign-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    const std::string answer = ReadUntilClosed(fd, std::chrono::seconds(5));
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 411 Length Required", 0), 0u) << answer;
}

}  // namespace
}  // namespace carevoice::web::testing
