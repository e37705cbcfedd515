#include "store/actions_repository.hpp"

#include <optional>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Action;

constexpr const char* kColumns =
    "id, group_id, meeting_id, audit_id, work_item_id, description, owner_person_id, due_on, status, closed_on";

Result<Action> ActionFrom(const Row& row) {
    RowReader r(row, "actions");
    Action a;
    a.id = r.Int(0);
    a.group_id = r.Int(1);
    a.meeting_id = r.OptInt(2);
    a.audit_id = r.OptInt(3);
    a.work_item_id = r.OptInt(4);
    a.description = r.Text(5);
    a.owner_person_id = r.OptInt(6);
    a.due_on = r.OptDate(7);
    a.status = r.Enum(8, partnership::kActionStatuses);
    a.closed_on = r.OptDate(9);
    if (!r.status().ok()) return r.status();
    return a;
}

// InvalidArgument naming `field` unless the row `id` of `table` belongs to the group.
Status RequireOfGroup(Connection& conn, const char* table, const std::optional<std::int64_t>& id, std::int64_t group_id,
                      const char* field) {
    if (!id) return Status::Ok();
    CV_ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT id FROM ") + table + " WHERE id = ? AND group_id = ?",
                                              {*id, group_id}));
    if (!rows.empty()) return Status::Ok();
    const std::string problem = std::to_string(*id) + " is not one of this group's";
    return Status::InvalidArgument(std::string("the action is not valid: ") + field + " " + problem,
                                   {{field, problem}});
}

}  // namespace

Status ActionsRepository::Check(const Action& action) {
    CV_RETURN_IF_ERROR(partnership::ValidateAction(action));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, action.group_id));
    CV_RETURN_IF_ERROR(RequireOfGroup(conn_, "meetings", action.meeting_id, action.group_id, "meeting_id"));
    CV_RETURN_IF_ERROR(RequireOfGroup(conn_, "environmental_audits", action.audit_id, action.group_id, "audit_id"));
    CV_RETURN_IF_ERROR(RequireOfGroup(conn_, "work_items", action.work_item_id, action.group_id, "work_item_id"));
    if (!action.owner_person_id) return Status::Ok();
    const std::int64_t owner[] = {*action.owner_person_id};
    return RequirePeopleOfGroup(conn_, action.group_id, owner, "owner_person_id");
}

Result<Action> ActionsRepository::Create(const Action& action, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(action));
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO actions (group_id, meeting_id, audit_id, work_item_id, description, "
                                 "owner_person_id, due_on, status, closed_on, created_at, updated_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 {action.group_id, OrNull(action.meeting_id), OrNull(action.audit_id),
                                  OrNull(action.work_item_id), action.description, OrNull(action.owner_person_id),
                                  OptDateValue(action.due_on), EnumValue(partnership::kActionStatuses, action.status),
                                  OptDateValue(action.closed_on), now, now}));
    Action created = action;
    created.id = row.Int(0);
    return created;
}

Result<Action> ActionsRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto actions, Load("id = ?", id));
    if (actions.empty()) return Status::NotFound("no action has the id " + std::to_string(id));
    return std::move(actions.front());
}

Result<std::vector<Action>> ActionsRepository::ListByGroup(std::int64_t group_id) {
    return Load("group_id = ?", group_id);
}

Result<std::vector<Action>> ActionsRepository::ListByMeeting(std::int64_t meeting_id) {
    return Load("meeting_id = ?", meeting_id);
}

Status ActionsRepository::Update(const Action& action, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(action));
    return RequireChanged(
        conn_.Execute("UPDATE actions SET meeting_id = ?, audit_id = ?, work_item_id = ?, description = ?, "
                      "owner_person_id = ?, due_on = ?, status = ?, closed_on = ?, updated_at = ? "
                      "WHERE id = ? AND group_id = ?",
                      {OrNull(action.meeting_id), OrNull(action.audit_id), OrNull(action.work_item_id),
                       action.description, OrNull(action.owner_person_id), OptDateValue(action.due_on),
                       EnumValue(partnership::kActionStatuses, action.status), OptDateValue(action.closed_on), now,
                       action.id, action.group_id}),
        "action of this group", action.id);
}

Status ActionsRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM actions WHERE id = ?", {id}), "action", id);
}

Result<std::vector<Action>> ActionsRepository::Load(const std::string& where, std::int64_t id) {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query(std::string("SELECT ") + kColumns + " FROM actions WHERE " + where + " ORDER BY id", {id}));
    std::vector<Action> out;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(Action action, ActionFrom(row));
        out.push_back(std::move(action));
    }
    return out;
}

}  // namespace carevoice::store
