// HTTP behaviour of the work programme's ballot (issue 4, item 4) over the demo group: paper ballots recorded
// once per member with an audit entry, a member voting once as the member record their account is linked to,
// 422 naming the priority given a rank twice, and analysts who cannot vote.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/programme/programme_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---- Voting ----

TEST_F(ProgrammeHttpTest, FacilitatorRecordsAPaperBallotOncePerMemberWithAnAuditEntry) {
    auto b = SignedIn("facilitator");
    const std::string page = GroupPath("/programme/ballot?year=2026");
    auto form_page = b->Get(page);
    ASSERT_EQ(form_page->status, 200);
    const auto at = form_page->body.find("id=\"person_id\"");
    ASSERT_NE(at, std::string::npos);
    const std::string voters = form_page->body.substr(at, form_page->body.find("</select>", at) - at);
    EXPECT_TRUE(Contains(voters, ">Polly Patient</option>"));  // has not voted
    EXPECT_FALSE(Contains(voters, ">Cora Chair</option>"));    // has voted
    const std::int64_t before = Count("SELECT COUNT(*) FROM priority_ballots");

    auto form = Ranking(*b);
    form.emplace("person_id", std::to_string(Person("Polly Patient")));
    auto r = b->PostForm(GroupPath("/programme/ballot"), form);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/programme?year=2026#voting"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM priority_ballots"), before + 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'ballot.cast' AND record_type = 'person' AND "
                    "record_id = '" +
                    std::to_string(Person("Polly Patient")) + "'"),
              1);

    // A second ballot from Polly, or from Cora who voted before: refused, nothing written.
    for (const char* name : {"Polly Patient", "Cora Chair"}) {
        auto twice = Ranking(*b);
        twice.emplace("person_id", std::to_string(Person(name)));
        auto again = b->PostForm(GroupPath("/programme/ballot"), twice);
        EXPECT_EQ(again->status, 422) << name;
        EXPECT_TRUE(Contains(again->body, "has already voted")) << name;
        EXPECT_TRUE(HasFieldError(again, "person_id"));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM priority_ballots"), before + 1);
    EXPECT_EQ(CountAudit("ballot.cast"), 1);
}

TEST_F(ProgrammeHttpTest, BallotGivingTwoPrioritiesOneRankIs422NamingTheSecond) {
    auto b = SignedIn("facilitator");
    const auto candidates = Candidates();
    ASSERT_GE(candidates.size(), 2u);
    httplib::Params form = {{"csrf_token", b->CsrfFrom("/account")},
                            {"programme_year", "2026"},
                            {"person_id", std::to_string(Person("Polly Patient"))},
                            {"rank-" + std::to_string(candidates[0].id), "1"},
                            {"rank-" + std::to_string(candidates[1].id), "1"}};
    const std::int64_t before = Count("SELECT COUNT(*) FROM priority_ballots");
    auto r = b->PostForm(GroupPath("/programme/ballot"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(Contains(r->body, "href=\"#rank-" + std::to_string(candidates[1].id) + "\""));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM priority_ballots"), before);

    httplib::Params none = {{"csrf_token", b->CsrfFrom("/account")},
                            {"programme_year", "2026"},
                            {"person_id", std::to_string(Person("Polly Patient"))}};
    auto unranked = b->PostForm(GroupPath("/programme/ballot"), none);
    EXPECT_EQ(unranked->status, 422);
    EXPECT_TRUE(Contains(unranked->body, "Rank at least one priority"));
    EXPECT_EQ(CountAudit("ballot.cast"), 0);
}

TEST_F(ProgrammeHttpTest, MemberVotesOnceAsTheMemberRecordTheirAccountIsLinkedTo) {
    // The demo links its member account to Polly Patient; this test starts from an account not linked yet.
    ASSERT_EQ(Count("SELECT COUNT(*) FROM person_accounts"), 1);
    ASSERT_TRUE(server_->app().database().Acquire()->Execute("DELETE FROM person_accounts").ok());
    auto member = SignedIn("member");
    // Not linked yet: told so, and a ballot is refused.
    EXPECT_TRUE(Contains(member->Get(GroupPath("/programme/ballot"))->body, "not linked to your member record"));
    EXPECT_TRUE(IsErrorPage(member->PostForm(GroupPath("/programme/ballot"), Ranking(*member)), 403,
                            "Your carevoice account is not linked to a current member of the group"));

    auto facilitator = SignedIn("facilitator");
    std::int64_t member_user = Count("SELECT id FROM users WHERE username = 'member'");
    auto bad =
        facilitator->PostForm(GroupPath("/programme/accounts"), {{"csrf_token", facilitator->CsrfFrom("/account")},
                                                                 {"user_id", std::to_string(member_user)},
                                                                 {"link_person_id", ""}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(HasFieldError(bad, "link_person_id"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM person_accounts"), 0);
    auto link = facilitator->PostForm(GroupPath("/programme/accounts"),
                                      {{"csrf_token", facilitator->CsrfFrom("/account")},
                                       {"user_id", std::to_string(member_user)},
                                       {"link_person_id", std::to_string(Person("Polly Patient"))}});
    EXPECT_EQ(link->status, 303);
    EXPECT_EQ(CountAudit("person.link_account"), 1);
    EXPECT_TRUE(IsErrorPage(
        member->PostForm(GroupPath("/programme/accounts"), {{"csrf_token", member->CsrfFrom("/account")},
                                                            {"user_id", std::to_string(member_user)},
                                                            {"link_person_id", std::to_string(Person("Cora Chair"))}}),
        403, kOnlyManagers));

    auto page = member->Get(GroupPath("/programme/ballot"));
    EXPECT_TRUE(Contains(page->body, "You are voting as Polly Patient"));
    auto r = member->PostForm(GroupPath("/programme/ballot"), Ranking(*member));
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM priority_ballots WHERE person_id = " + std::to_string(Person("Polly Patient"))), 1);
    EXPECT_TRUE(Contains(member->Get(Programme())->body, "You have voted for 2026"));
    auto twice = member->PostForm(GroupPath("/programme/ballot"), Ranking(*member));
    EXPECT_TRUE(HasFieldError(twice, "ranks", "Polly Patient has already voted for 2026"));
    EXPECT_EQ(CountAudit("ballot.cast"), 1);
}

TEST_F(ProgrammeHttpTest, AnalystCannotVote) {
    auto b = SignedIn("analyst");
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/programme/ballot")), 403, kOnlyRecorders));
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/programme/ballot"), Ranking(*b)), 403, kOnlyRecorders));
}

}  // namespace
}  // namespace carevoice::web::testing
