#include "web/http/client_address.hpp"

#include <gtest/gtest.h>

namespace carevoice::web {
namespace {

TEST(ClientAddressTest, WithoutTrustedProxiesThePeerIsTheClient) {
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6", 0), "10.0.0.5");
    EXPECT_EQ(ClientAddress("10.0.0.5", "", 1), "10.0.0.5");
}

TEST(ClientAddressTest, OneProxyMeansTheRightMostEntryNotTheSpoofedLeftMostOne) {
    EXPECT_EQ(ClientAddress("10.0.0.5", "203.0.113.7", 1), "203.0.113.7");
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.7", 1), "203.0.113.7");
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6,203.0.113.7 ", 1), "203.0.113.7");
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6, 2001:db8::1", 1), "2001:db8::1");
}

TEST(ClientAddressTest, SeveralProxiesCountFromTheRight) {
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.9, 203.0.113.7", 2), "198.51.100.9");
    // Fewer entries than proxies: the left-most was still written by a trusted proxy.
    EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.9", 3), "198.51.100.9");
}

TEST(ClientAddressTest, AnEntryThatIsNotAnAddressIsIgnored) {
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6, <script>", 1), "10.0.0.5");
    EXPECT_EQ(ClientAddress("10.0.0.5", "6.6.6.6, ", 1), "10.0.0.5");
    EXPECT_EQ(ClientAddress("10.0.0.5", std::string(100, '1'), 1), "10.0.0.5");
}

}  // namespace
}  // namespace carevoice::web
