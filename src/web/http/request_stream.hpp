// What a worker gives cpp-httplib to parse one request and write its response: reads come from the
// request's bytes, already received in full by the reception (reception.hpp), so a worker never waits
// for a client to send; writes go to the connection, each waiting at most `write_timeout` for room.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

namespace carevoice::web {

class RequestStream : public httplib::Stream {
  public:
    RequestStream(int socket, std::string_view request, std::chrono::milliseconds write_timeout)
        : socket_(socket), request_(request), write_timeout_(write_timeout) {}

    bool is_readable() const override { return read_ < request_.size(); }
    bool is_writable() const override;
    // The request's bytes, then 0 (end of input): never the socket.
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return socket_; }

  private:
    int socket_;
    std::string_view request_;
    std::size_t read_ = 0;
    std::chrono::milliseconds write_timeout_;
};

}  // namespace carevoice::web
