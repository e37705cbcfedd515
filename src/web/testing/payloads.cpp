#include "web/testing/payloads.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>

#include "core/csv.hpp"

namespace carevoice::web::testing {

std::string SharedDir() {
    if (const char* env = std::getenv("CAREVOICE_SHARED_DIR"); env && *env) return env;
    const std::string here = __FILE__;  // <source>/src/web/testing/payloads.cpp
    return here.substr(0, here.rfind("/src/web/")) + "/../shared";
}

std::string Multipart(const std::string& boundary, const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file_field, const std::string& filename, const std::string& content) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    }
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" +
            filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return body;
}

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

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    csv::Reader reader(text);
    while (*reader.Next()) rows.emplace_back(reader.fields().begin(), reader.fields().end());
    return rows;
}

}  // namespace carevoice::web::testing
