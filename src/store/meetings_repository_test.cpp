// Contract: meetings and actions behave the same on SQLite and PostgreSQL.
#include "store/meetings_repository.hpp"

#include "partnership/action_list.hpp"
#include "store/actions_repository.hpp"
#include "store/partnership_fixture.hpp"

namespace carevoice::store {
namespace {

using partnership::Action;
using partnership::ActionStatus;
using partnership::Meeting;
using testing::NamesField;

class MeetingsRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
        ann_ = MakePerson(group_, "Ann");
        bob_ = MakePerson(group_, "Bob", partnership::MemberType::kProfessional);
        cat_ = MakePerson(group_, "Cat", partnership::MemberType::kCarer);
    }
    Meeting AMeeting(std::string_view on, bool is_public = false) {
        Meeting m;
        m.group_id = group_;
        m.held_on = D(on);
        m.mode = partnership::MeetingMode::kCall;
        m.place = "Dial 01632 960000, code 1234";
        m.agenda = "1. Welcome\n2. Audit";
        m.attendees = {cat_, ann_};
        m.apologies = {bob_};
        m.minutes = "## Audit\n\n- three fails\n- *water* first";
        m.minutes_public = is_public;
        m.decisions = {"Re-audit in September", "Write to estates"};
        return m;
    }
    Action AnAction(std::optional<std::string_view> due, std::optional<std::int64_t> meeting = std::nullopt) {
        Action a;
        a.group_id = group_;
        a.meeting_id = meeting;
        a.description = "Ask about the water cooler";
        a.owner_person_id = bob_;
        if (due) a.due_on = D(*due);
        return a;
    }
    std::int64_t group_ = 0, ann_ = 0, bob_ = 0, cat_ = 0;
};

TEST_F(MeetingsRepositoryTest, AMeetingRoundTripsWithAttendanceMinutesAndDecisions) {
    MeetingsRepository meetings(*conn_);
    auto created = meetings.Create(AMeeting("2024-02-01"), kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = meetings.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->held_on, D("2024-02-01"));
    EXPECT_EQ(found->mode, partnership::MeetingMode::kCall);
    EXPECT_EQ(found->place, "Dial 01632 960000, code 1234");
    EXPECT_EQ(found->agenda, "1. Welcome\n2. Audit");
    EXPECT_EQ(found->attendees, (std::vector<std::int64_t>{ann_, cat_}));  // by id
    EXPECT_EQ(found->apologies, (std::vector<std::int64_t>{bob_}));
    EXPECT_EQ(found->minutes, "## Audit\n\n- three fails\n- *water* first");
    EXPECT_FALSE(found->minutes_public);
    EXPECT_EQ(found->decisions, (std::vector<std::string>{"Re-audit in September", "Write to estates"}));
}

TEST_F(MeetingsRepositoryTest, UpdateReplacesAttendanceAndDecisions) {
    MeetingsRepository meetings(*conn_);
    auto created = *meetings.Create(AMeeting("2024-02-01"), kNow);
    created.attendees = {bob_};
    created.apologies = {};
    created.decisions = {"Only this"};
    created.minutes_public = true;
    ASSERT_TRUE(meetings.Update(created, kNow + 1).ok());
    auto found = *meetings.Find(created.id);
    EXPECT_EQ(found.attendees, (std::vector<std::int64_t>{bob_}));
    EXPECT_TRUE(found.apologies.empty());
    EXPECT_EQ(found.decisions, (std::vector<std::string>{"Only this"}));
    EXPECT_TRUE(found.minutes_public);
}

TEST_F(MeetingsRepositoryTest, AttendeesMustBeTheGroupsPeople) {
    const std::int64_t stranger = MakePerson(MakeGroup("Other"), "Stranger");
    Meeting m = AMeeting("2024-02-01");
    m.attendees.push_back(stranger);
    const Status s = MeetingsRepository(*conn_).Create(m, kNow).status();
    EXPECT_TRUE(NamesField(s, "attendees")) << s.ToString();
    EXPECT_EQ(Count("meetings"), 0);
}

TEST_F(MeetingsRepositoryTest, PublicMinutesAreListedNewestFirst) {
    MeetingsRepository meetings(*conn_);
    ASSERT_TRUE(meetings.Create(AMeeting("2024-01-01", true), kNow).ok());
    ASSERT_TRUE(meetings.Create(AMeeting("2024-03-01", false), kNow).ok());
    ASSERT_TRUE(meetings.Create(AMeeting("2024-02-01", true), kNow).ok());
    auto published = meetings.ListPublicMinutes(group_);
    ASSERT_TRUE(published.ok());
    ASSERT_EQ(published->size(), 2u);
    EXPECT_EQ((*published)[0].held_on, D("2024-02-01"));
    auto all = meetings.ListByGroup(group_);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].held_on, D("2024-01-01"));  // oldest first
}

TEST_F(MeetingsRepositoryTest, ActionsRoundTripAndListOverdueFirst) {
    ActionsRepository actions(*conn_);
    auto meeting = *MeetingsRepository(*conn_).Create(AMeeting("2024-02-01"), kNow);
    auto late = actions.Create(AnAction("2024-03-01", meeting.id), kNow);
    ASSERT_TRUE(late.ok()) << late.status().ToString();
    Action done = AnAction("2024-02-15");
    done.status = ActionStatus::kDone;
    done.closed_on = D("2024-02-10");
    ASSERT_TRUE(actions.Create(done, kNow).ok());
    ASSERT_TRUE(actions.Create(AnAction("2024-06-01"), kNow).ok());

    auto found = actions.Find(late->id);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->meeting_id, meeting.id);
    EXPECT_EQ(found->owner_person_id, bob_);
    EXPECT_EQ(found->due_on, D("2024-03-01"));
    EXPECT_EQ(found->status, ActionStatus::kOpen);
    EXPECT_EQ(actions.ListByMeeting(meeting.id)->size(), 1u);

    auto all = actions.ListByGroup(group_);
    ASSERT_EQ(all->size(), 3u);
    const auto list = partnership::OrderActionList(*all, D("2024-04-01"));
    EXPECT_EQ(list[0].action.id, late->id);
    EXPECT_TRUE(list[0].overdue);
    EXPECT_EQ(list[2].action.status, ActionStatus::kDone);
}

TEST_F(MeetingsRepositoryTest, AnActionCannotPointAtAnotherGroupsMeeting) {
    const std::int64_t other = MakeGroup("Other");
    Meeting theirs = AMeeting("2024-02-01");
    theirs.group_id = other;
    theirs.attendees = {};
    theirs.apologies = {};
    auto meeting = MeetingsRepository(*conn_).Create(theirs, kNow);
    ASSERT_TRUE(meeting.ok()) << meeting.status().ToString();
    EXPECT_TRUE(
        NamesField(ActionsRepository(*conn_).Create(AnAction(std::nullopt, meeting->id), kNow).status(), "meeting_id"));
    Action open_but_closed = AnAction(std::nullopt);
    open_but_closed.closed_on = D("2024-01-01");
    EXPECT_TRUE(NamesField(ActionsRepository(*conn_).Create(open_but_closed, kNow).status(), "closed_on"));
    EXPECT_EQ(Count("actions"), 0);
}

TEST_F(MeetingsRepositoryTest, DeletingAMeetingDeletesItsAttendanceDecisionsAndActions) {
    auto meeting = *MeetingsRepository(*conn_).Create(AMeeting("2024-02-01"), kNow);
    ASSERT_TRUE(ActionsRepository(*conn_).Create(AnAction("2024-03-01", meeting.id), kNow).ok());
    ASSERT_TRUE(ActionsRepository(*conn_).Create(AnAction("2024-03-01"), kNow).ok());  // not the meeting's
    ASSERT_TRUE(MeetingsRepository(*conn_).Delete(meeting.id).ok());
    EXPECT_EQ(Count("meeting_attendance"), 0);
    EXPECT_EQ(Count("meeting_decisions"), 0);
    EXPECT_EQ(Count("actions"), 1);
    EXPECT_EQ(MeetingsRepository(*conn_).Delete(meeting.id).code(), StatusCode::kNotFound);
}

TEST_F(MeetingsRepositoryTest, UpdatingAnActionClosesIt) {
    ActionsRepository actions(*conn_);
    auto action = *actions.Create(AnAction("2024-03-01"), kNow);
    action.status = ActionStatus::kDropped;
    action.closed_on = D("2024-03-05");
    ASSERT_TRUE(actions.Update(action, kNow + 1).ok());
    EXPECT_EQ(actions.Find(action.id)->status, ActionStatus::kDropped);
    EXPECT_EQ(actions.Find(action.id)->closed_on, D("2024-03-05"));
    ASSERT_TRUE(actions.Delete(action.id).ok());
    EXPECT_EQ(actions.Find(action.id).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace carevoice::store
