// Actions of a partnership group: a meeting's page with its minutes rendered safely and the actions
// agreed at it, adding an action, the action list across meetings (overdue first, as a CSV too), and
// changing an action's status. Every change is written in one transaction with its audit entry.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

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
#include "web/partnership/meetings.hpp"
#include "web/partnership/warnings.hpp"
#include "web/render/markdown.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::Action;
using partnership::ActionStatus;
using partnership::Meeting;
using partnership::Person;

std::string NameOfPerson(const std::map<std::int64_t, const Person*>& people, std::int64_t id) {
    auto it = people.find(id);
    return it == people.end() ? "(someone no longer recorded)" : it->second->name;
}

nlohmann::json Names(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, const Person*>& people) {
    nlohmann::json list = nlohmann::json::array();
    for (std::int64_t id : ids) list.push_back(NameOfPerson(people, id));
    return list;
}

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

}  // namespace

void GetMeeting(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReadsMeetings);
    if (!standing) return;
    auto meeting = LoadMeeting(ctx, standing->group.id);
    if (!meeting) return;
    ShowMeeting(ctx, *standing, *meeting, {}, {}, 200);
}

void AddAction(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
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

void ListActions(RequestContext& ctx) {
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReadsMeetings);
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
    auto standing = Standing(ctx, &GroupStanding::MayRead, kWhoReadsMeetings);
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
    auto standing = Standing(ctx, &GroupStanding::MayManage, kWhoManagesMeetings);
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

}  // namespace carevoice::web::partnership_pages
