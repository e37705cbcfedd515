// The demo group's year of meetings, every six weeks as the Milton Keynes partnership met ("once every
// few weeks"), with their minutes, decisions and actions.
#include <algorithm>
#include <string>
#include <vector>

#include "demo/partnership_demo_parts.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "store/actions_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"

namespace carevoice::demo {
namespace {

using partnership::Action;
using partnership::ActionStatus;
using partnership::Meeting;

constexpr int kMeetingsHeld = 9;
constexpr int kDaysBetweenMeetings = 42;
constexpr int kLowTurnoutMeeting = 5;  // a winter meeting that did not reach its quorum

struct MeetingText {
    const char* topic;
    const char* decision;
};

// One topic per meeting, in the order the year ran (share experiences, identify problems, develop
// solutions, help implement improvements).
constexpr MeetingText kTopics[kMeetingsHeld] = {
    {"Members' experiences of the outpatient clinic", "Carry out an environmental audit of the outpatient clinic"},
    {"Environmental audit: the team reports", "Send the audit findings to the clinic manager and estates"},
    {"The 2018 survey results for our hospital", "Build this year's programme on the items rated below expected"},
    {"Choosing this year's priorities", "Members rank the candidate priorities before the next meeting"},
    {"Clinical nurse specialist contact cards", "Adopt CNS contact cards as this year's first work item"},
    {"Winter meeting (few could attend)", "Defer the survivorship discussion to the next meeting"},
    {"Survivorship and life after treatment", "Ask the network board for a survivorship information day"},
    {"Re-audit of the outpatient clinic", "Share the audit checklist with the Thames Valley groups"},
    {"Recruiting members we are missing", "Approach community groups to widen membership"},
};

bool MemberOn(const partnership::Person& p, CivilDate day) { return partnership::IsMemberOn(p, day); }

// Who came: every member on the day, except those who (by the demo's story) did not.
std::vector<std::int64_t> Attendees(const DemoContext& demo, const std::vector<partnership::Person>& people,
                                    int meeting, CivilDate day) {
    if (meeting == kLowTurnoutMeeting) {
        return {demo.Person("Cora"), demo.Person("Sid"), demo.Person("Nina"), demo.Person("Mia"), demo.Person("Vera")};
    }
    std::vector<std::int64_t> out;
    for (const partnership::Person& p : people) {
        if (!MemberOn(p, day)) continue;
        const std::string first = p.name.substr(0, p.name.find(' '));
        if (first == "Lenny" && meeting > 1) continue;      // stopped coming
        if (first == "Omar" && meeting % 2 == 1) continue;  // clinics on alternate meeting days
        if (first == "Sunil" && meeting % 2 == 0) continue;
        if (first == "Paula" && meeting % 3 == 0) continue;
        out.push_back(p.id);
    }
    return out;
}

std::vector<std::int64_t> Apologies(const DemoContext& demo, int meeting) {
    if (meeting == kLowTurnoutMeeting) return {demo.Person("Vic"), demo.Person("Val"), demo.Person("Eddie")};
    if (meeting % 2 == 1) return {demo.Person("Omar")};
    return {};
}

std::string Minutes(const MeetingText& text, int attended) {
    return "## " + std::string(text.topic) + "\n\n" + std::to_string(attended) +
           " members attended. Members shared what they had seen and heard since the last meeting.\n\n"
           "### Decided\n\n- " +
           text.decision + "\n";
}

struct DemoAction {
    int meeting;
    const char* description;
    const char* owner;
    int due_days_after_meeting;
    ActionStatus status;
    int closed_days_after_meeting;
};

constexpr DemoAction kActions[] = {
    {0, "Agree a date for the environmental audit with the clinic manager", "Mia", 28, ActionStatus::kDone, 20},
    {2, "Draft a leaflet explaining test results with the CNS team", "Nina", 60, ActionStatus::kDone, 55},
    {3, "Set up a page for the group on the trust's website", "Ivan", 42, ActionStatus::kDropped, 80},
    {4, "Ask the trust for its action plan on the 2018 survey", "Mia", 30, ActionStatus::kOpen, 0},
    {6, "Arrange CancerVOICES training for newer members", "Vera", 90, ActionStatus::kOpen, 0},
    {7, "Invite the radiotherapy lead to the next meeting", "Cora", 84, ActionStatus::kOpen, 0},
    {8, "Contact community groups about members from Black communities, whom the group lacks", "Vera", 70,
     ActionStatus::kOpen, 0},
};

}  // namespace

Status AddMeetings(DemoContext& demo) {
    CV_ASSIGN_OR_RETURN(auto people, PeopleRepository(demo.conn).ListByGroup(demo.group_id));
    MeetingsRepository meetings(demo.conn);
    ActionsRepository actions(demo.conn);
    const CivilDate first = demo.today.AddDays(-(kMeetingsHeld - 1) * kDaysBetweenMeetings - 28);
    std::vector<Meeting> held;
    for (int k = 0; k < kMeetingsHeld; ++k) {
        Meeting m;
        m.group_id = demo.group_id;
        m.held_on = first.AddDays(k * kDaysBetweenMeetings);
        m.mode = partnership::MeetingMode::kHybrid;
        m.place = "Partnership room, Milton Keynes University Hospital; or by phone (dial-in in the papers)";
        m.agenda = "1. Welcome and apologies\n2. Members' news\n3. " + std::string(kTopics[k].topic) +
                   "\n4. Actions\n5. Any other business";
        m.attendees = Attendees(demo, people, k, m.held_on);
        m.apologies = Apologies(demo, k);
        std::erase_if(m.apologies, [&](std::int64_t id) {
            return std::find(m.attendees.begin(), m.attendees.end(), id) != m.attendees.end();
        });
        m.minutes = Minutes(kTopics[k], static_cast<int>(m.attendees.size()));
        m.minutes_public = k < kMeetingsHeld - 2;  // the latest two are still drafts
        m.decisions = {kTopics[k].decision};
        CV_ASSIGN_OR_RETURN(m, meetings.Create(m, demo.now));
        held.push_back(std::move(m));
    }
    Meeting next;
    next.group_id = demo.group_id;
    next.held_on = demo.today.AddDays(14);
    next.mode = partnership::MeetingMode::kHybrid;
    next.place = "Partnership room, Milton Keynes University Hospital; or by phone";
    next.agenda =
        "1. Welcome and apologies\n2. Radiotherapy services: a visit from the lead\n3. Annual review of "
        "the terms of reference";
    CV_RETURN_IF_ERROR(meetings.Create(next, demo.now).status());

    for (const DemoAction& a : kActions) {
        const Meeting& at = held[static_cast<std::size_t>(a.meeting)];
        Action action;
        action.group_id = demo.group_id;
        action.meeting_id = at.id;
        action.description = a.description;
        action.owner_person_id = demo.Person(a.owner);
        action.due_on = at.held_on.AddDays(a.due_days_after_meeting);
        action.status = a.status;
        if (a.status != ActionStatus::kOpen) action.closed_on = at.held_on.AddDays(a.closed_days_after_meeting);
        CV_RETURN_IF_ERROR(actions.Create(action, demo.now).status());
    }
    return Status::Ok();
}

}  // namespace carevoice::demo
