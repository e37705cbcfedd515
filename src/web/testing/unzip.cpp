#include "web/testing/unzip.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>

namespace carevoice::web::testing {

std::map<std::string, std::string> Unzip(const std::string& zip) {
    auto u16 = [&](std::size_t o) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(zip.at(o)) |
                                          static_cast<unsigned char>(zip.at(o + 1)) << 8);
    };
    auto u32 = [&](std::size_t o) { return u16(o) | u16(o + 2) << 16; };
    std::map<std::string, std::string> files;
    const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos) return files;
    std::size_t p = u32(end + 16);
    for (std::uint32_t i = 0, count = u16(end + 10); i < count; ++i) {
        const std::uint32_t method = u16(p + 10), csize = u32(p + 20), usize = u32(p + 24);
        const std::uint32_t name_len = u16(p + 28), extra_len = u16(p + 30), comment_len = u16(p + 32);
        const std::size_t local = u32(p + 42);
        const std::string name = zip.substr(p + 46, name_len);
        const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
        std::string out(usize, '\0');
        if (method == 0) {
            out = zip.substr(data, csize);
        } else {
            z_stream zs{};
            inflateInit2(&zs, -MAX_WBITS);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
            zs.avail_in = csize;
            zs.next_out = reinterpret_cast<Bytef*>(out.data());
            zs.avail_out = usize;
            EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END) << name;
            inflateEnd(&zs);
        }
        files[name] = out;
        p += 46 + name_len + extra_len + comment_len;
    }
    return files;
}

}  // namespace carevoice::web::testing
