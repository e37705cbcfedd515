#include "partnership/buddy_plan.hpp"

#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"
#include "partnership/work_programme.hpp"

namespace carevoice::partnership {
namespace {

constexpr int kSchemeStartMonth = 2;  // February
constexpr int kSchemeEndMonth = 7;    // July
constexpr int kSchemeEndDay = 31;

std::optional<ItemScore> Find(std::span<const ItemScore> scores, const std::string& question) {
    for (const ItemScore& score : scores) {
        if (score.question == question) return score;
    }
    return std::nullopt;
}

}  // namespace

PlanWindow DefaultBuddyPlanWindow(int pair_year) {
    return {*CivilDate::FromYmd(pair_year + 1, kSchemeStartMonth, 1),
            *CivilDate::FromYmd(pair_year + 1, kSchemeEndMonth, kSchemeEndDay)};
}

Status ValidateBuddyPlan(const BuddyImprovementPlan& plan) {
    Problems problems;
    problems.RequireText("mentor_code", plan.mentor_code);
    problems.RequireText("mentee_code", plan.mentee_code);
    if (!text::Trim(plan.mentee_code).empty() && plan.mentee_code == plan.mentor_code) {
        problems.Add("mentee_code", "must differ from the mentor's code: a trust cannot mentor itself");
    }
    if (plan.pair_year < kEarliestCpesYear || plan.pair_year > kLatestProgrammeYear) {
        problems.Add("pair_year", "must be a survey year from " + std::to_string(kEarliestCpesYear) + ", not " +
                                      std::to_string(plan.pair_year));
    }
    if (!(plan.starts_on < plan.ends_on)) {
        problems.Add("ends_on",
                     "(" + plan.ends_on.ToString() + ") must be after starts_on (" + plan.starts_on.ToString() + ")");
    }
    if (plan.questions.empty()) problems.Add("questions", "are required: which survey items does the plan target?");
    std::set<std::string> seen;
    for (const std::string& question : plan.questions) {
        if (!IsCpesQuestionCode(question)) {
            problems.Add("questions", "'" + question + "' is not a question number such as Q17");
        } else if (!seen.insert(question).second) {
            problems.Add("questions", "list " + question + " twice");
        }
    }
    for (std::size_t at = 0; at < plan.actions.size(); ++at) {
        problems.RequireText(Field("actions", at, "description"), plan.actions[at].description);
    }
    return problems.ToStatus("the buddy plan");
}

Result<std::vector<ItemEvaluation>> EvaluateBuddyPlan(const BuddyImprovementPlan& plan,
                                                      std::span<const ItemScore> before,
                                                      std::span<const ItemScore> after) {
    std::vector<ItemEvaluation> out;
    for (const std::string& question : plan.questions) {
        ItemEvaluation evaluation;
        evaluation.question = question;
        evaluation.before = Find(before, question);
        evaluation.after = Find(after, question);
        if (!evaluation.before || !evaluation.after) {
            evaluation.note = std::string("no published score ") + (!evaluation.before ? "before" : "after") +
                              " the plan (not yet published, or too few respondents)";
        } else if (!evaluation.before->is_percentage || !evaluation.after->is_percentage) {
            evaluation.note = "a mean rating, not a percentage: the two-proportion test does not apply";
        } else {
            auto test = experience::TestChange(evaluation.before->score, evaluation.before->n, evaluation.after->score,
                                               evaluation.after->n);
            if (!test.ok()) {
                return Status::InvalidArgument(question + ": " + test.status().message(), test.status().details());
            }
            evaluation.test = *test;
            switch (test->change) {
                case experience::Change::kSignificantIncrease:
                    evaluation.outcome = ItemOutcome::kImproved;
                    break;
                case experience::Change::kSignificantDecrease:
                    evaluation.outcome = ItemOutcome::kWorsened;
                    break;
                case experience::Change::kNoSignificantChange:
                    evaluation.outcome = ItemOutcome::kNoRealChange;
                    break;
            }
        }
        out.push_back(std::move(evaluation));
    }
    return out;
}

}  // namespace carevoice::partnership
