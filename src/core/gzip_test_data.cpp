#include "core/gzip_test_data.hpp"

#include <zlib.h>

namespace carevoice::testing {
namespace {

constexpr std::size_t kMib = std::size_t{1} << 20;

// Runs deflate over `in` with `flush` and returns everything it writes.
std::string Deflate(z_stream& zs, std::string_view in, int flush) {
    std::string out;
    std::string buffer(64 << 10, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    do {
        zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
        zs.avail_out = static_cast<uInt>(buffer.size());
        deflate(&zs, flush);
        out.append(buffer.data(), buffer.size() - zs.avail_out);
    } while (zs.avail_out == 0);
    return out;
}

void PutLittleEndian(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

std::string Gzip(std::string_view text) {
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out = Deflate(zs, text, Z_FINISH);
    deflateEnd(&zs);
    return out;
}

std::string ZeroBomb(std::size_t mib) {
    const std::string zeros(kMib, '\0');
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    // A full flush resets the compressor's history, so the second MiB's blocks stand alone and can be
    // repeated as often as wanted.
    std::string gz = Deflate(zs, zeros, Z_FULL_FLUSH);  // the gzip header and the first MiB
    const std::string one_mib = Deflate(zs, zeros, Z_FULL_FLUSH);
    std::string tail = Deflate(zs, "", Z_FINISH);  // the last, empty block and the trailer
    deflateEnd(&zs);
    gz.reserve(gz.size() + one_mib.size() * mib + tail.size());
    uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size()));
    const uLong crc_of_one_mib = crc;
    for (std::size_t i = 1; i < mib; ++i) {
        gz += one_mib;
        crc = crc32_combine(crc, crc_of_one_mib, static_cast<z_off_t>(kMib));
    }
    // The trailer deflate wrote describes the two MiB it saw; this one describes what the stream holds.
    PutLittleEndian(tail, tail.size() - 8, static_cast<std::uint32_t>(crc));
    PutLittleEndian(tail, tail.size() - 4, static_cast<std::uint32_t>((mib * kMib) & 0xffffffffu));
    return gz + tail;
}

std::string WithStatedSize(std::string gz, std::uint32_t stated) {
    PutLittleEndian(gz, gz.size() - 4, stated);
    return gz;
}

}  // namespace carevoice::testing
