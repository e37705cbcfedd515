#include "web/http/router.hpp"

#include <gtest/gtest.h>

namespace carevoice::web {
namespace {

Router Sample() {
    Router r;
    auto noop = [](RequestContext&) {};
    r.Add("GET", "/admin/users", Access::Roles({Role::kAdmin}), RouteKind::kPage, noop);
    r.Add("GET", "/admin/users/new", Access::Roles({Role::kAdmin}), RouteKind::kPage, noop);
    r.Add("POST", "/admin/users/:id/role", Access::Roles({Role::kAdmin}), RouteKind::kPage, noop);
    r.Add("GET", "/orgs/:code", Access::Public(), RouteKind::kPage, noop);
    return r;
}

TEST(RouterTest, MatchesLiteralBeforeParameter) {
    Router r = Sample();
    auto m = r.Match("GET", "/admin/users/new");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->pattern, "/admin/users/new");
}

TEST(RouterTest, ExtractsDecodedParameters) {
    Router r = Sample();
    auto m = r.Match("GET", "/orgs/R%41%39?x=1");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.params["code"], "RA9");
}

TEST(RouterTest, WrongMethodListsAllowedMethods) {
    Router r = Sample();
    auto m = r.Match("GET", "/admin/users/7/role");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_EQ(m.allowed, (std::vector<std::string>{"POST"}));
}

TEST(RouterTest, HeadUsesGetRoutes) { EXPECT_NE(Sample().Match("HEAD", "/admin/users").route, nullptr); }

TEST(RouterTest, UnknownPathMatchesNothing) {
    auto m = Sample().Match("GET", "/admin/users/7/role/extra");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.allowed.empty());
}

TEST(RouterTest, MalformedEscapeDoesNotMatch) {
    EXPECT_EQ(Sample().Match("GET", "/orgs/%G1").route, nullptr);
    EXPECT_EQ(Sample().Match("GET", "/orgs/%4").route, nullptr);
}

TEST(AccessTest, DenyUnlessDeclared) {
    Access admin = Access::Roles({Role::kAdmin});
    EXPECT_FALSE(admin.Allows(std::nullopt));
    EXPECT_FALSE(admin.Allows(Role::kMember));
    EXPECT_TRUE(admin.Allows(Role::kAdmin));
    EXPECT_TRUE(Access::Public().Allows(std::nullopt));
    EXPECT_FALSE(Access::SignedIn().Allows(std::nullopt));
    EXPECT_TRUE(Access::SignedIn().Allows(Role::kCoordinator));
}

}  // namespace
}  // namespace carevoice::web
