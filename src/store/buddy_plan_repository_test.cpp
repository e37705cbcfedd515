// Contract: buddy improvement plans behave the same on SQLite and PostgreSQL.
#include "store/buddy_plan_repository.hpp"

#include <tuple>

#include "store/cpes_yearly_scores.hpp"
#include "store/organisations_repository.hpp"
#include "store/partnership_fixture.hpp"

namespace carevoice::store {
namespace {

using partnership::ActionStatus;
using partnership::BuddyImprovementPlan;
using testing::NamesField;

class BuddyPlanRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    BuddyImprovementPlan APlan(std::string mentor = "RR7", std::string mentee = "RD8") {
        BuddyImprovementPlan plan;
        plan.mentor_code = std::move(mentor);
        plan.mentee_code = std::move(mentee);
        plan.pair_year = 2018;
        const auto window = partnership::DefaultBuddyPlanWindow(2018);
        plan.starts_on = window.starts_on;
        plan.ends_on = window.ends_on;
        plan.questions = {"Q17", "Q14"};
        plan.summary = "CNS for every patient";
        plan.actions = {{0, "Shadow the mentor's clinic", "Lead cancer nurse", D("2019-02-28"), ActionStatus::kDone},
                        {0, "Adapt the advice sheet", "Chemotherapy unit", std::nullopt, ActionStatus::kOpen}};
        return plan;
    }
};

TEST_F(BuddyPlanRepositoryTest, APlanRoundTripsWithQuestionsInOrderAndActions) {
    BuddyPlanRepository repo(*conn_);
    auto created = repo.Create(APlan(), kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = repo.FindByPair("RR7", "RD8", 2018);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->id, created->id);
    EXPECT_EQ(found->starts_on, D("2019-02-01"));
    EXPECT_EQ(found->ends_on, D("2019-07-31"));
    EXPECT_EQ(found->questions, (std::vector<std::string>{"Q17", "Q14"}));
    ASSERT_EQ(found->actions.size(), 2u);
    EXPECT_GT(found->actions[0].id, 0);
    EXPECT_EQ(found->actions[0].owner, "Lead cancer nurse");
    EXPECT_EQ(found->actions[0].due_on, D("2019-02-28"));
    EXPECT_EQ(found->actions[0].status, ActionStatus::kDone);
    EXPECT_FALSE(found->actions[1].due_on.has_value());
    EXPECT_EQ(repo.FindByPair("RR7", "RD8", 2017).status().code(), StatusCode::kNotFound);
}

TEST_F(BuddyPlanRepositoryTest, APairHasOnePlanAndAnInvalidPlanIsRefused) {
    BuddyPlanRepository repo(*conn_);
    ASSERT_TRUE(repo.Create(APlan(), kNow).ok());
    EXPECT_EQ(repo.Create(APlan(), kNow).status().code(), StatusCode::kAlreadyExists);
}

TEST_F(BuddyPlanRepositoryTest, AnInvalidPlanIsRefusedAndNothingIsStored) {
    BuddyImprovementPlan plan = APlan("RD8", "RD8");
    plan.questions = {};
    const Status s = BuddyPlanRepository(*conn_).Create(plan, kNow).status();
    EXPECT_TRUE(NamesField(s, "mentee_code"));
    EXPECT_TRUE(NamesField(s, "questions"));
    EXPECT_EQ(Count("buddy_plans"), 0);
}

TEST_F(BuddyPlanRepositoryTest, ListFindsPlansWhereAnOrganisationIsEitherSide) {
    BuddyPlanRepository repo(*conn_);
    ASSERT_TRUE(repo.Create(APlan("RR7", "RD8"), kNow).ok());
    ASSERT_TRUE(repo.Create(APlan("RR7", "RA9"), kNow).ok());
    ASSERT_TRUE(repo.Create(APlan("RX1", "RA9"), kNow).ok());
    EXPECT_EQ(repo.List("RR7")->size(), 2u);
    EXPECT_EQ(repo.List("RA9")->size(), 2u);
    EXPECT_EQ(repo.List("RD8")->size(), 1u);
    EXPECT_EQ(repo.List()->size(), 3u);
}

TEST_F(BuddyPlanRepositoryTest, UpdateReplacesTheListsAndDeleteTakesThemAway) {
    BuddyPlanRepository repo(*conn_);
    auto plan = *repo.Create(APlan(), kNow);
    plan.questions = {"Q35"};
    plan.actions.pop_back();
    plan.actions[0].status = ActionStatus::kDropped;
    ASSERT_TRUE(repo.Update(plan, kNow + 1).ok());
    auto found = *repo.Find(plan.id);
    EXPECT_EQ(found.questions, (std::vector<std::string>{"Q35"}));
    ASSERT_EQ(found.actions.size(), 1u);
    EXPECT_EQ(found.actions[0].status, ActionStatus::kDropped);
    ASSERT_TRUE(repo.Delete(plan.id).ok());
    EXPECT_EQ(Count("buddy_plan_questions"), 0);
    EXPECT_EQ(Count("buddy_plan_actions"), 0);
}

TEST_F(BuddyPlanRepositoryTest, EvaluationUsesTheMenteesStoredScoresBeforeAndAfter) {
    auto trust = *OrganisationsRepository(*conn_).Upsert({0, "RD8", "Milton Keynes", "trust", std::nullopt}, kNow);
    // RD8's published Q13 (69% of 326 in 2017, 64% of 315 in 2018), and Q17 only in 2017.
    for (const auto& [year, question, n, score] : std::vector<std::tuple<int, const char*, int, double>>{
             {2017, "Q13", 326, 69}, {2018, "Q13", 315, 64}, {2017, "Q17", 327, 84}}) {
        ASSERT_TRUE(conn_
                        ->Execute("INSERT INTO cpes_results (organisation_id, year, kind, sex, imd_quintile, "
                                  "tumour_group, question, n, score) VALUES (?, ?, 'yearonyear', 'Both', 'All', "
                                  "'All Cancers', ?, ?, ?)",
                                  {trust.id, static_cast<std::int64_t>(year), std::string(question),
                                   static_cast<std::int64_t>(n), score})
                        .ok());
    }
    BuddyImprovementPlan plan = APlan();
    plan.questions = {"Q13", "Q17"};
    auto before = CpesItemScores(*conn_, "RD8", 2017, plan.questions);
    auto after = CpesItemScores(*conn_, "RD8", 2018, plan.questions);
    ASSERT_TRUE(before.ok() && after.ok());
    auto evaluation = partnership::EvaluateBuddyPlan(plan, *before, *after);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status().ToString();
    EXPECT_EQ((*evaluation)[0].outcome, partnership::ItemOutcome::kNoRealChange);  // z = -1.34, p = 0.18
    EXPECT_EQ((*evaluation)[1].outcome, partnership::ItemOutcome::kNotEvaluated);
}

}  // namespace
}  // namespace carevoice::store
