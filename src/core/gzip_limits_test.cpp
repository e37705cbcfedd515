// Hostile gzip input (issue 8): a bomb is refused once it passes the cap, with memory bounded by the
// cap, and the size a gzip trailer states is never trusted, whether it claims too much or too little.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/file.hpp"
#include "core/gzip_test_data.hpp"

namespace carevoice {
namespace {

using testing::Gzip;
using testing::WithStatedSize;
using testing::ZeroBomb;

constexpr std::size_t kMib = std::size_t{1} << 20;
constexpr std::size_t kCap = kMib;  // a small configured cap, so the tests stay quick
// How far the process's peak memory may rise while refusing: far below what any bomb here claims.
constexpr long kMaxRiseBytes = 64L << 20;

// The most memory this process has held so far.
long PeakRssBytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss * 1024L;
}

// A temporary file holding `bytes`, removed at the end of the test.
class TempFile {
  public:
    explicit TempFile(const std::string& bytes) {
        std::string pattern = (std::filesystem::temp_directory_path() / "carevoice-gzip-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        EXPECT_GE(fd, 0);
        if (fd >= 0) close(fd);
        path_ = pattern;
        EXPECT_TRUE(WriteTextFile(path_, bytes).ok());
    }
    ~TempFile() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

TEST(GzipLimitsTest, FourGibibyteBombIsRefusedAtTheCapNamingIt) {
    const std::string bomb = ZeroBomb(4096);  // unpacks to 4 GiB; its size field says 0 (4 GiB mod 2^32)
    ASSERT_LT(bomb.size(), 8 * kMib);
    const long before = PeakRssBytes();
    auto r = MaybeGunzip(bomb, kCap);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
    EXPECT_EQ(r.status().message(), "the gzip data unpacks to more than 1 MB, the limit");
    EXPECT_LT(PeakRssBytes() - before, kMaxRiseBytes);
}

TEST(GzipLimitsTest, BombInAFileIsRefusedAtTheCap) {
    TempFile file(ZeroBomb(256));
    const long before = PeakRssBytes();
    auto r = ReadTextFile(file.path(), kCap);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
    EXPECT_NE(r.status().message().find("more than 1 MB, the limit"), std::string::npos);
    EXPECT_LT(PeakRssBytes() - before, kMaxRiseBytes);
}

TEST(GzipLimitsTest, BombUnderTheCapUnpacksWhole) {
    // The bomb is a valid gzip stream (CRC and size right): with room for it, it is simply text.
    auto r = MaybeGunzip(ZeroBomb(3), 4 * kMib);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, std::string(3 * kMib, '\0'));
}

TEST(GzipLimitsTest, StatedSizeClaimingFourGibibytesIsNeitherAllocatedNorBelieved) {
    // 100 bytes of text whose trailer claims 4 GiB - 1: nothing of that size is reserved, and zlib's
    // own check of the size field finds the data damaged.
    const std::string liar = WithStatedSize(Gzip(std::string(100, 'x')), 0xffffffffu);
    const long before = PeakRssBytes();
    auto r = MaybeGunzip(liar, kDefaultMaxUnpackedBytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), "the gzip data is damaged or cut short");
    EXPECT_LT(PeakRssBytes() - before, kMaxRiseBytes);
}

TEST(GzipLimitsTest, StatedSizeClaimingLittleDoesNotLetMoreThanTheCapIn) {
    // 2 MiB of zeros whose trailer says 16 bytes: refused at the cap, not after reading it all.
    auto r = MaybeGunzip(WithStatedSize(ZeroBomb(2), 16), kCap);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
    EXPECT_NE(r.status().message().find("1 MB"), std::string::npos);
}

TEST(GzipLimitsTest, TextOfExactlyTheCapIsAcceptedAndHoldsNoMoreThanTheCap) {
    std::string text(kCap, 'a');
    for (std::size_t i = 0; i < text.size(); i += 97) text[i] = '\n';
    auto r = MaybeGunzip(Gzip(text), kCap);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, text);
    EXPECT_LE(r->capacity(), kCap);
}

TEST(GzipLimitsTest, PlainDataOverTheCapIsRefused) {
    auto r = MaybeGunzip(std::string(kCap + 1, 'a'), kCap);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(), "the data is more than 1 MB, the limit");
    TempFile file(std::string(kCap + 1, 'a'));
    auto read = ReadTextFile(file.path(), kCap);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().code(), StatusCode::kResourceExhausted);
}

TEST(GzipLimitsTest, FileLargerThanOnePieceIsReadAcrossPiecesAndMembers) {
    // More than 64 KB of compressed data, in two members, so both are split between reads.
    std::string text;
    for (unsigned i = 0; text.size() < 3 * kMib; ++i) text += std::to_string(i * 2654435761u) + ",row\n";
    const std::string half = text.substr(0, text.size() / 2), rest = text.substr(text.size() / 2);
    TempFile file(Gzip(half) + Gzip(rest));
    auto r = ReadTextFile(file.path(), 4 * kMib);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, text);
}

TEST(GzipLimitsTest, SizesAreNamedInMegabytesWhenWhole) {
    EXPECT_EQ(SizeText(512 * kMib), "512 MB");
    EXPECT_EQ(SizeText(1000), "1000 bytes");
}

}  // namespace
}  // namespace carevoice
