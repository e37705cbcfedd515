// What the meeting pages share (meetings.cpp: the list of meetings, the public minutes, the routes;
// meeting_form.cpp: recording or changing a meeting; meeting_actions.cpp: a meeting's page with its
// actions and the action list across meetings): who may do what, the addresses, and loading the group
// and the meeting of a request.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {

inline constexpr const char* kWhoManagesMeetings = "the group's facilitators and chairs, and administrators,";
inline constexpr const char* kWhoReadsMeetings = "members of the group, analysts and administrators";

std::string MeetingPath(std::int64_t group_id, std::int64_t meeting_id);  // /groups/<id>/meetings/<meeting id>

std::map<std::int64_t, const partnership::Person*> ById(const std::vector<partnership::Person>& people);

// To the group's "Running the group" page, and on to its meetings when `to_meetings`.
nlohmann::json Breadcrumbs(const partnership::Group& g, bool to_meetings);

// Answers the request and returns nothing unless the user may `allowed` in the path's group.
std::optional<GroupStanding> Standing(RequestContext& ctx, bool (GroupStanding::*allowed)() const, const char* who);

// The meeting of the path, if it is the group's; otherwise answers 404.
std::optional<partnership::Meeting> LoadMeeting(RequestContext& ctx, std::int64_t group_id);

// meeting_form.cpp: recording a meeting, and changing one.
void NewMeeting(RequestContext& ctx);
void EditMeeting(RequestContext& ctx);
void CreateMeeting(RequestContext& ctx);
void UpdateMeeting(RequestContext& ctx);

// meeting_actions.cpp: a meeting's page and its new actions; the action list, as a page and as CSV, and
// changing an action's status.
void GetMeeting(RequestContext& ctx);
void AddAction(RequestContext& ctx);
void ListActions(RequestContext& ctx);
void ActionsCsv(RequestContext& ctx);
void UpdateActionStatus(RequestContext& ctx);

}  // namespace carevoice::web::partnership_pages
