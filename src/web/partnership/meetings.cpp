// Meetings of a partnership group and the actions that come out of them: the list of meetings, the
// form that records one (date, place or call, agenda, who came and who sent apologies, minutes in
// Markdown, decisions, whether the minutes are public), a meeting's page with its minutes rendered
// safely and its actions, the action list across meetings (overdue first, as a CSV too), and the
// public minutes page, which needs no sign-in and names only the people who agreed to be named. Minutes
// are published only once their text names nobody who has not agreed and gives no contact details
// (web/partnership/public_text.hpp).
//
// Members, analysts and admins read; the group's facilitators and chairs, and admins, record and
// change. Every change is written in one transaction with its audit entry.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "partnership/action_list.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "store/actions_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/public_text.hpp"
#include "web/partnership/warnings.hpp"
#include "web/render/markdown.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::Action;
using partnership::ActionStatus;
using partnership::Meeting;
using partnership::Person;

constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";
constexpr const char* kWhoReads = "members of the group, analysts and administrators";

std::string GroupBase(std::int64_t id) { return "/groups/" + std::to_string(id); }
std::string MeetingPath(std::int64_t group_id, std::int64_t meeting_id) {
    return GroupBase(group_id) + "/meetings/" + std::to_string(meeting_id);
}

std::map<std::int64_t, const Person*> ById(const std::vector<Person>& people) {
    std::map<std::int64_t, const Person*> out;
    for (const auto& p : people) out[p.id] = &p;
    return out;
}

std::string NameOfPerson(const std::map<std::int64_t, const Person*>& people, std::int64_t id) {
    auto it = people.find(id);
    return it == people.end() ? "(someone no longer recorded)" : it->second->name;
}

nlohmann::json Names(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, const Person*>& people) {
    nlohmann::json list = nlohmann::json::array();
    for (std::int64_t id : ids) list.push_back(NameOfPerson(people, id));
    return list;
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

// ---------------------------------------------------------------------------------------------
// The list of meetings

void ListMeetings(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReads);
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
// Recording or changing a meeting

enum class Attendance { kAbsent, kAttended, kApologies };

struct MeetingForm {
    DateInput held_on;
    std::string mode, place, agenda, minutes, decisions;
    bool minutes_public = false;
    std::map<std::int64_t, Attendance> attendance;
};

MeetingForm FormOf(const Meeting& m) {
    MeetingForm f;
    f.held_on = DateInputOf("held_on", m.held_on);
    f.mode = std::string(NameOf(partnership::kMeetingModes, m.mode));
    f.place = m.place;
    f.agenda = m.agenda;
    f.minutes = m.minutes;
    for (std::size_t at = 0; at < m.decisions.size(); ++at) f.decisions += (at ? "\n" : "") + m.decisions[at];
    f.minutes_public = m.minutes_public;
    for (std::int64_t id : m.attendees) f.attendance[id] = Attendance::kAttended;
    for (std::int64_t id : m.apologies) f.attendance[id] = Attendance::kApologies;
    return f;
}

// Textareas keep their text as typed (minutes are Markdown: leading spaces matter), less trailing space.
std::string Block(const RequestContext& ctx, const std::string& name) {
    std::string s = ctx.Param(name);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
    return s;
}

MeetingForm ReadMeetingForm(RequestContext& ctx, std::vector<FieldProblem>& problems) {
    MeetingForm f;
    f.held_on = ReadDateInput(ctx, "held_on");
    f.mode = ctx.Param("mode");
    f.place = std::string(text::Trim(ctx.Param("place")));
    f.agenda = Block(ctx, "agenda");
    f.minutes = Block(ctx, "minutes");
    f.decisions = Block(ctx, "decisions");
    f.minutes_public = ctx.Param("minutes_public") == "yes";
    // One radio group per person: attendance-<person id> = attended | apologies | absent.
    bool reported = false;
    for (const auto& [key, value] : ctx.req.params) {
        if (!text::StartsWith(key, "attendance-")) continue;
        auto id = text::ParseInt(std::string_view(key).substr(11));
        std::optional<Attendance> a;
        if (value == "attended") a = Attendance::kAttended;
        if (value == "apologies") a = Attendance::kApologies;
        if (value == "absent") a = Attendance::kAbsent;
        if (!id.ok() || !a) {
            if (!reported)
                problems.push_back({"attendance", "Choose whether each member came, sent apologies or neither"});
            reported = true;
            continue;
        }
        f.attendance[*id] = *a;
    }
    return f;
}

Meeting BuildMeeting(const MeetingForm& f, std::int64_t group_id, std::vector<FieldProblem>& problems) {
    Meeting m;
    m.group_id = group_id;
    if (auto d = ParseDateInput(f.held_on, "The date of the meeting", true, problems)) m.held_on = *d;
    if (auto mode = ParseName(partnership::kMeetingModes, f.mode)) {
        m.mode = *mode;
    } else {
        problems.push_back({"mode", "Choose whether the meeting was in person, by call or both"});
    }
    m.place = f.place;
    if (f.place.empty())
        problems.push_back({"place", "Enter where the meeting was held, or how people joined the call"});
    m.agenda = f.agenda;
    m.minutes = f.minutes;
    m.minutes_public = f.minutes_public;
    if (f.minutes_public && text::Trim(f.minutes).empty()) {
        problems.push_back({"minutes", "Enter the minutes before making them public, or untick \"publish\""});
    }
    for (std::string_view line : text::Split(f.decisions, '\n')) {
        const std::string_view decision = text::Trim(line);
        if (!decision.empty()) m.decisions.emplace_back(decision);
    }
    for (const auto& [id, a] : f.attendance) {
        if (a == Attendance::kAttended) m.attendees.push_back(id);
        if (a == Attendance::kApologies) m.apologies.push_back(id);
    }
    Status valid = partnership::ValidateMeeting(m);
    for (const auto& d : valid.details()) {
        std::string field = d.field;
        if (text::StartsWith(field, "attendees") || text::StartsWith(field, "apologies")) field = "attendance";
        if (text::StartsWith(field, "decisions")) field = "decisions";
        if (!HasProblem(problems, field)) problems.push_back({field, "The meeting " + field + " " + d.problem});
    }
    return m;
}

std::string MeetingFieldId(const std::string& field) {
    if (field == "held_on") return "held_on-day";
    if (field == "mode") return "mode-" + std::string(partnership::kMeetingModes[0].name);
    return field;
}

void ShowMeetingForm(RequestContext& ctx, const GroupStanding& standing, const std::optional<Meeting>& existing,
                     const MeetingForm& form, const std::vector<FieldProblem>& problems, int status,
                     const nlohmann::json& consent_preview = nullptr) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    const CivilDate today = ctx.app.clock().Today();
    nlohmann::json members = nlohmann::json::array();
    for (const auto& p : *people) {
        auto it = form.attendance.find(p.id);
        const Attendance a = it == form.attendance.end() ? Attendance::kAbsent : it->second;
        const bool member_then = existing && partnership::IsMemberOn(p, existing->held_on);
        if (!partnership::IsMemberOn(p, today) && !member_then && a == Attendance::kAbsent) continue;
        members.push_back({{"person_id", p.id},
                           {"person_name", p.name},
                           {"member_type", std::string(LabelOf(partnership::kMemberTypes, p.member_type))},
                           {"attended", a == Attendance::kAttended},
                           {"apologies", a == Attendance::kApologies},
                           {"absent", a == Attendance::kAbsent}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"is_new", !existing},
                           {"action", existing ? MeetingPath(g.id, existing->id) : GroupBase(g.id) + "/meetings"},
                           {"modes", Options(partnership::kMeetingModes, form.mode)},
                           {"place", form.place},
                           {"agenda", form.agenda},
                           {"minutes", form.minutes},
                           {"decisions", form.decisions},
                           {"minutes_public", form.minutes_public},
                           {"members", members},
                           {"has_members", !members.empty()}};
    AddErrors(data, problems, MeetingFieldId);
    if (!consent_preview.is_null()) data["consent_preview"] = consent_preview;
    data["held_on"] = DateFieldData("held_on", form.held_on, "Date of the meeting", "For example, 14 3 2026.",
                                    data.value("held_on_error", std::string()));
    data["breadcrumbs"] = Breadcrumbs(g, true);
    if (existing) {
        data["breadcrumbs"].push_back(
            {{"href", MeetingPath(g.id, existing->id)}, {"label", "Meeting of " + existing->held_on.ToString()}});
    }
    ctx.Page(existing ? "Change the meeting of " + existing->held_on.ToString() : "Record a meeting",
             "partnership_meeting_form", data, status);
}

void NewMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    MeetingForm form;
    form.held_on = DateInputOf("held_on", ctx.app.clock().Today());
    ShowMeetingForm(ctx, *standing, std::nullopt, form, {}, 200);
}

void EditMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    ShowMeetingForm(ctx, *standing, meeting, FormOf(*meeting), {}, 200);
}

// Problems the store found (an attendee who is not one of the group's people), for the form.
void AddStoreProblems(const Status& s, std::vector<FieldProblem>& problems) {
    for (const auto& d : s.details()) {
        const bool people = text::StartsWith(d.field, "attendees") || text::StartsWith(d.field, "apologies");
        problems.push_back({people ? "attendance" : "place",
                            people ? "Choose who came and who sent apologies from the group's members" : s.message()});
    }
    if (problems.empty()) problems.push_back({"place", s.message()});
}

Result<Meeting> SaveMeeting(RequestContext& ctx, Meeting meeting, bool is_new) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
    store::MeetingsRepository meetings(ctx.db());
    const std::int64_t now = ctx.app.clock().NowSeconds();
    if (is_new) {
        CV_ASSIGN_OR_RETURN(meeting, meetings.Create(meeting, now));
    } else {
        CV_RETURN_IF_ERROR(meetings.Update(meeting, now));
    }
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(),
                                        is_new ? "meeting.create" : "meeting.update", "meeting",
                                        std::to_string(meeting.id), "success"));
    CV_RETURN_IF_ERROR(tx.Commit());
    return meeting;
}

void WriteMeeting(RequestContext& ctx, const GroupStanding& standing, const std::optional<Meeting>& existing) {
    std::vector<FieldProblem> problems;
    MeetingForm form = ReadMeetingForm(ctx, problems);
    Meeting meeting = BuildMeeting(form, standing.group.id, problems);
    if (existing) meeting.id = existing->id;
    nlohmann::json preview;
    if (form.minutes_public) {  // everything the public minutes page shows
        const std::vector<PublicField> published = {{"place", "Where it was held", form.place},
                                                    {"agenda", "Agenda", form.agenda},
                                                    {"minutes", "Minutes", form.minutes},
                                                    {"decisions", "Decisions", form.decisions}};
        auto refused = RefuseUnlessPublishable(ctx, standing.group.id, published, PublishedContacts(standing.group),
                                               "minutes.publish_refused", "meeting",
                                               existing ? std::to_string(existing->id) : "new", problems);
        if (!refused.ok()) return ctx.Error(503, refused.status());
        preview = std::move(*refused);
    }
    if (!problems.empty()) return ShowMeetingForm(ctx, standing, existing, form, problems, 422, preview);
    auto saved = SaveMeeting(ctx, meeting, !existing);
    if (!saved.ok() && saved.status().code() == StatusCode::kInvalidArgument) {
        AddStoreProblems(saved.status(), problems);
        return ShowMeetingForm(ctx, standing, existing, form, problems, 422);
    }
    if (!saved.ok()) return ctx.Error(HttpStatusFor(saved.status()), saved.status());
    ctx.Redirect(MeetingPath(standing.group.id, saved->id),
                 (existing ? "Saved the meeting of " : "Recorded the meeting of ") + saved->held_on.ToString() +
                     (saved->minutes_public ? ". Its minutes are on the group's public page." : "."));
}

void CreateMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    WriteMeeting(ctx, *standing, std::nullopt);
}

void UpdateMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    WriteMeeting(ctx, *standing, meeting);
}

// ---------------------------------------------------------------------------------------------
// Actions: shown on a meeting's page and in the list across meetings

nlohmann::json StatusOptions(ActionStatus selected) {
    return Options(partnership::kActionStatuses, std::string(NameOf(partnership::kActionStatuses, selected)));
}

std::string Overdue(std::int64_t days) { return "Overdue by " + std::to_string(days) + (days == 1 ? " day" : " days"); }

nlohmann::json ActionJson(const partnership::ActionListEntry& e, const std::map<std::int64_t, const Person*>& people,
                          const std::map<std::int64_t, CivilDate>& meeting_dates, std::int64_t group_id,
                          const std::string& return_to) {
    const Action& a = e.action;
    nlohmann::json j = {{"action_id", a.id},
                        {"description", a.description},
                        {"owner", a.owner_person_id ? NameOfPerson(people, *a.owner_person_id) : "Nobody yet"},
                        {"due_on", a.due_on ? a.due_on->ToString() : "No date"},
                        {"status", std::string(LabelOf(partnership::kActionStatuses, a.status))},
                        {"is_open", a.status == ActionStatus::kOpen},
                        {"is_done", a.status == ActionStatus::kDone},
                        {"overdue", e.overdue},
                        {"overdue_text", e.overdue ? Overdue(e.days_overdue) : ""},
                        {"statuses", StatusOptions(a.status)},
                        {"status_action", GroupBase(group_id) + "/actions/" + std::to_string(a.id) + "/status"},
                        {"return_to", return_to}};
    if (a.closed_on) j["closed_on"] = a.closed_on->ToString();
    if (a.meeting_id) {
        auto it = meeting_dates.find(*a.meeting_id);
        if (it != meeting_dates.end()) {
            j["source"] = "Meeting of " + it->second.ToString();
            j["source_href"] = MeetingPath(group_id, *a.meeting_id);
        }
    } else if (a.audit_id) {
        j["source"] = "Environmental audit";
    } else if (a.work_item_id) {
        j["source"] = "Work programme";
    }
    return j;
}

// ---------------------------------------------------------------------------------------------
// A meeting's page

struct ActionForm {
    std::string description, owner, status = "open";
    DateInput due_on;
};

void ShowMeeting(RequestContext& ctx, const GroupStanding& standing, const Meeting& m, const ActionForm& form,
                 const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto actions = store::ActionsRepository(ctx.db()).ListByMeeting(m.id);
    auto warnings = LoadTorWarnings(ctx, g.id);
    if (!people.ok() || !actions.ok() || !warnings.ok()) {
        return ctx.Error(503, Status::Unavailable("the meeting cannot be read now"));
    }
    const auto by_id = ById(*people);
    const CivilDate today = ctx.app.clock().Today();
    const std::map<std::int64_t, CivilDate> dates = {{m.id, m.held_on}};
    nlohmann::json action_list = nlohmann::json::array();
    for (const auto& e : partnership::OrderActionList(*actions, today)) {
        action_list.push_back(ActionJson(e, by_id, dates, g.id, "meeting"));
    }
    nlohmann::json owners = nlohmann::json::array();
    owners.push_back({{"value", ""}, {"label", "Nobody yet"}, {"selected", form.owner.empty()}});
    for (const auto& p : *people) {
        if (!partnership::IsMemberOn(p, today)) continue;
        const std::string id = std::to_string(p.id);
        owners.push_back({{"value", id}, {"label", p.name}, {"selected", form.owner == id}});
    }
    nlohmann::json meeting_warnings = WarningsJson(warnings->warnings, g.id, [&](const partnership::TorWarning& w) {
        return IsMeetingWarning(w) && w.meeting_id == m.id;
    });
    for (auto& w : meeting_warnings) w.erase("href");  // already on the meeting's page
    nlohmann::json data = {{"id", g.id},
                           {"meeting_id", m.id},
                           {"group_name", g.name},
                           {"held_on", m.held_on.ToString()},
                           {"held", m.held_on <= today},
                           {"mode", std::string(LabelOf(partnership::kMeetingModes, m.mode))},
                           {"place", m.place},
                           {"minutes_html", MarkdownToSafeHtml(m.minutes)},
                           {"has_minutes", !text::Trim(m.minutes).empty()},
                           {"minutes_public", m.minutes_public},
                           {"public_href", GroupBase(g.id) + "/minutes/" + std::to_string(m.id)},
                           {"decisions", m.decisions},
                           {"has_decisions", !m.decisions.empty()},
                           {"attendees", Names(m.attendees, by_id)},
                           {"attended", m.attendees.size()},
                           {"one_attended", m.attendees.size() == 1},
                           {"has_attendees", !m.attendees.empty()},
                           {"apologies", Names(m.apologies, by_id)},
                           {"has_apologies", !m.apologies.empty()},
                           {"warnings", meeting_warnings},
                           {"has_warnings", !meeting_warnings.empty()},
                           {"actions", action_list},
                           {"has_actions", !action_list.empty()},
                           {"may_manage", standing.MayManage()},
                           {"edit_href", MeetingPath(g.id, m.id) + "/edit"},
                           {"description", form.description},
                           {"owners", owners},
                           {"new_statuses", Options(partnership::kActionStatuses, form.status)}};
    SetText(data, "agenda", m.agenda);
    AddErrors(data, problems,
              [](const std::string& field) { return field == "due_on" ? std::string("due_on-day") : field; });
    data["due_on"] = DateFieldData("due_on", form.due_on, "When is it due? (optional)", "For example, 30 4 2026.",
                                   data.value("due_on_error", std::string()));
    data["breadcrumbs"] = Breadcrumbs(g, true);
    ctx.Page("Meeting of " + m.held_on.ToString(), "partnership_meeting", data, status);
}

void GetMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    ShowMeeting(ctx, *standing, *meeting, {}, {}, 200);
}

Status SaveAction(RequestContext& ctx, const Action& action, const std::string& audit_action) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
    store::ActionsRepository actions(ctx.db());
    std::int64_t id = action.id;
    if (audit_action == "action.create") {
        CV_ASSIGN_OR_RETURN(auto created, actions.Create(action, ctx.app.clock().NowSeconds()));
        id = created.id;
    } else {
        CV_RETURN_IF_ERROR(actions.Update(action, ctx.app.clock().NowSeconds()));
    }
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), audit_action, "action",
                                        std::to_string(id), "success"));
    return tx.Commit();
}

void AddAction(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    ActionForm form{std::string(text::Trim(ctx.Param("description"))), ctx.Param("owner"), ctx.Param("status"),
                    ReadDateInput(ctx, "due_on")};
    std::vector<FieldProblem> problems;
    Action a;
    a.group_id = standing->group.id;
    a.meeting_id = meeting->id;
    a.description = form.description;
    if (form.description.empty()) problems.push_back({"description", "Enter what needs to be done"});
    if (!form.owner.empty()) {
        auto owner = text::ParseInt(form.owner);
        if (owner.ok()) {
            a.owner_person_id = *owner;
        } else {
            problems.push_back({"owner", "Choose who will do it from the list"});
        }
    }
    a.due_on = ParseDateInput(form.due_on, "The date it is due", false, problems);
    if (auto s = ParseName(partnership::kActionStatuses, form.status)) {
        a.status = *s;
        if (a.status != ActionStatus::kOpen) a.closed_on = ctx.app.clock().Today();
    } else {
        problems.push_back({"status", "Choose whether the action is open, done or dropped"});
    }
    if (!problems.empty()) return ShowMeeting(ctx, *standing, *meeting, form, problems, 422);
    Status saved = SaveAction(ctx, a, "action.create");
    if (saved.code() == StatusCode::kInvalidArgument) {
        problems.push_back({"owner", "Choose who will do it from the group's members"});
        return ShowMeeting(ctx, *standing, *meeting, form, problems, 422);
    }
    if (!saved.ok()) return ctx.Error(HttpStatusFor(saved), saved);
    ctx.Redirect(MeetingPath(standing->group.id, meeting->id) + "#actions",
                 "Added the action \"" + a.description + "\".");
}

// ---------------------------------------------------------------------------------------------
// The action list across meetings

bool ShowAll(const RequestContext& ctx) { return ctx.Param("show") == "all"; }

struct LoadedActions {
    std::vector<partnership::ActionListEntry> entries;
    std::vector<Person> people;
    std::map<std::int64_t, CivilDate> meeting_dates;
};

Result<LoadedActions> LoadActions(RequestContext& ctx, std::int64_t group_id, bool all) {
    LoadedActions out;
    CV_ASSIGN_OR_RETURN(auto actions, store::ActionsRepository(ctx.db()).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(out.people, store::PeopleRepository(ctx.db()).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(auto meetings, store::MeetingsRepository(ctx.db()).ListByGroup(group_id));
    for (const auto& m : meetings) out.meeting_dates[m.id] = m.held_on;
    for (auto& e : partnership::OrderActionList(actions, ctx.app.clock().Today())) {
        if (all || e.action.status == ActionStatus::kOpen) out.entries.push_back(std::move(e));
    }
    return out;
}

void ListActions(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return;
    const auto& g = standing->group;
    const bool all = ShowAll(ctx);
    auto loaded = LoadActions(ctx, g.id, all);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    const auto by_id = ById(loaded->people);
    nlohmann::json list = nlohmann::json::array();
    int overdue = 0;
    for (const auto& e : loaded->entries) {
        list.push_back(ActionJson(e, by_id, loaded->meeting_dates, g.id, all ? "all" : "open"));
        overdue += e.overdue ? 1 : 0;
    }
    const std::string base = GroupBase(g.id) + "/actions";
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"actions", list},
                           {"has_actions", !list.empty()},
                           {"overdue", overdue},
                           {"has_overdue", overdue > 0},
                           {"show_all", all},
                           {"open_href", base},
                           {"all_href", base + "?show=all"},
                           {"csv_href", base + "/data.csv" + (all ? "?show=all" : "")},
                           {"may_manage", standing->MayManage()},
                           {"breadcrumbs", Breadcrumbs(g, false)}};
    ctx.Page("Actions: " + g.name, "partnership_actions", data);
}

void ActionsCsv(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return;
    const auto& g = standing->group;
    const bool all = ShowAll(ctx);
    auto loaded = LoadActions(ctx, g.id, all);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    const auto by_id = ById(loaded->people);
    std::string out =
        csv::Row({"action_id", "description", "from", "owner", "due_on", "status", "days_overdue", "closed_on"});
    for (const auto& e : loaded->entries) {
        const Action& a = e.action;
        std::string from;
        if (a.meeting_id && loaded->meeting_dates.count(*a.meeting_id)) {
            from = "meeting " + loaded->meeting_dates.at(*a.meeting_id).ToString();
        } else if (a.audit_id) {
            from = "environmental audit";
        } else if (a.work_item_id) {
            from = "work programme";
        }
        out +=
            csv::Row({std::to_string(a.id), a.description, from,
                      a.owner_person_id ? NameOfPerson(by_id, *a.owner_person_id) : "",
                      a.due_on ? a.due_on->ToString() : "", std::string(NameOf(partnership::kActionStatuses, a.status)),
                      e.overdue ? std::to_string(e.days_overdue) : "", a.closed_on ? a.closed_on->ToString() : ""});
    }
    ctx.Csv("carevoice-group-" + std::to_string(g.id) + (all ? "-all" : "-open") + "-actions.csv", out);
}

void UpdateActionStatus(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    const auto& g = standing->group;
    auto id = text::ParseInt(ctx.params["action_id"]);
    auto action =
        id.ok() ? store::ActionsRepository(ctx.db()).Find(*id) : Result<Action>(Status::NotFound("no such action"));
    if (!action.ok() || action->group_id != g.id) {
        return ctx.Error(404, Status::NotFound("this group has no such action"));
    }
    // Where to go back to: the meeting's page or the list it was changed from (never a path from the form).
    const std::string return_to = ctx.Param("return_to");
    std::string back = GroupBase(g.id) + "/actions" + (return_to == "all" ? "?show=all" : "");
    if (return_to == "meeting" && action->meeting_id) back = MeetingPath(g.id, *action->meeting_id) + "#actions";
    auto status = ParseName(partnership::kActionStatuses, ctx.Param("status"));
    if (!status) {
        return ctx.Error(422, "invalid_argument", "Choose whether the action is open, done or dropped.",
                         {{"status", "must be open, done or dropped"}});
    }
    if (*status == action->status)
        return ctx.Redirect(
            back, "The action was already " + text::ToLower(LabelOf(partnership::kActionStatuses, *status)) + ".");
    action->status = *status;
    action->closed_on = *status == ActionStatus::kOpen ? std::nullopt : std::optional(ctx.app.clock().Today());
    Status saved = SaveAction(ctx, *action, "action.update");
    if (!saved.ok()) return ctx.Error(HttpStatusFor(saved), saved);
    ctx.Redirect(back, "Marked \"" + action->description + "\" as " +
                           text::ToLower(LabelOf(partnership::kActionStatuses, *status)) + ".");
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
