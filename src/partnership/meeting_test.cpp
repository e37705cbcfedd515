#include "partnership/meeting.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::NamesField;

Meeting Valid() {
    Meeting m;
    m.group_id = 1;
    m.held_on = D("2024-02-01");
    m.place = "Macmillan Cancer Information Centre, Milton Keynes University Hospital";
    m.agenda = "1. Welcome\n2. Environmental audit\n";
    m.attendees = {1, 2, 3};
    m.apologies = {4};
    m.minutes = "## Environmental audit\nThe team reported three fails.";
    m.decisions = {"Re-audit the clinic in September"};
    return m;
}

TEST(MeetingTest, AWellFormedMeetingIsValid) { EXPECT_TRUE(ValidateMeeting(Valid()).ok()); }

TEST(MeetingTest, APlaceOrCallDetailsAreRequired) {
    Meeting m = Valid();
    m.place = "";
    EXPECT_TRUE(NamesField(ValidateMeeting(m), "place"));
}

TEST(MeetingTest, NobodyBothAttendsAndSendsApologies) {
    Meeting m = Valid();
    m.apologies = {3};
    const Status s = ValidateMeeting(m);
    EXPECT_TRUE(NamesField(s, "apologies"));
    EXPECT_NE(s.message().find("person 3, who is also listed as attending"), std::string::npos);
    m.apologies = {};
    m.attendees = {1, 1};
    EXPECT_TRUE(NamesField(ValidateMeeting(m), "attendees"));
}

TEST(MeetingTest, MinutesCannotBePublicBeforeTheyExist) {
    Meeting m = Valid();
    m.minutes = "";
    m.minutes_public = true;
    EXPECT_TRUE(NamesField(ValidateMeeting(m), "minutes"));
}

TEST(MeetingTest, EmptyDecisionsAreNamed) {
    Meeting m = Valid();
    m.decisions.push_back(" ");
    EXPECT_TRUE(NamesField(ValidateMeeting(m), "decisions[2]"));
}

TEST(ActionTest, AnActionNeedsADescriptionAndOpenActionsAreNotClosed) {
    Action a;
    a.closed_on = D("2024-01-01");
    const Status s = ValidateAction(a);
    EXPECT_TRUE(NamesField(s, "description"));
    EXPECT_TRUE(NamesField(s, "closed_on"));
    a.description = "Ask estates about the water cooler";
    a.status = ActionStatus::kDone;
    EXPECT_TRUE(ValidateAction(a).ok());
}

}  // namespace
}  // namespace carevoice::partnership
