#include "store/buddy_plan_repository.hpp"

#include <map>

#include "store/row_reader.hpp"

namespace carevoice::store {

using partnership::BuddyImprovementPlan;

Result<BuddyImprovementPlan> BuddyPlanRepository::Create(const BuddyImprovementPlan& plan, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateBuddyPlan(plan));
    auto row = conn_.QueryOne(
        "INSERT INTO buddy_plans (mentor_code, mentee_code, pair_year, starts_on, ends_on, "
        "summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {plan.mentor_code, plan.mentee_code, IntValue(plan.pair_year), DateValue(plan.starts_on),
         DateValue(plan.ends_on), plan.summary, now, now});
    if (!row.ok()) {
        if (row.status().code() == StatusCode::kAlreadyExists) {
            return Status::AlreadyExists("the pair " + plan.mentor_code + " and " + plan.mentee_code + " of " +
                                         std::to_string(plan.pair_year) + " already has a plan");
        }
        return row.status();
    }
    BuddyImprovementPlan created = plan;
    created.id = row->Int(0);
    CV_RETURN_IF_ERROR(WriteLists(created));
    return Find(created.id);
}

Result<BuddyImprovementPlan> BuddyPlanRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto plans, Load("id = ?", {id}));
    if (plans.empty()) return Status::NotFound("no buddy plan has the id " + std::to_string(id));
    return std::move(plans.front());
}

Result<BuddyImprovementPlan> BuddyPlanRepository::FindByPair(const std::string& mentor_code,
                                                             const std::string& mentee_code, int pair_year) {
    CV_ASSIGN_OR_RETURN(auto plans, Load("mentor_code = ? AND mentee_code = ? AND pair_year = ?",
                                         {mentor_code, mentee_code, IntValue(pair_year)}));
    if (plans.empty()) {
        return Status::NotFound("the pair " + mentor_code + " and " + mentee_code + " of " + std::to_string(pair_year) +
                                " has no plan");
    }
    return std::move(plans.front());
}

Result<std::vector<BuddyImprovementPlan>> BuddyPlanRepository::List(const std::string& org_code) {
    if (org_code.empty()) return Load("1 = 1", {});
    return Load("mentor_code = ? OR mentee_code = ?", {org_code, org_code});
}

Status BuddyPlanRepository::Update(const BuddyImprovementPlan& plan, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateBuddyPlan(plan));
    CV_RETURN_IF_ERROR(
        RequireChanged(conn_.Execute("UPDATE buddy_plans SET starts_on = ?, ends_on = ?, summary = ?, "
                                     "updated_at = ? WHERE id = ?",
                                     {DateValue(plan.starts_on), DateValue(plan.ends_on), plan.summary, now, plan.id}),
                       "buddy plan", plan.id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM buddy_plan_questions WHERE plan_id = ?", {plan.id}).status());
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM buddy_plan_actions WHERE plan_id = ?", {plan.id}).status());
    return WriteLists(plan);
}

Status BuddyPlanRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM buddy_plans WHERE id = ?", {id}), "buddy plan", id);
}

Status BuddyPlanRepository::WriteLists(const BuddyImprovementPlan& plan) {
    for (std::size_t at = 0; at < plan.questions.size(); ++at) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO buddy_plan_questions (plan_id, question, position) VALUES "
                                        "(?, ?, ?)",
                                        {plan.id, plan.questions[at], static_cast<std::int64_t>(at)})
                               .status());
    }
    for (std::size_t at = 0; at < plan.actions.size(); ++at) {
        const partnership::BuddyPlanAction& a = plan.actions[at];
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO buddy_plan_actions (plan_id, position, description, owner, "
                                        "due_on, status) VALUES (?, ?, ?, ?, ?, ?)",
                                        {plan.id, static_cast<std::int64_t>(at), a.description, a.owner,
                                         OptDateValue(a.due_on), EnumValue(partnership::kActionStatuses, a.status)})
                               .status());
    }
    return Status::Ok();
}

Result<std::vector<BuddyImprovementPlan>> BuddyPlanRepository::Load(const std::string& where,
                                                                    const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, mentor_code, mentee_code, pair_year, starts_on, ends_on, "
                                               "summary FROM buddy_plans WHERE " +
                                                   where + " ORDER BY pair_year DESC, mentee_code, id",
                                               params));
    std::vector<BuddyImprovementPlan> plans;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        RowReader r(row, "buddy_plans");
        BuddyImprovementPlan p;
        p.id = r.Int(0);
        p.mentor_code = r.Text(1);
        p.mentee_code = r.Text(2);
        p.pair_year = static_cast<int>(r.Int(3));
        p.starts_on = r.Date(4);
        p.ends_on = r.Date(5);
        p.summary = r.Text(6);
        if (!r.status().ok()) return r.status();
        index[p.id] = plans.size();
        plans.push_back(std::move(p));
    }
    if (plans.empty()) return plans;
    const std::string of_these = " WHERE plan_id IN (SELECT id FROM buddy_plans WHERE " + where + ")";
    CV_ASSIGN_OR_RETURN(auto questions, conn_.Query("SELECT plan_id, question FROM buddy_plan_questions" + of_these +
                                                        " ORDER BY plan_id, position",
                                                    params));
    for (const Row& row : questions) plans[index[row.Int(0)]].questions.push_back(row.Text(1));
    CV_ASSIGN_OR_RETURN(auto actions, conn_.Query("SELECT plan_id, id, description, owner, due_on, status FROM "
                                                  "buddy_plan_actions" +
                                                      of_these + " ORDER BY plan_id, position",
                                                  params));
    for (const Row& row : actions) {
        RowReader r(row, "buddy_plan_actions");
        partnership::BuddyPlanAction a{r.Int(1), r.Text(2), r.Text(3), r.OptDate(4),
                                       r.Enum(5, partnership::kActionStatuses)};
        if (!r.status().ok()) return r.status();
        plans[index[row.Int(0)]].actions.push_back(std::move(a));
    }
    return plans;
}

}  // namespace carevoice::store
