#include "core/file.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>

#include "core/memory.hpp"

namespace carevoice {
namespace {

// Data is read and inflated in pieces of this size, so memory follows the data actually there.
constexpr std::size_t kPiece = std::size_t{64} << 10;

constexpr const char* kGzipTooLarge = "the gzip data unpacks to more than ";
constexpr const char* kPlainTooLarge = "the data is more than ";

bool IsGzip(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

Status Damaged() { return Status::InvalidArgument("the gzip data is damaged or cut short"); }

Status TooLarge(const char* what, std::size_t max_bytes) {
    return Status::ResourceExhausted(what + SizeText(max_bytes) + ", the limit");
}

// Appends `piece` unless that would take `out` past `max_bytes`. Capacity doubles as data arrives but
// never past the cap, so no size the data claims for itself is ever allocated.
Status AppendCapped(std::string& out, std::string_view piece, std::size_t max_bytes, const char* what) {
    if (piece.size() > max_bytes - out.size()) return TooLarge(what, max_bytes);
    if (out.capacity() - out.size() < piece.size()) {
        out.reserve(std::min(max_bytes, std::max(out.size() + piece.size(), out.capacity() * 2)));
    }
    out.append(piece);
    return Status::Ok();
}

// Inflates gzip data fed to it piece by piece. The gzip trailer's size field (ISIZE) is not read
// here: zlib checks it against what was actually inflated, once the member is complete.
class Gunzipper {
  public:
    explicit Gunzipper(std::size_t max_bytes) : max_bytes_(max_bytes), buffer_(kPiece, '\0') {}
    ~Gunzipper() {
        if (started_) inflateEnd(&zs_);
    }
    Gunzipper(const Gunzipper&) = delete;
    Gunzipper& operator=(const Gunzipper&) = delete;

    // Inflates `in` (at most kPiece bytes) onto the end of `out`.
    Status Feed(std::string_view in, std::string& out) {
        if (!started_) {
            // 16 + MAX_WBITS: expect a gzip header.
            if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK)
                return Status::Internal("could not start gzip decompression");
            started_ = true;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs_.avail_in = static_cast<uInt>(in.size());
        // Each round consumes input or produces output (bounded by the cap), else zlib says Z_BUF_ERROR.
        do {
            if (ended_) {
                if (zs_.avail_in == 0) break;
                // Concatenated gzip members are allowed by the format (RFC 1952): the next one starts here.
                if (inflateReset(&zs_) != Z_OK) return Damaged();
                ended_ = false;
            }
            zs_.next_out = reinterpret_cast<Bytef*>(buffer_.data());
            zs_.avail_out = static_cast<uInt>(buffer_.size());
            const int rc = inflate(&zs_, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return Damaged();
            const std::size_t produced = buffer_.size() - zs_.avail_out;
            if (Status s = AppendCapped(out, {buffer_.data(), produced}, max_bytes_, kGzipTooLarge); !s.ok()) return s;
            if (rc == Z_STREAM_END) ended_ = true;
            if (rc == Z_BUF_ERROR) break;  // it needs more input
        } while (zs_.avail_in > 0 || zs_.avail_out == 0);
        return Status::Ok();
    }

    // The data must end where a gzip member ends.
    Status Finish() const { return ended_ ? Status::Ok() : Damaged(); }

  private:
    std::size_t max_bytes_;
    std::string buffer_;
    z_stream zs_{};
    bool started_ = false;
    bool ended_ = false;
};

}  // namespace

std::string SizeText(std::size_t bytes) {
    constexpr std::size_t kMb = std::size_t{1} << 20;
    if (bytes > 0 && bytes % kMb == 0) return std::to_string(bytes / kMb) + " MB";
    return std::to_string(bytes) + " bytes";
}

Result<std::string> MaybeGunzip(std::string data, std::size_t max_bytes) {
    if (!IsGzip(data)) {
        if (data.size() > max_bytes) return TooLarge(kPlainTooLarge, max_bytes);
        return data;
    }
    Gunzipper gunzip(max_bytes);
    std::string out;
    const std::string_view all(data);
    for (std::size_t at = 0; at < all.size(); at += kPiece) {
        if (Status s = gunzip.Feed(all.substr(at, kPiece), out); !s.ok()) return s;
    }
    if (Status s = gunzip.Finish(); !s.ok()) return s;
    return out;
}

Result<std::string> ReadTextFile(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open '" + path + "': " + std::strerror(errno));
    // A gzip file is never much larger than what it holds (stored blocks add 5 bytes in 16 KB), so a
    // file of empty members cannot keep the loop below reading for ever either.
    const std::size_t max_read = max_bytes + max_bytes / 1024 + 1024;
    std::string piece(kPiece, '\0');
    std::string out;
    std::optional<Gunzipper> gunzip;
    for (std::size_t read = 0; in;) {
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        const std::string_view got(piece.data(), static_cast<std::size_t>(in.gcount()));
        if (got.empty()) break;
        if (read == 0 && IsGzip(got)) gunzip.emplace(max_bytes);
        if (read == 0 && !gunzip) {
            // Plain text is as long as the file: one allocation instead of doubling (and copying) as it grows.
            std::error_code error;
            const auto size = std::filesystem::file_size(path, error);
            if (!error && size <= max_bytes) {
                out.reserve(static_cast<std::size_t>(size));
                PreferHugePages(out.data(), out.capacity());
            }
        }
        read += got.size();
        if (read > max_read) return TooLarge(kPlainTooLarge, max_bytes);
        Status s = gunzip ? gunzip->Feed(got, out) : AppendCapped(out, got, max_bytes, kPlainTooLarge);
        if (!s.ok()) return s;
    }
    if (in.bad()) return Status::Unavailable("reading '" + path + "' failed: " + std::strerror(errno));
    if (gunzip) {
        if (Status s = gunzip->Finish(); !s.ok()) return s;
    }
    return out;
}

Status WriteTextFile(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Unavailable("cannot write '" + path + "': " + std::strerror(errno));
    out << contents;
    if (!out) return Status::Unavailable("writing '" + path + "' failed");
    return Status::Ok();
}

}  // namespace carevoice
