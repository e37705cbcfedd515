#include "web/http/local_path.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carevoice::web {
namespace {

TEST(SafeLocalPathTest, KeepsPathsOnThisSite) {
    EXPECT_EQ(SafeLocalPath("/"), "/");
    EXPECT_EQ(SafeLocalPath("/admin/audit"), "/admin/audit");
    EXPECT_EQ(SafeLocalPath("/admin/audit?outcome=failure&page=2"), "/admin/audit?outcome=failure&page=2");
    EXPECT_EQ(SafeLocalPath("/experience/profile/RXX%20A?year=2018#q12"), "/experience/profile/RXX%20A?year=2018#q12");
}

TEST(SafeLocalPathTest, SendsEveryHostileValueHome) {
    for (const std::string& hostile : std::vector<std::string>{"",
                                                               "//evil.example",
                                                               "//evil.example/path",
                                                               "/\\evil.example",
                                                               "/\\/evil.example",
                                                               "https://evil.example",
                                                               "http:/evil.example",
                                                               "javascript:alert(1)",
                                                               "evil.example",
                                                               "/%0d%0aSet-Cookie:x",
                                                               "/%0D%0ASet-Cookie:x",
                                                               "/\r\nSet-Cookie:x",
                                                               "/a%00b",
                                                               "/a\tb",
                                                               "/a%09b",
                                                               "/%2F%2Fevil.example",
                                                               "/%5Cevil.example",
                                                               "/a\\b",
                                                               "/a b",
                                                               "/caf\xC3\xA9",
                                                               "/bad%zz",
                                                               "/cut%4",
                                                               std::string("/a\0b", 4),
                                                               "/" + std::string(2001, 'a')}) {
        EXPECT_EQ(SafeLocalPath(hostile), "/") << hostile;
    }
}

}  // namespace
}  // namespace carevoice::web
