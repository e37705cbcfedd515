// HTTP behaviour of running a partnership group (issue 4, item 1 and the "how to join" of 10) on the real
// server, over the demo group: the public page's contact routes that need no internet, the overview with
// the terms-of-reference warnings, and editing the group and its terms in one audited transaction, whole
// or one part at a time. Every route: the happy path, 403 for the wrong role, 422 naming the fields with
// nothing written, CSRF refused, and the audit rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.hpp"
#include "demo/partnership_demo.hpp"
#include "web/partnership/meetings_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---- item 1: contact routes that need no internet ---------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, PublicPageSaysHowToJoinByPostPhoneOrEmail) {
    Browser b(server_->port());
    auto r = b.Get(GroupPath());
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "How to join"));
    EXPECT_TRUE(Contains(r->body, "you do not need the internet"));
    EXPECT_TRUE(Contains(r->body, "Write to"));
    EXPECT_TRUE(Contains(r->body, "Macmillan Cancer Information Centre"));
    EXPECT_TRUE(Contains(r->body, "01632 960500"));
    EXPECT_TRUE(Contains(r->body, "mailto:partnership@example.org"));
    // No working pages for the public.
    EXPECT_FALSE(Contains(r->body, GroupPath("/overview")));
    EXPECT_FALSE(Contains(r->body, GroupPath("/meetings")));
}

TEST_F(PartnershipMeetingsHttpTest, PublicPageLinksStaffToTheWorkingPages) {
    auto facilitator = SignedIn("facilitator");
    auto page = facilitator->Get(GroupPath())->body;
    EXPECT_TRUE(Contains(page, GroupPath("/overview")));
    EXPECT_TRUE(Contains(page, GroupPath("/meetings")));
    EXPECT_TRUE(Contains(page, GroupPath("/actions")));
    EXPECT_TRUE(Contains(page, GroupPath("/edit")));
    auto member = SignedIn("member");
    page = member->Get(GroupPath())->body;
    EXPECT_TRUE(Contains(page, GroupPath("/overview")));
    EXPECT_FALSE(Contains(page, GroupPath("/edit")));
}

// ---- item 2: the overview and its warnings -----------------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, OverviewShowsTheTermsOfReferenceWarningsProminently) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/overview"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "nhsuk-card--warning"));
    EXPECT_TRUE(Contains(r->body, "Meeting without quorum"));
    EXPECT_TRUE(Contains(r->body, "Review of the terms of reference due soon"));  // adopted 11 months ago
    EXPECT_TRUE(Contains(r->body, "Cancer network board"));                       // a link and who represents the group
    EXPECT_TRUE(Contains(r->body, "6 people, of whom at least 3 are users or carers"));
    EXPECT_TRUE(Contains(r->body, GroupPath("/meetings/")));  // the warning links to its meeting
    EXPECT_FALSE(Contains(r->body, GroupPath("/edit")));      // members do not edit
}

TEST_F(PartnershipMeetingsHttpTest, OverviewWarnsWhenTheChairIsPastTheirTerm) {
    auto facilitator = SignedIn("facilitator");
    auto form = EditForm(*facilitator);
    Set(form, "chair_term_min_months", "6");
    Set(form, "chair_term_max_months", "12");  // Cora has chaired for 20 months
    ASSERT_EQ(facilitator->PostForm(GroupPath("/edit"), form)->status, 303);
    auto r = facilitator->Get(GroupPath("/overview"));
    EXPECT_TRUE(Contains(r->body, "Chair past their term"));
    EXPECT_TRUE(Contains(r->body, "Cora Chair has chaired the group since"));
}

TEST_F(PartnershipMeetingsHttpTest, OverviewIsForTheGroupAnalystsAndAdmins) {
    EXPECT_EQ(SignedIn("analyst")->Get(GroupPath("/overview"))->status, 200);
    EXPECT_EQ(SignedIn("admin")->Get(GroupPath("/overview"))->status, 200);
    EXPECT_TRUE(IsErrorPage(SignedIn("lonefacilitator")->Get(GroupPath("/overview")), 403, kOnlyReaders));
    Browser visitor(server_->port());
    auto r = visitor.Get(GroupPath("/overview"));
    EXPECT_TRUE(IsSentToSignIn(r));
    EXPECT_FALSE(Contains(r->body, "Meeting without quorum"));
}

// ---- item 2: editing the group and its terms of reference --------------------------------------

TEST_F(PartnershipMeetingsHttpTest, EditFormIsPrefilledForFacilitatorsAndAdmins) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(GroupPath("/edit"));
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "value=\"Milton Keynes\""));
    EXPECT_TRUE(Contains(r->body, "id=\"review_date-day\""));
    EXPECT_TRUE(Contains(r->body, "nhsuk-date-input"));
    EXPECT_TRUE(Contains(r->body, "value=\"Cancer network board\""));
    EXPECT_TRUE(Contains(r->body, "value=\"01632 960500\""));
    EXPECT_EQ(SignedIn("admin")->Get(GroupPath("/edit"))->status, 200);
}

TEST_F(PartnershipMeetingsHttpTest, MembersAnalystsAndOutsidersCannotEdit) {
    for (const char* who : {"member", "analyst", "lonefacilitator"}) {
        auto b = SignedIn(who);
        EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/edit")), 403, kOnlyManagers)) << who;
        auto form = EditForm(*SignedIn("facilitator"));
        Set(form, "csrf_token", b->CsrfFrom("/account"));
        Set(form, "name", "Taken over");
        EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/edit"), form), 403, kOnlyManagers)) << who;
    }
    EXPECT_EQ(Group().name, demo::kDemoGroupName);
    EXPECT_EQ(CountAudit("group.update"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, FacilitatorSavesGroupAndTermsTogetherWithAudit) {
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    Set(form, "area_name", "Milton Keynes and district");
    Set(form, "contact_phone", "01632 960777");
    Set(form, "meeting_interval_weeks", "8");
    Set(form, "quorum", "5");
    Set(form, "quorum_lay", "2");
    Set(form, "review_date-day", "1");
    Set(form, "review_date-month", "3");
    Set(form, "review_date-year", std::to_string(today_.year() + 1));
    // A new link in the first spare row, represented by Val.
    const std::string spare = "link-" + std::to_string(Group().links.size() + 1) + "-";
    Set(form, spare + "body_name", "Lung tumour-site group");
    Set(form, spare + "kind", "tumour_site_group");
    form.emplace(spare + "representatives", std::to_string(Person("Val")));
    auto r = b->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/overview"));

    const partnership::Group g = Group();
    EXPECT_EQ(g.area_name, "Milton Keynes and district");
    EXPECT_EQ(g.contact_phone, "01632 960777");
    EXPECT_EQ(g.meeting_interval_weeks, 8);
    ASSERT_EQ(g.links.size(), 6u);
    EXPECT_EQ(g.links.back().body_name, "Lung tumour-site group");
    EXPECT_EQ(g.links.back().representative_ids, std::vector<std::int64_t>{Person("Val")});
    const partnership::TermsOfReference t = Terms();
    EXPECT_EQ(t.quorum, 5);
    EXPECT_EQ(t.quorum_lay, 2);
    EXPECT_EQ(t.review_date, *CivilDate::FromYmd(today_.year() + 1, 3, 1));
    EXPECT_EQ(CountAudit("group.update"), 1);
    EXPECT_EQ(CountAudit("terms_of_reference.update"), 1);
    const std::string overview = b->Get(GroupPath("/overview"))->body;
    EXPECT_TRUE(Contains(overview, "details and its terms of reference.")) << overview.substr(0, 400);
    // On the public page the number is a link a phone can dial.
    EXPECT_TRUE(
        Contains(Browser(server_->port()).Get(GroupPath())->body, "<a href=\"tel:+441632960777\">01632 960777</a>"));
}

TEST_F(PartnershipMeetingsHttpTest, OnePartOfTheGroupsDetailsIsChangedOnItsOwnPageAndTheRestIsKept) {
    auto b = SignedIn("facilitator");
    const partnership::Group before = Group();
    const partnership::TermsOfReference terms_before = Terms();
    // The contact part shows its fields only, with links to the other parts and to the whole form.
    auto page = b->Get(GroupPath("/edit?section=contact"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "<h1>How people can get in touch to join</h1>"));
    EXPECT_TRUE(Contains(page->body, "id=\"contact_phone\""));
    EXPECT_FALSE(Contains(page->body, "id=\"document_text\""));
    EXPECT_FALSE(Contains(page->body, "id=\"name\""));
    EXPECT_TRUE(Contains(page->body, "href=\"" + GroupPath("/edit?section=terms") + "\""));
    EXPECT_TRUE(Contains(page->body, "Save the contact details"));
    // An unknown part shows the whole form.
    EXPECT_TRUE(Contains(b->Get(GroupPath("/edit?section=nonsense"))->body, "id=\"document_text\""));

    // Only the contact fields are sent: the rest stays as recorded.
    auto r = b->PostForm(GroupPath("/edit"), {{"csrf_token", b->CsrfFrom(GroupPath("/edit"))},
                                              {"section", "contact"},
                                              {"contact_postal_address", "The Cancer Centre, Milton Keynes"},
                                              {"contact_phone", "01632 960888"},
                                              {"contact_email", ""}});
    ASSERT_EQ(r->status, 303) << r->body;
    const partnership::Group after = Group();
    EXPECT_EQ(after.contact_phone, "01632 960888");
    EXPECT_EQ(after.contact_postal_address, "The Cancer Centre, Milton Keynes");
    EXPECT_EQ(after.name, before.name);
    EXPECT_EQ(after.area_name, before.area_name);
    EXPECT_EQ(after.links.size(), before.links.size());
    EXPECT_EQ(Terms().document_text, terms_before.document_text);
    EXPECT_EQ(Terms().quorum, terms_before.quorum);
    EXPECT_TRUE(Contains(b->Get(GroupPath("/overview"))->body, "Saved the contact details."));

    // A problem in the part is shown on the part's page, naming the field.
    auto bad = b->PostForm(GroupPath("/edit"), {{"csrf_token", b->CsrfFrom(GroupPath("/edit"))},
                                                {"section", "terms"},
                                                {"document_text", terms_before.document_text},
                                                {"chair_eligibility", "any_member"},
                                                {"chair_term_min_months", "abc"},
                                                {"chair_term_max_months", "24"},
                                                {"re_election_gap_months", "12"},
                                                {"vice_chairs", "1"},
                                                {"quorum", "5"},
                                                {"quorum_lay", "2"},
                                                {"review_date-day", "1"},
                                                {"review_date-month", "3"},
                                                {"review_date-year", std::to_string(today_.year() + 1)}});
    EXPECT_TRUE(HasFieldError(bad, "chair_term_min_months"));
    EXPECT_TRUE(Contains(bad->body, "<h1>Terms of reference</h1>"));
    EXPECT_EQ(Terms().quorum, terms_before.quorum);
}

TEST_F(PartnershipMeetingsHttpTest, ClearingALinksNameAndRepresentativesRemovesIt) {
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    Set(form, "link-1-body_name", "");
    form.erase("link-1-representatives");
    ASSERT_EQ(b->PostForm(GroupPath("/edit"), form)->status, 303);
    const partnership::Group g = Group();
    ASSERT_EQ(g.links.size(), 4u);
    EXPECT_EQ(g.links.front().body_name, "Breast tumour-site group");
}

TEST_F(PartnershipMeetingsHttpTest, BadGroupInputIs422NamingEachFieldAndWritesNothing) {
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    Set(form, "name", " ");
    Set(form, "contact_email", "partnership at example.org");
    Set(form, "year_founded", "nineteen");
    Set(form, "quorum", "six");
    Set(form, "review_date-day", "31");
    Set(form, "review_date-month", "2");
    Set(form, "link-2-body_name", "");  // representatives still ticked
    auto r = b->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Contains(r->body, "There is a problem"));
    EXPECT_TRUE(HasFieldError(r, "name"));
    EXPECT_TRUE(HasFieldError(r, "contact_email"));
    EXPECT_TRUE(HasFieldError(r, "year_founded"));
    EXPECT_TRUE(HasFieldError(r, "quorum"));
    EXPECT_TRUE(HasFieldError(r, "review_date-day"));
    EXPECT_TRUE(HasFieldError(r, "link-2-body_name"));
    EXPECT_TRUE(Contains(r->body, "Enter the name of the group"));
    EXPECT_TRUE(Contains(r->body, "The quorum must be a whole number"));
    EXPECT_TRUE(Contains(r->body, "value=\"nineteen\""));  // what was typed comes back
    EXPECT_EQ(Group().name, demo::kDemoGroupName);
    EXPECT_EQ(Group().links.size(), 5u);
    EXPECT_EQ(Terms().quorum, 6);
    EXPECT_EQ(CountAudit("group.update"), 0);
    EXPECT_EQ(CountAudit("terms_of_reference.update"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, TermsThatBreakTheirOwnRulesAre422InPlainWords) {
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    Set(form, "chair_term_min_months", "24");
    Set(form, "chair_term_max_months", "12");
    Set(form, "quorum_lay", "9");
    Set(form, "document_text", "");
    Set(form, "document_url", "javascript:alert(1)");
    auto r = b->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "chair_term_max_months"));
    EXPECT_TRUE(Contains(r->body, "must not be less than the shortest term as chair"));
    EXPECT_TRUE(HasFieldError(r, "quorum_lay"));
    EXPECT_TRUE(HasFieldError(r, "document_url"));
    EXPECT_FALSE(Contains(r->body, "chair_term_min_months ("));  // no internal names in messages
    EXPECT_EQ(Terms().chair_term_max_months, 36);
    EXPECT_EQ(CountAudit("terms_of_reference.update"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, RepresentativeFromAnotherGroupIs422AndNothingIsWritten) {
    const Other other = MakeOtherGroup();
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    Set(form, "area_name", "Changed");
    form.emplace("link-1-representatives", std::to_string(other.person_id));
    auto r = b->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "link-1-body_name"));
    EXPECT_EQ(Group().area_name, "Milton Keynes");
    EXPECT_EQ(CountAudit("group.update"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, EditWithoutCsrfTokenIsRefused) {
    auto b = SignedIn("facilitator");
    auto form = EditForm(*b);
    form.erase("csrf_token");
    Set(form, "name", "Renamed without a token");
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/edit"), form), 403, kCsrfRefused));
    Set(form, "csrf_token", "forged");
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/edit"), form), 403, kCsrfRefused));
    EXPECT_EQ(Group().name, demo::kDemoGroupName);
    EXPECT_EQ(CountAudit("group.update"), 0);
}

}  // namespace
}  // namespace carevoice::web::testing
