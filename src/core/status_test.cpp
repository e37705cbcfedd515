#include "core/status.hpp"

#include <gtest/gtest.h>

namespace carevoice {
namespace {

Result<int> Half(int x) {
    if (x % 2) return Status::InvalidArgument("odd", {{"x", "must be even"}});
    return x / 2;
}

Result<int> Quarter(int x) {
    CV_ASSIGN_OR_RETURN(int h, Half(x));
    return Half(h);
}

TEST(StatusTest, DefaultIsOk) { EXPECT_TRUE(Status().ok()); }

TEST(StatusTest, ToStringListsEachDetail) {
    Status s = Status::InvalidArgument("bad file", {{"line 3, column n", "is not a number"}});
    EXPECT_EQ(s.ToString(), "bad file\n  line 3, column n: is not a number");
    EXPECT_EQ(s.CodeName(), "invalid_argument");
}

TEST(ResultTest, PropagatesFirstError) {
    EXPECT_EQ(*Quarter(8), 2);
    auto r = Quarter(6);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().details()[0].problem, "must be even");
}

TEST(ResultTest, OkStatusIsNotAValue) {
    Result<int> r{Status::Ok()};
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace carevoice
