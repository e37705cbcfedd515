// Recording or changing a meeting of a partnership group: the form (date, place or call, agenda, who
// came and who sent apologies, minutes in Markdown, decisions, whether the minutes are public), its
// checks, and saving it in one transaction with its audit entry. Minutes are published only once their
// text names nobody who has not agreed and gives no contact details (web/partnership/public_text.hpp).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/meetings.hpp"
#include "web/partnership/public_text.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::Meeting;
using partnership::Person;

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

}  // namespace

void NewMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
    if (!standing) return;
    MeetingForm form;
    form.held_on = DateInputOf("held_on", ctx.app.clock().Today());
    ShowMeetingForm(ctx, *standing, std::nullopt, form, {}, 200);
}

void EditMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    ShowMeetingForm(ctx, *standing, meeting, FormOf(*meeting), {}, 200);
}

void CreateMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
    if (!standing) return;
    WriteMeeting(ctx, *standing, std::nullopt);
}

void UpdateMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    WriteMeeting(ctx, *standing, meeting);
}

}  // namespace carevoice::web::partnership_pages
