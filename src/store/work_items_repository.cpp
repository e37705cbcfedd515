#include "store/work_items_repository.hpp"

#include <map>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::AnnualReview;
using partnership::WorkItem;

constexpr const char* kColumns =
    "id, group_id, programme_year, priority_id, title, smart_aim, owner_person_id, people_needed, systems_needed, "
    "funding_needed, deadline, status";

Result<WorkItem> ItemFrom(const Row& row) {
    RowReader r(row, "work_items");
    WorkItem w;
    w.id = r.Int(0);
    w.group_id = r.Int(1);
    w.programme_year = static_cast<int>(r.Int(2));
    w.priority_id = r.OptInt(3);
    w.title = r.Text(4);
    w.smart_aim = r.Text(5);
    w.owner_person_id = r.OptInt(6);
    w.people_needed = r.Text(7);
    w.systems_needed = r.Text(8);
    w.funding_needed = r.Text(9);
    w.deadline = r.Date(10);
    w.status = r.Enum(11, partnership::kWorkItemStatuses);
    if (!r.status().ok()) return r.status();
    return w;
}

}  // namespace

Status WorkItemsRepository::Check(const WorkItem& item) {
    CV_RETURN_IF_ERROR(partnership::ValidateWorkItem(item));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, item.group_id));
    if (item.owner_person_id) {
        const std::int64_t owner[] = {*item.owner_person_id};
        CV_RETURN_IF_ERROR(RequirePeopleOfGroup(conn_, item.group_id, owner, "owner_person_id"));
    }
    if (item.priority_id) {
        CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id FROM candidate_priorities WHERE id = ? AND group_id = ?",
                                                   {*item.priority_id, item.group_id}));
        if (rows.empty()) {
            const std::string problem = std::to_string(*item.priority_id) + " is not one of this group's priorities";
            return Status::InvalidArgument("the work item is not valid: priority_id " + problem,
                                           {{"priority_id", problem}});
        }
    }
    return Status::Ok();
}

Result<WorkItem> WorkItemsRepository::Create(const WorkItem& item, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(item));
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO work_items (group_id, programme_year, priority_id, title, smart_aim, "
                                 "owner_person_id, people_needed, systems_needed, funding_needed, deadline, "
                                 "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                 "RETURNING id",
                                 {item.group_id, IntValue(item.programme_year), OrNull(item.priority_id), item.title,
                                  item.smart_aim, OrNull(item.owner_person_id), item.people_needed, item.systems_needed,
                                  item.funding_needed, DateValue(item.deadline),
                                  EnumValue(partnership::kWorkItemStatuses, item.status), now, now}));
    WorkItem created = item;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(WriteMilestones(created));
    return created;
}

Result<WorkItem> WorkItemsRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto items, Load("id = ?", {id}));
    if (items.empty()) return Status::NotFound("no work item has the id " + std::to_string(id));
    return std::move(items.front());
}

Result<std::vector<WorkItem>> WorkItemsRepository::ListByGroup(std::int64_t group_id,
                                                               std::optional<int> programme_year) {
    if (programme_year) return Load("group_id = ? AND programme_year = ?", {group_id, IntValue(*programme_year)});
    return Load("group_id = ?", {group_id});
}

Status WorkItemsRepository::Update(const WorkItem& item, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(item));
    CV_RETURN_IF_ERROR(RequireChanged(
        conn_.Execute("UPDATE work_items SET programme_year = ?, priority_id = ?, title = ?, smart_aim = ?, "
                      "owner_person_id = ?, people_needed = ?, systems_needed = ?, funding_needed = ?, deadline = ?, "
                      "status = ?, updated_at = ? WHERE id = ? AND group_id = ?",
                      {IntValue(item.programme_year), OrNull(item.priority_id), item.title, item.smart_aim,
                       OrNull(item.owner_person_id), item.people_needed, item.systems_needed, item.funding_needed,
                       DateValue(item.deadline), EnumValue(partnership::kWorkItemStatuses, item.status), now, item.id,
                       item.group_id}),
        "work item of this group", item.id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM work_item_milestones WHERE work_item_id = ?", {item.id}).status());
    return WriteMilestones(item);
}

Status WorkItemsRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM work_items WHERE id = ?", {id}), "work item", id);
}

Status WorkItemsRepository::WriteMilestones(const WorkItem& item) {
    for (std::size_t at = 0; at < item.milestones.size(); ++at) {
        const partnership::Milestone& m = item.milestones[at];
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO work_item_milestones (work_item_id, position, description, "
                                        "due_on, done_on) VALUES (?, ?, ?, ?, ?)",
                                        {item.id, static_cast<std::int64_t>(at), m.description, DateValue(m.due_on),
                                         OptDateValue(m.done_on)})
                               .status());
    }
    return Status::Ok();
}

Result<std::vector<WorkItem>> WorkItemsRepository::Load(const std::string& where, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string("SELECT ") + kColumns + " FROM work_items WHERE " + where +
                                                   " ORDER BY deadline, id",
                                               params));
    std::vector<WorkItem> items;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(WorkItem item, ItemFrom(row));
        index[item.id] = items.size();
        items.push_back(std::move(item));
    }
    if (items.empty()) return items;
    CV_ASSIGN_OR_RETURN(auto milestones,
                        conn_.Query("SELECT work_item_id, description, due_on, done_on FROM work_item_milestones WHERE "
                                    "work_item_id IN (SELECT id FROM work_items WHERE " +
                                        where + ") ORDER BY work_item_id, position",
                                    params));
    for (const Row& row : milestones) {
        RowReader r(row, "work_item_milestones");
        partnership::Milestone m{r.Text(1), r.Date(2), r.OptDate(3)};
        if (!r.status().ok()) return r.status();
        items[index[row.Int(0)]].milestones.push_back(std::move(m));
    }
    return items;
}

Result<AnnualReview> WorkItemsRepository::SaveReview(const AnnualReview& review, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateAnnualReview(review));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, review.group_id));
    CV_RETURN_IF_ERROR(conn_
                           .Execute("DELETE FROM annual_reviews WHERE group_id = ? AND programme_year = ?",
                                    {review.group_id, IntValue(review.programme_year)})
                           .status());
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("INSERT INTO annual_reviews (group_id, programme_year, reviewed_on, "
                                                 "created_at) VALUES (?, ?, ?, ?) RETURNING id",
                                                 {review.group_id, IntValue(review.programme_year),
                                                  DateValue(review.reviewed_on), now}));
    AnnualReview saved = review;
    saved.id = row.Int(0);
    for (std::size_t at = 0; at < review.findings.size(); ++at) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO annual_review_findings (review_id, position, finding) VALUES "
                                        "(?, ?, ?)",
                                        {saved.id, static_cast<std::int64_t>(at), review.findings[at]})
                               .status());
    }
    return saved;
}

Result<std::optional<AnnualReview>> WorkItemsRepository::FindReview(std::int64_t group_id, int programme_year) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, reviewed_on FROM annual_reviews WHERE group_id = ? AND "
                                               "programme_year = ?",
                                               {group_id, IntValue(programme_year)}));
    if (rows.empty()) return std::optional<AnnualReview>();
    RowReader r(rows[0], "annual_reviews");
    AnnualReview review;
    review.id = r.Int(0);
    review.group_id = group_id;
    review.programme_year = programme_year;
    review.reviewed_on = r.Date(1);
    if (!r.status().ok()) return r.status();
    CV_ASSIGN_OR_RETURN(auto findings, conn_.Query("SELECT finding FROM annual_review_findings WHERE review_id = ? "
                                                   "ORDER BY position",
                                                   {review.id}));
    for (const Row& row : findings) review.findings.push_back(row.Text(0));
    return std::optional<AnnualReview>(std::move(review));
}

}  // namespace carevoice::store
