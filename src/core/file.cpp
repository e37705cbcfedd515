#include "core/file.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace carevoice {

Result<std::string> MaybeGunzip(std::string data) {
    if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x1f || static_cast<unsigned char>(data[1]) != 0x8b) {
        return data;
    }
    // 10 header bytes and an 8-byte trailer at the least (RFC 1952).
    if (data.size() < 18) return Status::InvalidArgument("the gzip data is damaged or cut short");
    z_stream zs{};
    // 16 + MAX_WBITS: expect a gzip header.
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("could not start gzip decompression");
    // The gzip trailer's last four bytes hold the uncompressed size modulo 2^32 (RFC 1952): allocate
    // that once rather than growing and copying a large buffer.
    const std::size_t n = data.size();
    const std::uint32_t isize = static_cast<std::uint32_t>(static_cast<unsigned char>(data[n - 4])) |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(data[n - 3])) << 8 |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(data[n - 2])) << 16 |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(data[n - 1])) << 24;
    std::string out(std::max<std::size_t>(isize, 1024), '\0');
    std::size_t produced = 0;
    zs.next_in = reinterpret_cast<Bytef*>(data.data());
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (true) {
        if (produced == out.size()) out.resize(out.size() * 2);
        zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        zs.avail_out = static_cast<uInt>(out.size() - produced);
        rc = inflate(&zs, Z_NO_FLUSH);
        produced = out.size() - zs.avail_out;
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members are allowed by the format; go on while input remains.
            if (zs.avail_in == 0) break;
            inflateReset(&zs);
            continue;
        }
        if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs.avail_out == 0)) break;
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) return Status::InvalidArgument("the gzip data is damaged or cut short");
    out.resize(produced);
    return out;
}

Result<std::string> ReadTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open '" + path + "': " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return MaybeGunzip(std::move(ss).str());
}

Status WriteTextFile(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Unavailable("cannot write '" + path + "': " + std::strerror(errno));
    out << contents;
    if (!out) return Status::Unavailable("writing '" + path + "' failed");
    return Status::Ok();
}

}  // namespace carevoice
