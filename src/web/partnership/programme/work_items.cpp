// Work items of the yearly programme: add and change one (a SMART aim, an owner, the people, systems and
// funding it needs, milestones and a deadline), and the year's items as CSV. Facilitators, chairs and
// admins manage them; members and analysts read them on the programme page.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr int kBlankMilestoneRows = 2;  // empty rows offered after the item's milestones
constexpr int kMinMilestoneRows = 3;
constexpr int kMaxMilestoneRows = 20;

struct MilestoneRow {
    std::string description;
    DateInput due, done;
};

struct WorkItemForm {
    std::string title, smart_aim, owner_person_id, priority_id, people_needed, systems_needed, funding_needed, status;
    DateInput deadline;
    std::vector<MilestoneRow> milestones;
};

WorkItemForm FormOf(const partnership::WorkItem& w) {
    WorkItemForm f{w.title,
                   w.smart_aim,
                   w.owner_person_id ? std::to_string(*w.owner_person_id) : "",
                   w.priority_id ? std::to_string(*w.priority_id) : "",
                   w.people_needed,
                   w.systems_needed,
                   w.funding_needed,
                   std::string(NameOf(partnership::kWorkItemStatuses, w.status)),
                   DateInputOf("deadline", w.id == 0 ? std::nullopt : std::optional(w.deadline)),
                   {}};
    for (const auto& m : w.milestones)
        f.milestones.push_back({m.description, DateInputOf("", m.due_on), DateInputOf("", m.done_on)});
    return f;
}

WorkItemForm ReadForm(const RequestContext& ctx) {
    auto trimmed = [&](const char* name) { return std::string(text::Trim(ctx.Param(name))); };
    WorkItemForm f{trimmed("title"),
                   trimmed("smart_aim"),
                   trimmed("owner_person_id"),
                   trimmed("priority_id"),
                   trimmed("people_needed"),
                   trimmed("systems_needed"),
                   trimmed("funding_needed"),
                   trimmed("status"),
                   ReadDateInput(ctx, "deadline"),
                   {}};
    auto rows = text::ParseInt(ctx.Param("milestone_rows"));
    const int n = rows.ok() ? static_cast<int>(std::clamp<long long>(*rows, 0, kMaxMilestoneRows)) : 0;
    for (int i = 0; i < n; ++i) {
        const std::string base = "milestone-" + std::to_string(i);
        f.milestones.push_back({std::string(text::Trim(ctx.Param(base + "-description"))),
                                ReadDateInput(ctx, base + "-due"), ReadDateInput(ctx, base + "-done")});
    }
    return f;
}

// The element a problem's field is shown at.
std::string FieldId(const std::string& field) {
    if (field == "deadline") return "deadline-day";
    if (field == "status") return "status-planned";
    if (field.size() > 4 && field.substr(field.size() - 4) == "-due") return field + "-day";
    if (field.size() > 5 && field.substr(field.size() - 5) == "-done") return field + "-day";
    return field;
}

void RenderForm(RequestContext& ctx, const GroupStanding& standing, int year, std::int64_t item_id, WorkItemForm form,
                const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto priorities = store::PrioritiesRepository(ctx.db()).ListPriorities(g.id, year);
    if (!people.ok() || !priorities.ok()) return ctx.Error(503, Status::Unavailable("The group cannot be read now."));
    const CivilDate today = ctx.app.clock().Today();
    nlohmann::json owners = nlohmann::json::array();
    owners.push_back({{"value", ""}, {"label", "Nobody yet"}, {"selected", form.owner_person_id.empty()}});
    for (const auto& p : *people) {
        const std::string id = std::to_string(p.id);
        if (!partnership::IsMemberOn(p, today) && id != form.owner_person_id) continue;
        owners.push_back({{"value", id}, {"label", p.name}, {"selected", id == form.owner_person_id}});
    }
    nlohmann::json candidates = nlohmann::json::array();
    candidates.push_back({{"value", ""}, {"label", "None"}, {"selected", form.priority_id.empty()}});
    for (const auto& p : *priorities) {
        const std::string id = std::to_string(p.id);
        candidates.push_back({{"value", id}, {"label", p.title}, {"selected", id == form.priority_id}});
    }
    if (form.status.empty()) form.status = "planned";
    const int rows = std::clamp(static_cast<int>(form.milestones.size()) + (status == 200 ? kBlankMilestoneRows : 0),
                                kMinMilestoneRows, kMaxMilestoneRows);
    form.milestones.resize(static_cast<std::size_t>(rows));
    std::map<std::string, std::string> errors;
    for (const auto& p : problems) errors.emplace(p.field, p.problem);
    auto error_of = [&](const std::string& field) { return errors.contains(field) ? errors.at(field) : ""; };
    nlohmann::json milestones = nlohmann::json::array();
    for (int i = 0; i < rows; ++i) {
        const auto& m = form.milestones[static_cast<std::size_t>(i)];
        const std::string base = "milestone-" + std::to_string(i);
        nlohmann::json row = {{"number", i + 1},
                              {"field", base + "-description"},
                              {"description", m.description},
                              {"due", DateFieldData(base + "-due", m.due, "Due", "", error_of(base + "-due"))},
                              {"done", DateFieldData(base + "-done", m.done, "Done (leave empty until it is)", "",
                                                     error_of(base + "-done"))}};
        if (auto e = error_of(base + "-description"); !e.empty()) row["error"] = e;
        milestones.push_back(row);
    }
    const std::string action = item_id == 0 ? GroupPathOf(g.id, "/programme/work-items")
                                            : GroupPathOf(g.id, "/programme/work-items/" + std::to_string(item_id));
    nlohmann::json data = {
        {"id", g.id},
        {"group_name", g.name},
        {"year", year},
        {"editing", item_id != 0},
        {"action", action},
        {"title", form.title},
        {"smart_aim", form.smart_aim},
        {"people_needed", form.people_needed},
        {"systems_needed", form.systems_needed},
        {"funding_needed", form.funding_needed},
        {"owners", owners},
        {"candidates", candidates},
        {"statuses", Options(partnership::kWorkItemStatuses, form.status)},
        {"deadline", DateFieldData("deadline", form.deadline, "Deadline", "For example, 31 12 " + std::to_string(year),
                                   error_of("deadline"))},
        {"milestones", milestones},
        {"milestone_rows", rows},
        {"programme_href", ProgrammePath(g.id, year, "#work-items")}};
    AddErrors(data, problems, FieldId);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back(
        {{"href", ProgrammePath(g.id, year)}, {"label", "Work programme " + std::to_string(year)}});
    ctx.Page(item_id == 0 ? "Add a work item" : "Change a work item", "partnership_work_item", data, status);
}

// Builds the item from the form; problems name each field (by its element's name) that is wrong.
partnership::WorkItem BuildItem(const WorkItemForm& form, std::int64_t group_id, int year,
                                std::vector<FieldProblem>& problems) {
    partnership::WorkItem w;
    w.group_id = group_id;
    w.programme_year = year;
    w.title = form.title;
    w.smart_aim = form.smart_aim;
    w.people_needed = form.people_needed;
    w.systems_needed = form.systems_needed;
    w.funding_needed = form.funding_needed;
    if (w.title.empty()) problems.push_back({"title", "Enter the work item's title"});
    if (w.smart_aim.empty()) {
        problems.push_back({"smart_aim", "Enter the aim: what will change, for whom, by how much and by when"});
    }
    if (!form.owner_person_id.empty()) {
        auto id = text::ParseInt(form.owner_person_id);
        if (id.ok())
            w.owner_person_id = *id;
        else
            problems.push_back({"owner_person_id", "Choose the owner from the list"});
    }
    if (!form.priority_id.empty()) {
        auto id = text::ParseInt(form.priority_id);
        if (id.ok())
            w.priority_id = *id;
        else
            problems.push_back({"priority_id", "Choose the priority from the list"});
    }
    if (auto s = ParseName(partnership::kWorkItemStatuses, form.status)) {
        w.status = *s;
    } else {
        problems.push_back({"status", "Choose the work item's status"});
    }
    auto deadline = ParseDateInput(form.deadline, "the deadline", true, problems);
    if (deadline) w.deadline = *deadline;
    for (std::size_t i = 0; i < form.milestones.size(); ++i) {
        const auto& m = form.milestones[i];
        const std::string base = "milestone-" + std::to_string(i);
        if (m.description.empty() && m.due.empty() && m.done.empty()) continue;
        const std::string what = "milestone " + std::to_string(i + 1);
        if (m.description.empty()) problems.push_back({base + "-description", "Describe " + what});
        auto due = ParseDateInput(m.due, "the date " + what + " is due", true, problems);
        auto done = ParseDateInput(m.done, "the date " + what + " was done", false, problems);
        if (due) w.milestones.push_back({m.description, *due, done});
    }
    if (problems.empty()) {
        // What only the whole record shows (a milestone after the deadline), in the form's words.
        Status valid = partnership::ValidateWorkItem(w);
        for (const auto& d : valid.details()) {
            std::string field = d.field;
            std::string message = d.field + " " + d.problem;
            if (field.rfind("milestones[", 0) == 0) {
                const std::size_t close = field.find(']');
                const std::string index = field.substr(11, close - 11);
                const bool due = field.find(".due_on") != std::string::npos;
                std::size_t row = 0, seen = 0;
                for (std::size_t i = 0; i < form.milestones.size(); ++i) {
                    const auto& m = form.milestones[i];
                    if (m.description.empty() && m.due.empty() && m.done.empty()) continue;
                    if (std::to_string(seen++) == index) row = i;
                }
                const std::string base = "milestone-" + std::to_string(row);
                field = base + (due ? "-due" : "-description");
                message =
                    "Milestone " + std::to_string(row + 1) + (due ? "'s due date " : "'s description ") + d.problem;
            } else if (field == "title" || field == "smart_aim") {
                message = (field == "title" ? "The title " : "The aim ") + d.problem;
            } else {
                field = "title";
            }
            AddProblem(problems, {field, message});
        }
    }
    return w;
}

std::optional<GroupStanding> BeginManage(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManagesProgramme);
    if (!standing) return std::nullopt;
    return std::move(*standing);
}

// The work item of the path, if it is the group's.
std::optional<partnership::WorkItem> LoadItem(RequestContext& ctx, const GroupStanding& standing) {
    auto id = text::ParseInt(ctx.params["item_id"]);
    auto item = id.ok() ? store::WorkItemsRepository(ctx.db()).Find(*id)
                        : Result<partnership::WorkItem>(Status::NotFound("no such work item"));
    if (!item.ok() || item->group_id != standing.group.id) {
        ctx.Error(404, Status::NotFound("this group has no such work item"));
        return std::nullopt;
    }
    return std::move(*item);
}

void NewItem(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) return ctx.Error(422, year.status());
    RenderForm(ctx, *standing, *year, 0, {}, {}, 200);
}

// Writes the item (create when id is 0) with its audit entry in one transaction. Problems the store
// finds (an owner or priority not of the group) come back as field problems, with nothing written.
Status Save(RequestContext& ctx, partnership::WorkItem& item, std::vector<FieldProblem>& problems) {
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return tx.status();
    store::WorkItemsRepository items(ctx.db());
    const bool creating = item.id == 0;
    if (creating) {
        auto created = items.Create(item, ctx.app.clock().NowSeconds());
        if (!created.ok()) {
            if (created.status().code() != StatusCode::kInvalidArgument) return created.status();
            for (const auto& d : created.status().details()) {
                const bool owner = d.field.find("owner") != std::string::npos;
                problems.push_back(
                    {owner ? "owner_person_id" : "priority_id", owner ? "Choose the owner from the group's members"
                                                                      : "Choose a priority of this year's candidates"});
            }
            if (problems.empty()) problems.push_back({"title", created.status().message()});
            return Status::Ok();
        }
        item = *created;
    } else {
        Status s = items.Update(item, ctx.app.clock().NowSeconds());
        if (!s.ok()) {
            if (s.code() != StatusCode::kInvalidArgument) return s;
            for (const auto& d : s.details()) {
                const bool owner = d.field.find("owner") != std::string::npos;
                problems.push_back(
                    {owner ? "owner_person_id" : "priority_id", owner ? "Choose the owner from the group's members"
                                                                      : "Choose a priority of this year's candidates"});
            }
            if (problems.empty()) problems.push_back({"title", s.message()});
            return Status::Ok();
        }
    }
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(),
                                        creating ? "work_item.create" : "work_item.update", "work_item",
                                        std::to_string(item.id), "success"));
    return tx->Commit();
}

void CreateItem(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) return ctx.Error(422, year.status());
    const WorkItemForm form = ReadForm(ctx);
    std::vector<FieldProblem> problems;
    partnership::WorkItem item = BuildItem(form, standing->group.id, *year, problems);
    if (problems.empty()) {
        if (Status s = Save(ctx, item, problems); !s.ok()) return ctx.Error(HttpStatusFor(s), s);
    }
    if (!problems.empty()) return RenderForm(ctx, *standing, *year, 0, form, problems, 422);
    ctx.Redirect(ProgrammePath(standing->group.id, *year, "#work-items"),
                 "Added the work item \"" + item.title + "\".");
}

void EditItem(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    auto item = LoadItem(ctx, *standing);
    if (!item) return;
    RenderForm(ctx, *standing, item->programme_year, item->id, FormOf(*item), {}, 200);
}

void UpdateItem(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    auto existing = LoadItem(ctx, *standing);
    if (!existing) return;
    const WorkItemForm form = ReadForm(ctx);
    std::vector<FieldProblem> problems;
    partnership::WorkItem item = BuildItem(form, standing->group.id, existing->programme_year, problems);
    item.id = existing->id;
    if (problems.empty()) {
        if (Status s = Save(ctx, item, problems); !s.ok()) return ctx.Error(HttpStatusFor(s), s);
    }
    if (!problems.empty())
        return RenderForm(ctx, *standing, existing->programme_year, existing->id, form, problems, 422);
    ctx.Redirect(ProgrammePath(standing->group.id, existing->programme_year, "#work-items"),
                 "Saved the work item \"" + item.title + "\".");
}

void ItemsCsv(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReadsProgramme);
    if (!standing) return;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) return ctx.Error(422, year.status());
    auto items = store::WorkItemsRepository(ctx.db()).ListByGroup(standing->group.id, *year);
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(standing->group.id);
    auto priorities = store::PrioritiesRepository(ctx.db()).ListPriorities(standing->group.id, *year);
    if (!items.ok() || !people.ok() || !priorities.ok()) {
        return ctx.Error(503, Status::Unavailable("The work programme cannot be read now."));
    }
    std::string out =
        csv::Row({"programme_year", "title", "smart_aim", "owner", "priority", "people_needed", "systems_needed",
                  "funding_needed", "deadline", "status", "milestones", "milestones_done"});
    for (const auto& w : *items) {
        std::string owner, priority;
        for (const auto& p : *people) {
            if (w.owner_person_id && p.id == *w.owner_person_id) owner = p.name;
        }
        for (const auto& p : *priorities) {
            if (w.priority_id && p.id == *w.priority_id) priority = p.title;
        }
        int done = 0;
        for (const auto& m : w.milestones) done += m.done_on ? 1 : 0;
        out += csv::Row({std::to_string(w.programme_year), w.title, w.smart_aim, owner, priority, w.people_needed,
                         w.systems_needed, w.funding_needed, w.deadline.ToString(),
                         std::string(NameOf(partnership::kWorkItemStatuses, w.status)),
                         std::to_string(w.milestones.size()), std::to_string(done)});
    }
    ctx.Csv("carevoice-work-items-" + std::to_string(standing->group.id) + "-" + std::to_string(*year) + ".csv", out);
}

}  // namespace

void RegisterWorkItemRoutes(Router& router) {
    router.Add("GET", "/groups/:id/programme/work-items/new", Access::SignedIn(), RouteKind::kPage, NewItem);
    router.Add("POST", "/groups/:id/programme/work-items", Access::SignedIn(), RouteKind::kPage, CreateItem);
    router.Add("GET", "/groups/:id/programme/work-items.csv", Access::SignedIn(), RouteKind::kPage, ItemsCsv);
    router.Add("GET", "/groups/:id/programme/work-items/:item_id", Access::SignedIn(), RouteKind::kPage, EditItem);
    router.Add("POST", "/groups/:id/programme/work-items/:item_id", Access::SignedIn(), RouteKind::kPage, UpdateItem);
}

}  // namespace carevoice::web::partnership_pages
