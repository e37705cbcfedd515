#include "web/http/request_head.hpp"

#include <gtest/gtest.h>

#include <string>

namespace carevoice::web {
namespace {

using State = RequestHead::State;

TEST(RequestHeadTest, IncompleteUntilTheBlankLine) {
    EXPECT_EQ(ScanRequestHead("").state, State::kIncomplete);
    EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nHost: x\r\n").state, State::kIncomplete);
    const RequestHead head = ScanRequestHead("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nNEXT");
    EXPECT_EQ(head.state, State::kComplete);
    EXPECT_EQ(head.method, "GET");
    EXPECT_EQ(head.target, "/healthz");
    EXPECT_EQ(head.head_bytes, std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").size());
    EXPECT_EQ(head.content_length, 0u);
}

TEST(RequestHeadTest, ReadsContentLengthAndExpectWhateverTheirCase) {
    const RequestHead head =
        ScanRequestHead("POST /sign-in HTTP/1.1\r\ncontent-LENGTH: 42\r\nExpect: 100-Continue\r\n\r\n");
    ASSERT_EQ(head.state, State::kComplete);
    EXPECT_EQ(head.content_length, 42u);
    EXPECT_TRUE(head.expect_continue);
}

TEST(RequestHeadTest, RefusesChunkedBodiesWith411) {
    const RequestHead head = ScanRequestHead("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    EXPECT_EQ(head.state, State::kRefused);
    EXPECT_EQ(head.status, 411);
}

TEST(RequestHeadTest, RefusesTwoDifferentContentLengthsAndNonNumbers) {
    EXPECT_EQ(ScanRequestHead("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n").status, 400);
    EXPECT_EQ(ScanRequestHead("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n").status, 400);
    EXPECT_EQ(ScanRequestHead("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n").status, 400);
    EXPECT_EQ(ScanRequestHead("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n").state,
              State::kComplete);
}

TEST(RequestHeadTest, RefusesAMalformedRequestLineAndFoldedHeaders) {
    EXPECT_EQ(ScanRequestHead("GARBAGE\r\n\r\n").status, 400);
    EXPECT_EQ(ScanRequestHead("GET / HTTP/1.1\r\nA: b\r\n  folded\r\n\r\n").status, 400);
}

TEST(RequestHeadTest, RefusesAHeadLongerThanTheLimitWith431) {
    const std::string endless = "GET / HTTP/1.1\r\nX-Padding: " + std::string(200, 'a');
    EXPECT_EQ(ScanRequestHead(endless, 100).status, 431);
    EXPECT_EQ(ScanRequestHead(endless, 1000).state, State::kIncomplete);
}

TEST(RequestHeadTest, WithoutExpectHeaderKeepsEverythingElse) {
    EXPECT_EQ(WithoutExpectHeader("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n");
}

}  // namespace
}  // namespace carevoice::web
