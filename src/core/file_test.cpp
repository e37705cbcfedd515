#include "core/file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace carevoice {
namespace {

std::string Gzip(const std::string& in) {
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, in.size()) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

TEST(FileTest, GunzipsLargeText) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "line " + std::to_string(i) + "\n";
    auto r = MaybeGunzip(Gzip(text));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, text);
}

TEST(FileTest, PlainDataPassesThrough) { EXPECT_EQ(*MaybeGunzip("a,b\n"), "a,b\n"); }

TEST(FileTest, TruncatedGzipIsAnError) {
    std::string gz = Gzip(std::string(5000, 'x') + "tail");
    gz.resize(gz.size() / 2);
    EXPECT_FALSE(MaybeGunzip(gz).ok());
}

TEST(FileTest, ConcatenatedMembersAreJoined) { EXPECT_EQ(*MaybeGunzip(Gzip("ab") + Gzip("cd")), "abcd"); }

TEST(FileTest, MissingFileSaysWhich) {
    auto r = ReadTextFile("/nonexistent/x.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("/nonexistent/x.csv"), std::string::npos);
}

}  // namespace
}  // namespace carevoice
