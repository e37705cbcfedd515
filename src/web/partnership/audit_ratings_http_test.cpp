// Rating an environmental audit area by area, and nothing typed lost when the session expires in the
// middle of an area (issue 10, item 2), on the real server over the demo group: saving one area keeps the
// others; a form sent after the session expired saves nothing, is kept, and comes back filled in for the same
// browser once it has signed in again, and for no other.
#include <gtest/gtest.h>

#include <string>

#include "partnership/environmental_audit.hpp"
#include "web/http/app.hpp"
#include "web/http/kept_form.hpp"
#include "web/testing/demo_group_fixture.hpp"

namespace carevoice::web::testing {
namespace {

class AuditRatingsHttpTest : public DemoGroupHttpTest {
  protected:
    void SetUp() override {
        DemoGroupHttpTest::SetUp();
        audit_ = Count("SELECT MAX(id) FROM environmental_audits WHERE group_id = " + std::to_string(group_id_));
        ASSERT_GT(audit_, 0);
    }
    std::string Ratings(const std::string& rest = "") {
        return GroupPath("/audits/" + std::to_string(audit_) + "/ratings" + rest);
    }
    std::string Rating(const std::string& code) {
        auto conn = server_->app().database().Acquire();
        auto rows = conn->Query("SELECT rating FROM environmental_audit_ratings WHERE audit_id = ? AND item_code = ?",
                                {audit_, code});
        return rows.ok() && !rows->empty() ? rows->front().Text(0) : "";
    }
    // The "Waiting area" (area 3 of the PLACE-style outpatient template) as a browser sends it.
    httplib::Params WaitingArea(const std::string& csrf, const std::string& w3, const std::string& reason) {
        httplib::Params form = {
            {"csrf_token", csrf}, {"area", "3"}, {"then", "next"}, {"return_to", Ratings("?area=3")}};
        for (const auto& item : partnership::PlaceOutpatientTemplate().areas[2].items) {
            form.emplace("rating-" + item.code, item.code == "W3" ? w3 : "pass");
            form.emplace("reason-" + item.code, item.code == "W3" ? reason : "");
        }
        return form;
    }
    std::int64_t audit_ = 0;
};

TEST_F(AuditRatingsHttpTest, EachAreaIsAPageAndSavingOneKeepsTheOthers) {
    auto b = SignedIn("member");
    auto page = b->Get(Ratings("?area=3"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "Waiting area</h1>"));
    EXPECT_TRUE(Contains(page->body, "area 3 of 6"));
    EXPECT_TRUE(Contains(page->body, "rating-W3-fail"));
    EXPECT_FALSE(Contains(page->body, "rating-E1-fail"));  // another area's item
    const std::string e1 = Rating("E1");
    auto r = b->PostForm(Ratings(), WaitingArea(b->CsrfFrom(Ratings("?area=3")), "fail", "No water anywhere"));
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), Ratings("?area=4"));  // on to the next area
    EXPECT_EQ(Rating("W3"), "fail");
    EXPECT_EQ(Rating("E1"), e1);  // untouched
    EXPECT_EQ(CountAudit("environmental_audit.rate"), 1);
    // An area that is not one of the template's shows the first, saying so.
    EXPECT_TRUE(HasFieldError(b->Get(Ratings("?area=99")), "", "The address's area was not used", 200));
}

TEST_F(AuditRatingsHttpTest, AFormSentAfterTheSessionExpiredIsKeptAndComesBackAfterSigningIn) {
    auto b = SignedIn("member");
    const std::string csrf = b->CsrfFrom(Ratings("?area=3"));
    const std::string before = Rating("W3");
    // The session ends (expired, or ended elsewhere) while the area is being filled in.
    ASSERT_TRUE(server_->app().database().Acquire()->Execute("DELETE FROM sessions").ok());
    auto sent = b->PostForm(Ratings(), WaitingArea(csrf, "fail", "The water cooler has been empty for a week"));
    ASSERT_EQ(sent->status, 303);
    const std::string location = sent->get_header_value("Location");
    // Back to the area after signing in (cpp-httplib's client shows the Location header percent-decoded; the
    // server sends `next` percent-encoded, its own "?area=3" included).
    EXPECT_EQ(location, "/sign-in?kept=1&next=" + Ratings("?area=3"));
    EXPECT_FALSE(b->Cookie(kKeptFormCookie).empty());
    EXPECT_EQ(Rating("W3"), before);  // nothing saved
    EXPECT_EQ(CountAudit("environmental_audit.rate"), 0);
    EXPECT_TRUE(Contains(b->Get("/sign-in?kept=1")->body, "What you typed has been kept"));

    // Another browser of the same person does not get it.
    auto other = SignedIn("member");
    EXPECT_FALSE(Contains(other->Get(Ratings("?area=3"))->body, "The water cooler has been empty"));

    ASSERT_EQ(b->SignIn("member", kPassword)->status, 303);
    auto back = b->Get(Ratings("?area=3"));
    ASSERT_EQ(back->status, 200);
    EXPECT_TRUE(Contains(back->body, "You were signed out before this area was saved"));
    EXPECT_TRUE(Contains(back->body, "The water cooler has been empty for a week"));
    EXPECT_TRUE(Contains(back->body, "id=\"rating-W3-fail\" name=\"rating-W3\" type=\"radio\" value=\"fail\" checked"));
    EXPECT_EQ(Rating("W3"), before);  // still nothing saved until it is sent again
    // Once only.
    EXPECT_FALSE(Contains(b->Get(Ratings("?area=3"))->body, "The water cooler has been empty"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM kept_forms"), 0);
}

TEST_F(AuditRatingsHttpTest, AKeptFormGoesBackOnlyToAPageOfThisSite) {
    auto b = SignedIn("member");
    const std::string csrf = b->CsrfFrom(Ratings("?area=3"));
    ASSERT_TRUE(server_->app().database().Acquire()->Execute("DELETE FROM sessions").ok());
    auto form = WaitingArea(csrf, "pass", "");
    form.erase("return_to");
    form.emplace("return_to", "https://evil.example/phish");
    auto sent = b->PostForm(Ratings(), form);
    ASSERT_EQ(sent->status, 303);
    const std::string location = sent->get_header_value("Location");
    EXPECT_EQ(location.find("evil"), std::string::npos) << location;
    EXPECT_NE(location.find("ratings"), std::string::npos) << location;
    // A form of a route that does not keep forms is refused as before.
    auto refused = b->PostForm(GroupPath("/members"), {{"csrf_token", csrf}, {"name", "Someone"}});
    EXPECT_EQ(refused->status, 401);
}

}  // namespace
}  // namespace carevoice::web::testing
