#include "core/file.hpp"

#include <gtest/gtest.h>

#include "core/gzip_test_data.hpp"

namespace carevoice {
namespace {

using testing::Gzip;

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
