// HTTP behaviour of running a partnership group (issue 4, items 1, 3 and the "how to join" of 10) on
// the real server, over the demo group modelled on Milton Keynes: the public page's contact routes
// that need no internet, the overview with the terms-of-reference warnings, editing the group and its
// terms in one audited transaction, meetings with attendance and minutes rendered safely from
// Markdown, actions (overdue first, CSV, status changes) and public minutes that name only those who
// agreed. Every route: the happy path, 403 for the wrong role, 422 naming the fields with nothing
// written, CSRF refused, and the audit rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "demo/partnership_demo.hpp"
#include "store/actions_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/render/markdown.hpp"
#include "web/testing/demo_group_fixture.hpp"
#include "web/testing/partnership_forms.hpp"

namespace carevoice::web::testing {
namespace {

// ---------------------------------------------------------------------------------------------
// Markdown, on its own

TEST(MarkdownToSafeHtmlTest, RendersCommonMark) {
    const std::string html = MarkdownToSafeHtml("## Decided\n\n- **Audit** the clinic\n- Write to the board\n");
    EXPECT_TRUE(Contains(html, "<h2>Decided</h2>")) << html;
    EXPECT_TRUE(Contains(html, "<li><strong>Audit</strong> the clinic</li>")) << html;
}

TEST(MarkdownToSafeHtmlTest, DropsRawHtmlAndScript) {
    const std::string html = MarkdownToSafeHtml(
        "Hello <script>alert('x')</script>\n\n<div onclick=\"alert(1)\">hi</div>\n\n"
        "<img src=x onerror=alert(1)>\n\n<iframe src=\"https://evil.example\"></iframe>");
    EXPECT_FALSE(Contains(html, "<script")) << html;
    EXPECT_FALSE(Contains(html, "onclick")) << html;
    EXPECT_FALSE(Contains(html, "onerror")) << html;
    EXPECT_FALSE(Contains(html, "<iframe")) << html;
    EXPECT_FALSE(Contains(html, "<div")) << html;
    EXPECT_TRUE(Contains(html, "Hello")) << html;
}

TEST(MarkdownToSafeHtmlTest, NeutralisesScriptLinks) {
    const std::string html = MarkdownToSafeHtml(
        "[one](javascript:alert(1)) [two](JavaScript:alert(2)) [three](vbscript:msgbox) [four](file:///etc/passwd) "
        "[five](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(3)> [six](https://example.org/ok)");
    // An autolink keeps its words (escaped, harmless) but no link address may run script or read files.
    const std::string lower = text::ToLower(html);
    EXPECT_FALSE(Contains(lower, "href=\"javascript")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"vbscript")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"file")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"data")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"\">one</a>")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"https://example.org/ok\">six</a>")) << html;
}

TEST(MarkdownToSafeHtmlTest, ImagesBecomeLinksWithTheirWords) {
    const std::string html = MarkdownToSafeHtml("![The new leaflet](https://example.org/leaflet.png) ![](x.png)");
    EXPECT_FALSE(Contains(html, "<img")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"https://example.org/leaflet.png\">The new leaflet</a>")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"x.png\">image</a>")) << html;
}

TEST(MarkdownToSafeHtmlTest, EscapesTextAndSurvivesBadUtf8) {
    const std::string html = MarkdownToSafeHtml("5 < 6 & \"quotes\" \xff\xfe");
    EXPECT_TRUE(Contains(html, "5 &lt; 6 &amp; &quot;quotes&quot;")) << html;
    EXPECT_EQ(MarkdownToSafeHtml(""), "");
}

// ---------------------------------------------------------------------------------------------
// The pages

class PartnershipMeetingsHttpTest : public DemoGroupHttpTest {
  protected:
    void SetUp() override {
        DemoGroupHttpTest::SetUp();
        today_ = server_->clock().Today();
    }

    std::int64_t Meetings() { return Count("SELECT COUNT(*) FROM meetings"); }
    std::int64_t Actions() { return Count("SELECT COUNT(*) FROM actions"); }

    partnership::Group Group() {
        auto conn = server_->app().database().Acquire();
        return *store::GroupsRepository(*conn).Find(group_id_);
    }
    partnership::TermsOfReference Terms() {
        auto conn = server_->app().database().Acquire();
        return **store::GroupsRepository(*conn).FindTermsOfReference(group_id_);
    }
    std::vector<partnership::Meeting> GroupMeetings() {
        auto conn = server_->app().database().Acquire();
        return *store::MeetingsRepository(*conn).ListByGroup(group_id_);
    }
    std::vector<partnership::Action> GroupActions() {
        auto conn = server_->app().database().Acquire();
        return *store::ActionsRepository(*conn).ListByGroup(group_id_);
    }
    partnership::Action ActionCalled(const std::string& start) {
        for (const auto& a : GroupActions()) {
            if (a.description.rfind(start, 0) == 0) return a;
        }
        ADD_FAILURE() << "no action starts with " << start;
        return {};
    }

    // A second group with one person and one meeting, to try pointing at another group's records.
    struct Other {
        std::int64_t group_id = 0, person_id = 0, meeting_id = 0, action_id = 0;
    };
    Other MakeOtherGroup() {
        auto conn = server_->app().database().Acquire();
        partnership::Group g;
        g.name = "Another group";
        g.area_name = "Elsewhere";
        g.model = partnership::GroupModel::kA;
        auto created = store::GroupsRepository(*conn).Create(g, 1);
        EXPECT_TRUE(created.ok());
        partnership::Person p;
        p.group_id = created->id;
        p.name = "Olive Othergroup";
        p.email = "olive@example.org";
        p.joined_on = today_.AddDays(-100);
        auto person = store::PeopleRepository(*conn).Create(p, 1);
        EXPECT_TRUE(person.ok()) << person.status().ToString();
        partnership::Meeting m;
        m.group_id = created->id;
        m.held_on = today_.AddDays(-10);
        m.place = "Elsewhere";
        m.minutes = "Other group's minutes";
        m.minutes_public = true;
        auto meeting = store::MeetingsRepository(*conn).Create(m, 1);
        EXPECT_TRUE(meeting.ok());
        partnership::Action a;
        a.group_id = created->id;
        a.description = "Other group's action";
        auto action = store::ActionsRepository(*conn).Create(a, 1);
        EXPECT_TRUE(action.ok());
        return {created->id, person->id, meeting->id, action->id};
    }

    // The edit form as the page would send it back unchanged, from the stored group and terms.
    httplib::Params EditForm(Browser& b) { return GroupEditForm(*server_, b, group_id_); }

    static void Set(httplib::Params& form, const std::string& key, const std::string& value) {
        SetField(form, key, value);
    }

    // A meeting form: held a week ago, in person, with the given people present and Omar's apologies.
    httplib::Params MeetingForm(Browser& b, const std::vector<std::string>& present, const std::string& minutes,
                                bool is_public) {
        std::map<std::int64_t, std::string> attendance;
        for (const auto& first : present) attendance[Person(first)] = "attended";
        attendance[Person("Omar")] = "apologies";
        return testing::MeetingForm(b, group_id_, today_.AddDays(-7), attendance, minutes, is_public);
    }

    const std::vector<std::string> kQuorate = {"Cora", "Vic", "Val", "Sid", "Polly", "Nina", "Mia"};

    CivilDate today_;
};

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
    EXPECT_TRUE(Contains(Browser(server_->port()).Get(GroupPath())->body, "01632 960777"));
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

// ---- item 3: meetings ------------------------------------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, MeetingsListShowsEveryMeetingWithQuorumAndMinutes) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/meetings"));
    ASSERT_EQ(r->status, 200);
    for (const auto& m : GroupMeetings())
        EXPECT_TRUE(Contains(r->body, GroupPath("/meetings/" + std::to_string(m.id))));
    EXPECT_TRUE(Contains(r->body, "No quorum"));
    EXPECT_TRUE(Contains(r->body, "Meetings without quorum"));
    EXPECT_TRUE(Contains(r->body, ">Public<"));
    EXPECT_TRUE(Contains(r->body, ">Draft<"));
    EXPECT_TRUE(Contains(r->body, "Not held yet"));
    EXPECT_FALSE(Contains(r->body, GroupPath("/meetings/new")));  // members do not record meetings
    EXPECT_TRUE(Contains(SignedIn("facilitator")->Get(GroupPath("/meetings"))->body, GroupPath("/meetings/new")));
    EXPECT_EQ(SignedIn("analyst")->Get(GroupPath("/meetings"))->status, 200);
    EXPECT_TRUE(IsErrorPage(SignedIn("lonefacilitator")->Get(GroupPath("/meetings")), 403, kOnlyReaders));
}

TEST_F(PartnershipMeetingsHttpTest, FacilitatorRecordsAMeetingWithAttendanceThenAddsAnAction) {
    auto b = SignedIn("facilitator");
    auto form_page = b->Get(GroupPath("/meetings/new"));
    ASSERT_EQ(form_page->status, 200);
    EXPECT_TRUE(Contains(form_page->body, "nhsuk-date-input"));
    EXPECT_TRUE(Contains(form_page->body, "attendance-" + std::to_string(Person("Cora"))));
    EXPECT_FALSE(Contains(form_page->body, "Lara Leaver"));  // left the group: not offered

    const std::int64_t before = Meetings();
    auto r = b->PostForm(GroupPath("/meetings"), MeetingForm(*b, kQuorate, "## The leaflet\n\nAgreed.", false));
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(Meetings(), before + 1);
    EXPECT_EQ(CountAudit("meeting.create"), 1);
    const partnership::Meeting m = GroupMeetings()[GroupMeetings().size() - 2];  // the next one is in the future
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/meetings/" + std::to_string(m.id)));
    EXPECT_EQ(m.held_on, today_.AddDays(-7));
    EXPECT_EQ(m.attendees.size(), kQuorate.size());
    EXPECT_EQ(m.apologies, std::vector<std::int64_t>{Person("Omar")});
    EXPECT_EQ(m.decisions, (std::vector<std::string>{"Adopt the new leaflet", "Ask the board for funding"}));
    EXPECT_FALSE(m.minutes_public);

    const std::string path = GroupPath("/meetings/" + std::to_string(m.id));
    auto page = b->Get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "Recorded the meeting of"));
    EXPECT_TRUE(Contains(page->body, "<h2>The leaflet</h2>"));
    EXPECT_TRUE(Contains(page->body, "Cora Chair"));
    EXPECT_TRUE(Contains(page->body, "Omar Oncologist"));
    EXPECT_FALSE(Contains(page->body, "did not reach its quorum"));

    const std::int64_t actions = Actions();
    const CivilDate due = today_.AddDays(30);
    auto added = b->PostForm(path + "/actions", {{"csrf_token", b->CsrfFrom(path)},
                                                 {"description", "Print 200 copies of the leaflet"},
                                                 {"owner", std::to_string(Person("Ivan"))},
                                                 {"due_on-day", std::to_string(due.day())},
                                                 {"due_on-month", std::to_string(due.month())},
                                                 {"due_on-year", std::to_string(due.year())},
                                                 {"status", "open"}});
    ASSERT_EQ(added->status, 303) << added->body;
    EXPECT_EQ(added->get_header_value("Location"), path + "#actions");
    EXPECT_EQ(Actions(), actions + 1);
    EXPECT_EQ(CountAudit("action.create"), 1);
    const partnership::Action a = ActionCalled("Print 200 copies");
    EXPECT_EQ(a.meeting_id, m.id);
    EXPECT_EQ(a.owner_person_id, Person("Ivan"));
    EXPECT_EQ(a.due_on, due);
    EXPECT_EQ(a.status, partnership::ActionStatus::kOpen);
    page = b->Get(path);
    EXPECT_TRUE(Contains(page->body, "Print 200 copies of the leaflet"));
    EXPECT_TRUE(Contains(page->body, "Ivan Information"));
}

TEST_F(PartnershipMeetingsHttpTest, AMeetingWithoutQuorumShowsTheWarning) {
    auto b = SignedIn("facilitator");
    auto r = b->PostForm(GroupPath("/meetings"), MeetingForm(*b, {"Cora", "Nina"}, "Only two of us.", false));
    ASSERT_EQ(r->status, 303);
    auto page = b->Get(r->get_header_value("Location"));
    EXPECT_TRUE(Contains(page->body, "This meeting did not reach its quorum"));
    EXPECT_TRUE(Contains(page->body, "had 2 people present; the quorum is 6"));
    EXPECT_TRUE(Contains(page->body, "had 1 user or carer present"));
}

TEST_F(PartnershipMeetingsHttpTest, BadMeetingInputIs422NamingEachFieldAndWritesNothing) {
    auto b = SignedIn("facilitator");
    auto form = MeetingForm(*b, kQuorate, "", true);  // public minutes without minutes
    Set(form, "place", "");
    Set(form, "held_on-day", "32");
    Set(form, "mode", "carrier_pigeon");
    form.emplace("attendance-" + std::to_string(Person("Eddie")), "maybe");
    const std::int64_t before = Meetings();
    auto r = b->PostForm(GroupPath("/meetings"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "held_on-day"));
    EXPECT_TRUE(HasFieldError(r, "place"));
    EXPECT_TRUE(HasFieldError(r, "minutes"));
    EXPECT_TRUE(HasFieldError(r, "mode-in_person"));
    EXPECT_TRUE(HasFieldError(r, "attendance"));
    EXPECT_TRUE(Contains(r->body, "The date of the meeting must be a real date"));
    EXPECT_TRUE(Contains(r->body, "value=\"32\""));
    EXPECT_EQ(Meetings(), before);
    EXPECT_EQ(CountAudit("meeting.create"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, AttendeeFromAnotherGroupIs422AndNothingIsWritten) {
    const Other other = MakeOtherGroup();
    auto b = SignedIn("facilitator");
    auto form = MeetingForm(*b, kQuorate, "Minutes", false);
    form.emplace("attendance-" + std::to_string(other.person_id), "attended");
    const std::int64_t before = Meetings();
    auto r = b->PostForm(GroupPath("/meetings"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "attendance"));
    EXPECT_FALSE(Contains(r->body, "Olive Othergroup"));
    EXPECT_EQ(Meetings(), before);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM meeting_attendance WHERE person_id = " + std::to_string(other.person_id)), 0);
    EXPECT_EQ(CountAudit("meeting.create"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, OnlyThoseWhoRunTheGroupRecordMeetings) {
    const std::int64_t before = Meetings();
    for (const char* who : {"member", "analyst", "lonefacilitator"}) {
        auto b = SignedIn(who);
        EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/meetings/new")), 403, kOnlyManagers)) << who;
        auto form = MeetingForm(*SignedIn("facilitator"), kQuorate, "Minutes", false);
        Set(form, "csrf_token", b->CsrfFrom("/account"));
        EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/meetings"), form), 403, kOnlyManagers)) << who;
    }
    EXPECT_EQ(Meetings(), before);
    EXPECT_EQ(CountAudit("meeting.create"), 0);
    EXPECT_EQ(SignedIn("admin")->Get(GroupPath("/meetings/new"))->status, 200);
}

TEST_F(PartnershipMeetingsHttpTest, RecordingAMeetingWithoutCsrfTokenIsRefused) {
    auto b = SignedIn("facilitator");
    auto form = MeetingForm(*b, kQuorate, "Minutes", false);
    form.erase("csrf_token");
    const std::int64_t before = Meetings();
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/meetings"), form), 403, kCsrfRefused));
    EXPECT_EQ(Meetings(), before);
}

TEST_F(PartnershipMeetingsHttpTest, FacilitatorChangesAMeetingAndPublishesItsMinutes) {
    const partnership::Meeting draft = GroupMeetings()[GroupMeetings().size() - 2];  // the latest held: a draft
    ASSERT_FALSE(draft.minutes_public);
    const std::string path = GroupPath("/meetings/" + std::to_string(draft.id));
    auto b = SignedIn("facilitator");
    auto edit = b->Get(path + "/edit");
    ASSERT_EQ(edit->status, 200);
    EXPECT_TRUE(Contains(edit->body, "value=\"" + std::to_string(draft.held_on.day()) + "\""));
    EXPECT_TRUE(Contains(edit->body, "Recruiting members we are missing"));
    httplib::Params form = {{"csrf_token", b->CsrfFrom(path + "/edit")},
                            {"held_on-day", std::to_string(draft.held_on.day())},
                            {"held_on-month", std::to_string(draft.held_on.month())},
                            {"held_on-year", std::to_string(draft.held_on.year())},
                            {"mode", "hybrid"},
                            {"place", draft.place},
                            {"agenda", draft.agenda},
                            {"minutes", draft.minutes + "\nAgreed at the next meeting."},
                            {"decisions", draft.decisions.front()},
                            {"minutes_public", "yes"}};
    for (std::int64_t id : draft.attendees) form.emplace("attendance-" + std::to_string(id), "attended");
    auto r = b->PostForm(path, form);
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(CountAudit("meeting.update"), 1);
    const partnership::Meeting saved = GroupMeetings()[GroupMeetings().size() - 2];
    EXPECT_TRUE(saved.minutes_public);
    EXPECT_EQ(saved.attendees, draft.attendees);
    EXPECT_TRUE(
        Contains(Browser(server_->port()).Get(GroupPath())->body, GroupPath("/minutes/" + std::to_string(draft.id))));
    EXPECT_TRUE(IsErrorPage(SignedIn("member")->Get(path + "/edit"), 403, kOnlyManagers));
}

TEST_F(PartnershipMeetingsHttpTest, AnotherGroupsMeetingIsNotFoundThroughThisGroup) {
    const Other other = MakeOtherGroup();
    auto b = SignedIn("facilitator");
    const std::string path = GroupPath("/meetings/" + std::to_string(other.meeting_id));
    EXPECT_TRUE(IsErrorPage(b->Get(path), 404, "this group has no such meeting"));
    EXPECT_TRUE(IsErrorPage(b->Get(path + "/edit"), 404, "this group has no such meeting"));
    EXPECT_TRUE(IsErrorPage(b->PostForm(path + "/actions", {{"csrf_token", b->CsrfFrom(GroupPath("/meetings"))},
                                                            {"description", "Sneaky"},
                                                            {"status", "open"}}),
                            404, "this group has no such meeting"));
    EXPECT_TRUE(IsErrorPage(Browser(server_->port()).Get(GroupPath("/minutes/" + std::to_string(other.meeting_id))),
                            404, "this group has no such meeting"));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/meetings/nonsense")), 404, "this group has no such meeting"));
}

// ---- item 3: minutes rendered safely ------------------------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, MinutesNeutraliseScriptAndJavascriptLinks) {
    auto b = SignedIn("facilitator");
    const std::string minutes =
        "## Notes\n\n**Agreed** the leaflet. <script>alert('minutes')</script>\n\n"
        "[Read more](javascript:alert(document.cookie)) and [the trust](https://example.org/trust)\n\n"
        "<img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">raw link</a>";
    auto r = b->PostForm(GroupPath("/meetings"), MeetingForm(*b, kQuorate, minutes, true));
    ASSERT_EQ(r->status, 303) << r->body;
    const std::string path = r->get_header_value("Location");
    const std::string meeting_id = path.substr(path.rfind('/') + 1);
    for (const std::string& page :
         {b->Get(path)->body, Browser(server_->port()).Get(GroupPath("/minutes/" + meeting_id))->body}) {
        EXPECT_TRUE(Contains(page, "<strong>Agreed</strong>"));
        EXPECT_TRUE(Contains(page, "<a href=\"https://example.org/trust\">the trust</a>"));
        EXPECT_FALSE(Contains(page, "<script>"));  // the layout's own script tag has attributes
        EXPECT_FALSE(Contains(text::ToLower(page), "javascript:"));
        EXPECT_FALSE(Contains(page, "onerror"));
        EXPECT_FALSE(Contains(page, "alert(document.cookie)"));
        EXPECT_TRUE(Contains(page, "<a href=\"\">Read more</a>"));
        EXPECT_FALSE(Contains(page, "<img src=\"x\""));
    }
}

// ---- item 4: the action list ---------------------------------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, ActionListPutsOverdueFirstThenByDueDate) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/actions"));
    ASSERT_EQ(r->status, 200);
    // The demo's open actions: two overdue (166 and 22 days), then two due in 14 and 42 days.
    const std::vector<std::string> order = {"Ask the trust for its action plan", "Arrange CancerVOICES training",
                                            "Invite the radiotherapy lead", "Contact community groups"};
    std::size_t last = 0;
    for (const auto& description : order) {
        const std::size_t at = r->body.find(description);
        ASSERT_NE(at, std::string::npos) << description;
        EXPECT_GT(at, last) << description;
        last = at;
    }
    EXPECT_TRUE(Contains(r->body, "Overdue by 166 days"));
    EXPECT_TRUE(Contains(r->body, "Overdue by 22 days"));
    EXPECT_FALSE(Contains(r->body, "Draft a leaflet explaining test results"));  // done: only under "all"
    EXPECT_FALSE(Contains(r->body, "/status"));                                  // members do not change status

    auto all = b->Get(GroupPath("/actions?show=all"));
    EXPECT_TRUE(Contains(all->body, "Draft a leaflet explaining test results"));
    EXPECT_TRUE(Contains(all->body, "Set up a page for the group"));
    EXPECT_LT(all->body.find("Contact community groups"), all->body.find("Draft a leaflet explaining"));
    EXPECT_TRUE(IsErrorPage(SignedIn("lonefacilitator")->Get(GroupPath("/actions")), 403, kOnlyReaders));
}

TEST_F(PartnershipMeetingsHttpTest, ActionListDownloadsAsCsvWithTheSameFilter) {
    auto b = SignedIn("analyst");
    auto open = b->Get(GroupPath("/actions/data.csv"));
    ASSERT_EQ(open->status, 200);
    EXPECT_TRUE(Contains(open->get_header_value("Content-Type"), "text/csv"));
    EXPECT_TRUE(Contains(open->get_header_value("Content-Disposition"), "attachment"));
    EXPECT_EQ(open->body.rfind("action_id,description,from,owner,due_on,status,days_overdue,closed_on\r\n", 0), 0u)
        << open->body.substr(0, 100);
    const auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    std::int64_t open_actions = 0;
    for (const auto& a : GroupActions()) open_actions += a.status == partnership::ActionStatus::kOpen ? 1 : 0;
    EXPECT_GE(open_actions, 4);  // the meetings' four, and any from the audit and the work programme
    EXPECT_EQ(lines(open->body), 1 + open_actions);
    EXPECT_TRUE(Contains(open->body, ",166,"));
    auto all = b->Get(GroupPath("/actions/data.csv?show=all"));
    EXPECT_EQ(lines(all->body), 1 + static_cast<long>(GroupActions().size()));
    EXPECT_TRUE(IsErrorPage(SignedIn("lonefacilitator")->Get(GroupPath("/actions/data.csv")), 403, kOnlyReaders));
    EXPECT_TRUE(IsSentToSignIn(Browser(server_->port()).Get(GroupPath("/actions/data.csv"))));
}

TEST_F(PartnershipMeetingsHttpTest, FacilitatorChangesAnActionsStatusWithAudit) {
    const partnership::Action a = ActionCalled("Ask the trust");
    auto b = SignedIn("facilitator");
    const std::string path = GroupPath("/actions/" + std::to_string(a.id) + "/status");
    auto r = b->PostForm(
        path, {{"csrf_token", b->CsrfFrom(GroupPath("/actions"))}, {"status", "done"}, {"return_to", "open"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/actions"));
    partnership::Action done = ActionCalled("Ask the trust");
    EXPECT_EQ(done.status, partnership::ActionStatus::kDone);
    EXPECT_EQ(done.closed_on, today_);
    EXPECT_EQ(CountAudit("action.update"), 1);
    EXPECT_TRUE(Contains(b->Get(GroupPath("/actions?show=all"))->body, path));
    EXPECT_FALSE(Contains(b->Get(GroupPath("/actions"))->body, path));  // no longer among the open ones

    // Reopened from the meeting's page, it goes back there and loses its closing date.
    r = b->PostForm(path,
                    {{"csrf_token", b->CsrfFrom(GroupPath("/actions"))}, {"status", "open"}, {"return_to", "meeting"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/meetings/" + std::to_string(*a.meeting_id) + "#actions"));
    EXPECT_FALSE(ActionCalled("Ask the trust").closed_on.has_value());
    EXPECT_EQ(CountAudit("action.update"), 2);
}

TEST_F(PartnershipMeetingsHttpTest, ActionStatusRefusesWrongRoleBadStatusMissingCsrfAndOtherGroups) {
    const partnership::Action a = ActionCalled("Ask the trust");
    const std::string path = GroupPath("/actions/" + std::to_string(a.id) + "/status");
    auto member = SignedIn("member");
    EXPECT_TRUE(IsErrorPage(member->PostForm(path, {{"csrf_token", member->CsrfFrom("/account")}, {"status", "done"}}),
                            403, kOnlyManagers));
    auto b = SignedIn("facilitator");
    auto bad = b->PostForm(path, {{"csrf_token", b->CsrfFrom(GroupPath("/actions"))}, {"status", "finished"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(Contains(bad->body, "open, done or dropped"));
    EXPECT_TRUE(IsErrorPage(b->PostForm(path, {{"status", "done"}}), 403, kCsrfRefused));
    const Other other = MakeOtherGroup();
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/actions/" + std::to_string(other.action_id) + "/status"),
                                        {{"csrf_token", b->CsrfFrom(GroupPath("/actions"))}, {"status", "done"}}),
                            404, "this group has no such action"));
    EXPECT_EQ(ActionCalled("Ask the trust").status, partnership::ActionStatus::kOpen);
    EXPECT_EQ(CountAudit("action.update"), 0);
}

TEST_F(PartnershipMeetingsHttpTest, BadActionInputIs422AndWritesNothing) {
    const partnership::Meeting m = GroupMeetings().front();
    const std::string path = GroupPath("/meetings/" + std::to_string(m.id));
    const Other other = MakeOtherGroup();
    auto b = SignedIn("facilitator");
    const std::int64_t before = Actions();
    auto r = b->PostForm(path + "/actions", {{"csrf_token", b->CsrfFrom(path)},
                                             {"description", " "},
                                             {"due_on-day", "30"},
                                             {"due_on-month", "2"},
                                             {"due_on-year", "2026"},
                                             {"status", "open"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "description"));
    EXPECT_TRUE(HasFieldError(r, "due_on-day"));
    r = b->PostForm(path + "/actions", {{"csrf_token", b->CsrfFrom(path)},
                                        {"description", "Given to someone of another group"},
                                        {"owner", std::to_string(other.person_id)},
                                        {"status", "open"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "owner"));
    EXPECT_EQ(Actions(), before);
    EXPECT_EQ(CountAudit("action.create"), 0);
    auto member = SignedIn("member");
    EXPECT_TRUE(IsErrorPage(member->PostForm(path + "/actions", {{"csrf_token", member->CsrfFrom("/account")},
                                                                 {"description", "Members do not add actions"},
                                                                 {"status", "open"}}),
                            403, kOnlyManagers));
    EXPECT_TRUE(IsErrorPage(b->PostForm(path + "/actions", {{"description", "No token"}, {"status", "open"}}), 403,
                            kCsrfRefused));
    EXPECT_EQ(Actions(), before);
}

// ---- item 5: public minutes ------------------------------------------------------------------

TEST_F(PartnershipMeetingsHttpTest, PublicMinutesNeedNoSignInAndNameOnlyThoseWhoAgreed) {
    Browser visitor(server_->port());
    const std::string group_page = visitor.Get(GroupPath())->body;
    int published = 0;
    for (const auto& m : GroupMeetings()) {
        const std::string path = GroupPath("/minutes/" + std::to_string(m.id));
        if (!m.minutes_public) {
            EXPECT_FALSE(Contains(group_page, path)) << path;
            EXPECT_TRUE(IsErrorPage(visitor.Get(path), 404, "the minutes of this meeting have not been published"))
                << path;
            continue;
        }
        ++published;
        EXPECT_TRUE(Contains(group_page, path)) << path;
        auto r = visitor.Get(path);
        ASSERT_EQ(r->status, 200) << path;
        EXPECT_TRUE(Contains(r->body, "Minutes of the meeting of " + m.held_on.ToString()));
        for (const auto& p : people_) {
            const bool there = std::count(m.attendees.begin(), m.attendees.end(), p.id) ||
                               std::count(m.apologies.begin(), m.apologies.end(), p.id);
            if (p.consent_to_be_named && there) {
                EXPECT_TRUE(Contains(r->body, p.name)) << p.name;
            }
            if (!p.consent_to_be_named) {
                EXPECT_FALSE(Contains(r->body, p.name)) << p.name << " on " << path;
            }
            if (!p.email.empty()) {
                EXPECT_FALSE(Contains(r->body, p.email));
            }
            if (!p.phone.empty()) {
                EXPECT_FALSE(Contains(r->body, p.phone));
            }
        }
        EXPECT_TRUE(Contains(r->body, "Members who have not agreed to be named are not listed"));
        EXPECT_FALSE(Contains(r->body, GroupPath("/meetings/")));  // no link to working pages for the public
    }
    EXPECT_EQ(published, 7);
}

}  // namespace
}  // namespace carevoice::web::testing
