#include "store/group_membership_check.hpp"

#include <set>
#include <string>
#include <vector>

#include "store/row_reader.hpp"

namespace carevoice::store {

Status RequirePeopleOfGroup(Connection& conn, std::int64_t group_id, std::span<const std::int64_t> person_ids,
                            std::string_view field) {
    const std::set<std::int64_t> wanted(person_ids.begin(), person_ids.end());
    if (wanted.empty()) return Status::Ok();
    std::vector<Value> params = {group_id};
    for (std::int64_t id : wanted) params.push_back(id);
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn.Query("SELECT id FROM people WHERE group_id = ? AND id IN " + Placeholders(wanted.size()), params));
    std::set<std::int64_t> found;
    for (const Row& row : rows) found.insert(row.Int(0));
    std::vector<FieldProblem> problems;
    for (std::int64_t id : wanted) {
        if (!found.count(id)) {
            problems.push_back({std::string(field), "person " + std::to_string(id) + " is not a member of this group"});
        }
    }
    if (problems.empty()) return Status::Ok();
    std::string message = "the record names people outside the group: ";
    for (std::size_t at = 0; at < problems.size(); ++at) {
        message += (at ? "; " : "") + problems[at].field + " " + problems[at].problem;
    }
    return Status::InvalidArgument(std::move(message), std::move(problems));
}

Status RequireGroup(Connection& conn, std::int64_t group_id) {
    auto row = conn.QueryOne("SELECT id FROM partnership_groups WHERE id = ?", {group_id});
    if (row.ok()) return Status::Ok();
    if (row.status().code() == StatusCode::kNotFound) {
        return Status::NotFound("no partnership group has the id " + std::to_string(group_id));
    }
    return row.status();
}

}  // namespace carevoice::store
