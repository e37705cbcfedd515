// Meetings of a partnership group and the actions that come out of them: what the meeting pages share,
// the list of meetings, the public minutes page, which needs no sign-in and names only the people who
// agreed to be named, and the routes of every meeting and action page. Recording a meeting is in
// meeting_form.cpp; a meeting's page with its actions, and the action list, in meeting_actions.cpp.
//
// Members, analysts and admins read; the group's facilitators and chairs, and admins, record and
// change. Every change is written in one transaction with its audit entry.
#include "web/partnership/meetings.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/warnings.hpp"
#include "web/render/markdown.hpp"

namespace carevoice::web::partnership_pages {

using partnership::Meeting;
using partnership::Person;

std::string MeetingPath(std::int64_t group_id, std::int64_t meeting_id) {
    return GroupBase(group_id) + "/meetings/" + std::to_string(meeting_id);
}

std::map<std::int64_t, const Person*> ById(const std::vector<Person>& people) {
    std::map<std::int64_t, const Person*> out;
    for (const auto& p : people) out[p.id] = &p;
    return out;
}

nlohmann::json Breadcrumbs(const partnership::Group& g, bool to_meetings) {
    nlohmann::json crumbs = GroupBreadcrumbs(g);
    crumbs.push_back({{"href", GroupBase(g.id) + "/overview"}, {"label", "Running the group"}});
    if (to_meetings) crumbs.push_back({{"href", GroupBase(g.id) + "/meetings"}, {"label", "Meetings"}});
    return crumbs;
}

// Answers the request and returns nothing unless the user may `allowed` in the path's group.
std::optional<GroupStanding> Standing(RequestContext& ctx, bool (GroupStanding::*allowed)() const, const char* who) {
    auto standing = BeginGroupRequest(ctx, allowed, who);
    if (!standing) return std::nullopt;
    return std::move(*standing);
}

// The meeting of the path, if it is the group's; otherwise answers 404.
std::optional<Meeting> LoadMeeting(RequestContext& ctx, std::int64_t group_id) {
    auto id = text::ParseInt(ctx.params["meeting_id"]);
    auto meeting =
        id.ok() ? store::MeetingsRepository(ctx.db()).Find(*id) : Result<Meeting>(Status::NotFound("no such meeting"));
    if (!meeting.ok() && meeting.status().code() != StatusCode::kNotFound) {
        ctx.Error(503, meeting.status());
        return std::nullopt;
    }
    if (!meeting.ok() || meeting->group_id != group_id) {
        ctx.Error(404, Status::NotFound("this group has no such meeting"));
        return std::nullopt;
    }
    return std::move(*meeting);
}

namespace {

// ---------------------------------------------------------------------------------------------
// The list of meetings

void ListMeetings(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReadsMeetings);
    if (!standing) return;
    const auto& g = standing->group;
    auto meetings = store::MeetingsRepository(ctx.db()).ListByGroup(g.id);
    auto warnings = LoadTorWarnings(ctx, g.id);
    if (!meetings.ok() || !warnings.ok()) {
        return ctx.Error(503, Status::Unavailable("the group's meetings cannot be read now"));
    }
    const CivilDate today = ctx.app.clock().Today();
    std::set<std::int64_t> without_quorum;
    for (const auto& w : warnings->warnings) {
        if (IsMeetingWarning(w) && w.meeting_id) without_quorum.insert(*w.meeting_id);
    }
    nlohmann::json list = nlohmann::json::array();
    for (auto it = meetings->rbegin(); it != meetings->rend(); ++it) {  // newest first
        const Meeting& m = *it;
        const bool held = m.held_on <= today;
        list.push_back({{"href", MeetingPath(g.id, m.id)},
                        {"held_on", m.held_on.ToString()},
                        {"mode", std::string(LabelOf(partnership::kMeetingModes, m.mode))},
                        {"held", held},
                        {"attended", m.attendees.size()},
                        {"no_quorum", without_quorum.count(m.id) > 0},
                        {"checked", held && warnings->terms.has_value()},
                        {"has_minutes", !text::Trim(m.minutes).empty()},
                        {"minutes_public", m.minutes_public}});
    }
    nlohmann::json meeting_warnings = WarningsJson(warnings->warnings, g.id, IsMeetingWarning);
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"meetings", list},
                           {"has_meetings", !list.empty()},
                           {"warnings", meeting_warnings},
                           {"has_warnings", !meeting_warnings.empty()},
                           {"has_terms", warnings->terms.has_value()},
                           {"may_manage", standing->MayManage()},
                           {"breadcrumbs", Breadcrumbs(g, false)}};
    ctx.Page("Meetings: " + g.name, "partnership_meetings", data);
}

// ---------------------------------------------------------------------------------------------
// Public minutes

// Names of the people in `ids` who agreed to be named, and whether anyone else is among them.
nlohmann::json NamedOnly(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, const Person*>& people,
                         bool& others) {
    nlohmann::json names = nlohmann::json::array();
    for (std::int64_t id : ids) {
        auto it = people.find(id);
        if (it != people.end() && it->second->consent_to_be_named) {
            names.push_back(it->second->name);
        } else {
            others = true;
        }
    }
    return names;
}

void PublicMinutes(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx);
    if (!standing) return;
    const auto& g = standing->group;
    auto meeting = LoadMeeting(ctx, g.id);
    if (!meeting) return;
    if (!meeting->minutes_public) {
        return ctx.Error(404, Status::NotFound("the minutes of this meeting have not been published"));
    }
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    const auto by_id = ById(*people);
    bool others_present = false, others_apologies = false;
    nlohmann::json present = NamedOnly(meeting->attendees, by_id, others_present);
    nlohmann::json apologies = NamedOnly(meeting->apologies, by_id, others_apologies);
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"held_on", meeting->held_on.ToString()},
                           {"mode", std::string(LabelOf(partnership::kMeetingModes, meeting->mode))},
                           {"place", meeting->place},
                           {"minutes_html", MarkdownToSafeHtml(meeting->minutes)},
                           {"decisions", meeting->decisions},
                           {"has_decisions", !meeting->decisions.empty()},
                           {"present", present},
                           {"has_present", !present.empty()},
                           {"others_present", others_present},
                           {"apologies", apologies},
                           {"has_apologies", !apologies.empty()},
                           {"others_apologies", others_apologies},
                           {"may_read", standing->MayRead()},
                           {"meeting_href", MeetingPath(g.id, meeting->id)}};
    SetText(data, "agenda", meeting->agenda);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Minutes of the meeting of " + meeting->held_on.ToString(), "partnership_minutes", data);
}

}  // namespace

void RegisterMeetingRoutes(Router& router) {
    // Literal paths before the :meeting_id ones that would match them.
    router.Add("GET", "/groups/:id/meetings", Access::SignedIn(), RouteKind::kPage, ListMeetings);
    router.Add("GET", "/groups/:id/meetings/new", Access::SignedIn(), RouteKind::kPage, NewMeeting);
    router.Add("POST", "/groups/:id/meetings", Access::SignedIn(), RouteKind::kPage, CreateMeeting,
               RouteOptions::LongText({"minutes"}));
    router.Add("GET", "/groups/:id/meetings/:meeting_id", Access::SignedIn(), RouteKind::kPage, GetMeeting);
    router.Add("POST", "/groups/:id/meetings/:meeting_id", Access::SignedIn(), RouteKind::kPage, UpdateMeeting,
               RouteOptions::LongText({"minutes"}));
    router.Add("GET", "/groups/:id/meetings/:meeting_id/edit", Access::SignedIn(), RouteKind::kPage, EditMeeting);
    router.Add("POST", "/groups/:id/meetings/:meeting_id/actions", Access::SignedIn(), RouteKind::kPage, AddAction);
    router.Add("GET", "/groups/:id/actions", Access::SignedIn(), RouteKind::kPage, ListActions);
    router.Add("GET", "/groups/:id/actions/data.csv", Access::SignedIn(), RouteKind::kPage, ActionsCsv);
    router.Add("POST", "/groups/:id/actions/:action_id/status", Access::SignedIn(), RouteKind::kPage,
               UpdateActionStatus);
    router.Add("GET", "/groups/:id/minutes/:meeting_id", Access::Public(), RouteKind::kPage, PublicMinutes);
}

}  // namespace carevoice::web::partnership_pages
