// Buddy improvement plans in storage: one per buddy pair (mentor, mentee, survey year), with the
// survey items it targets and its actions. Evaluation is partnership::EvaluateBuddyPlan over
// CpesItemScores (cpes_yearly_scores.hpp). Writes happen inside the caller's transaction (see
// groups_repository.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "partnership/buddy_plan.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class BuddyPlanRepository {
  public:
    explicit BuddyPlanRepository(Connection& conn) : conn_(conn) {}

    // Validates; AlreadyExists if the pair already has a plan.
    Result<partnership::BuddyImprovementPlan> Create(const partnership::BuddyImprovementPlan& plan, std::int64_t now);
    Result<partnership::BuddyImprovementPlan> Find(std::int64_t id);
    Result<partnership::BuddyImprovementPlan> FindByPair(const std::string& mentor_code, const std::string& mentee_code,
                                                         int pair_year);
    // Every plan of which the organisation is mentor or mentee (every plan when empty), newest year first.
    Result<std::vector<partnership::BuddyImprovementPlan>> List(const std::string& org_code = "");
    // Replaces dates, summary, questions and actions (the pair itself cannot change).
    Status Update(const partnership::BuddyImprovementPlan& plan, std::int64_t now);
    Status Delete(std::int64_t id);

  private:
    Status WriteLists(const partnership::BuddyImprovementPlan& plan);
    Result<std::vector<partnership::BuddyImprovementPlan>> Load(const std::string& where,
                                                                const std::vector<Value>& params);
    Connection& conn_;
};

}  // namespace carevoice::store
