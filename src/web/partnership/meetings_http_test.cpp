// HTTP behaviour of a partnership group's meetings (issue 4, item 3) on the real server, over the demo
// group: meetings with attendance and minutes rendered safely from Markdown, actions (overdue first, CSV,
// status changes) and public minutes that name only those who agreed. Every route: the happy path, 403 for
// the wrong role, 422 naming the fields with nothing written, CSRF refused, and the audit rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.hpp"
#include "demo/partnership_demo.hpp"
#include "web/partnership/meetings_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

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
