// One buddy improvement plan (issue 4, item 9): its page with its actions, the evaluation comparing the
// mentee's published results on the plan's survey items before and after with the two-proportion test of
// the experience module (as a CSV too), adding actions and changing their status. Figures from fewer
// respondents than the suppression threshold are never shown.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "experience/disclosure.hpp"
#include "partnership/buddy_plan.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/cpes_yearly_scores.hpp"
#include "store/experience_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/buddy_plans.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::BuddyImprovementPlan;

constexpr const char* kWhoReads =
    "analysts, administrators and the staff of partnership groups that work with the mentor or the mentee";

struct LoadedPlan {
    BuddyStanding standing;
    PlanRights rights;
    BuddyImprovementPlan plan;
};

std::optional<LoadedPlan> LoadPlan(RequestContext& ctx, bool to_change) {
    auto standing = LoadBuddyStanding(ctx);
    if (!standing.ok()) {
        ctx.Error(503, standing.status());
        return std::nullopt;
    }
    auto id = text::ParseInt(ctx.params["plan_id"]);
    auto plan = id.ok() ? store::BuddyPlanRepository(ctx.db()).Find(*id)
                        : Result<BuddyImprovementPlan>(Status::NotFound("no such plan"));
    if (!plan.ok()) {
        ctx.Error(plan.status().code() == StatusCode::kNotFound ? 404 : 503, plan.status());
        return std::nullopt;
    }
    auto rights = RightsFor(ctx, *standing, plan->mentor_code, plan->mentee_code);
    if (!rights.ok()) {
        ctx.Error(503, rights.status());
        return std::nullopt;
    }
    if (!Require(ctx, to_change ? rights->change : rights->read, to_change ? kWhoChangesBuddyPlans : kWhoReads)) {
        return std::nullopt;
    }
    return LoadedPlan{std::move(*standing), *rights, std::move(*plan)};
}

// The years compared: the survey that made the pair, and the survey of the year the plan ends (its
// patients were treated in April to June, during the scheme's window), unless ?after= chooses another
// published year after the pair's.
struct Evaluation {
    int before_year = 0;
    int after_year = 0;
    std::vector<int> after_choices;  // published years after the pair's
    std::vector<partnership::ItemEvaluation> items;
    std::map<std::string, std::string> suppressed;  // question -> which side was suppressed
};

Result<Evaluation> Evaluate(RequestContext& ctx, const BuddyImprovementPlan& plan) {
    Evaluation e;
    e.before_year = plan.pair_year;
    e.after_year = plan.ends_on.year();
    CV_ASSIGN_OR_RETURN(auto years, store::ExperienceRepository(ctx.db()).Years("yearonyear"));
    std::sort(years.begin(), years.end());
    for (int y : years) {
        if (y > plan.pair_year) e.after_choices.push_back(y);
    }
    const std::string asked = ctx.Param("after");
    if (!asked.empty()) {
        auto year = text::ParseInt(asked);
        if (!year.ok() || std::find(e.after_choices.begin(), e.after_choices.end(), *year) == e.after_choices.end()) {
            return Status::InvalidArgument("choose a published survey year after " + std::to_string(plan.pair_year),
                                           {{"after", "'" + asked + "' is not a published year after the pair's"}});
        }
        e.after_year = static_cast<int>(*year);
    }
    const int threshold = ctx.app.config().suppression_threshold;
    std::vector<partnership::ItemScore> before, after;
    for (const std::string& question : plan.questions) {
        CV_ASSIGN_OR_RETURN(auto series, store::CpesYearlyScores(ctx.db(), plan.mentee_code, question));
        for (const auto& point : series) {
            if (point.year != e.before_year && point.year != e.after_year) continue;
            const bool shown = point.score && point.n && !experience::Suppressed(*point.n, threshold);
            if (!shown) {
                e.suppressed[question] += (e.suppressed[question].empty() ? "" : " and ") + std::to_string(point.year);
                continue;
            }
            partnership::ItemScore score{question, *point.score, *point.n, question != store::kCpesMeanRatingQuestion};
            (point.year == e.before_year ? before : after).push_back(score);
        }
    }
    CV_ASSIGN_OR_RETURN(e.items, partnership::EvaluateBuddyPlan(plan, before, after));
    return e;
}

std::string ScoreText(const std::optional<partnership::ItemScore>& s) {
    if (!s) return "";
    return svg::Number(s->score, s->is_percentage ? 1 : 2) + (s->is_percentage ? "%" : "");
}

std::string NoteOf(const Evaluation& e, const partnership::ItemEvaluation& item) {
    auto it = e.suppressed.find(item.question);
    if (it != e.suppressed.end() && item.outcome == partnership::ItemOutcome::kNotEvaluated) {
        return "Not shown for " + it->second + ": fewer than " + std::to_string(experience::kSuppressionThreshold) +
               " respondents, or suppressed by the publisher";
    }
    if (!item.before && !item.after) return "No published results for either year";
    if (!item.after) return "The " + std::to_string(e.after_year) + " results are not published yet";
    if (!item.before) return "No published result for " + std::to_string(e.before_year);
    return item.note;
}

struct ActionForm {
    std::string description, owner;
    DateInput due_on{"due_on", "", "", ""};
};

void ShowPlan(RequestContext& ctx, const LoadedPlan& loaded, const ActionForm& action_form,
              const std::vector<FieldProblem>& problems, int status) {
    const auto& p = loaded.plan;
    auto evaluation = Evaluate(ctx, p);
    if (!evaluation.ok()) return ctx.Error(HttpStatusFor(evaluation.status()), evaluation.status());
    auto questions = store::ExperienceRepository(ctx.db()).Questions();
    if (!questions.ok()) return ctx.Error(503, questions.status());
    auto question_text = [&](const std::string& q) {
        for (const auto& meta : *questions) {
            if (meta.id == q) return meta.text;
        }
        return std::string();
    };
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : evaluation->items) {
        const bool tested = item.test.has_value();
        items.push_back(
            {{"question", item.question},
             {"text", NullIfEmpty(question_text(item.question))},
             {"before", ScoreText(item.before)},
             {"before_n", item.before ? nlohmann::json(std::to_string(item.before->n)) : nlohmann::json(nullptr)},
             {"after", ScoreText(item.after)},
             {"after_n", item.after ? nlohmann::json(std::to_string(item.after->n)) : nlohmann::json(nullptr)},
             {"outcome", std::string(LabelOf(partnership::kItemOutcomes, item.outcome))},
             {"outcome_name", std::string(NameOf(partnership::kItemOutcomes, item.outcome))},
             {"difference", tested ? nlohmann::json(svg::Number(item.test->difference, 1)) : nlohmann::json(nullptr)},
             {"p_value", tested ? nlohmann::json(svg::Number(item.test->p_value, 3)) : nlohmann::json(nullptr)},
             {"note", NullIfEmpty(tested ? "" : NoteOf(*evaluation, item))}});
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : p.actions) {
        actions.push_back({{"id", a.id},
                           {"description", a.description},
                           {"owner", a.owner},
                           {"due_on", a.due_on ? a.due_on->ToString() : ""},
                           {"status", std::string(LabelOf(partnership::kActionStatuses, a.status))},
                           {"statuses", Options(partnership::kActionStatuses,
                                                std::string(NameOf(partnership::kActionStatuses, a.status)))},
                           {"status_href", PlanHref(p.id) + "/actions/" + std::to_string(a.id)}});
    }
    nlohmann::json after_choices = nlohmann::json::array();
    for (int y : evaluation->after_choices) {
        after_choices.push_back({{"year", y}, {"selected", y == evaluation->after_year}});
    }
    const std::string mentor = OrganisationName(ctx, p.mentor_code);
    const std::string mentee = OrganisationName(ctx, p.mentee_code);
    nlohmann::json data = {
        {"id", p.id},
        {"mentor", mentor},
        {"mentor_code", p.mentor_code},
        {"mentee", mentee},
        {"mentee_code", p.mentee_code},
        {"pair_year", p.pair_year},
        {"starts_on", p.starts_on.ToString()},
        {"ends_on", p.ends_on.ToString()},
        {"summary", NullIfEmpty(p.summary)},
        {"questions", Joined(p.questions)},
        {"actions", actions},
        {"has_actions", !actions.empty()},
        {"may_change", loaded.rights.change},
        {"items", items},
        {"before_year", evaluation->before_year},
        {"after_year", evaluation->after_year},
        {"after_choices", after_choices},
        {"has_after_choices", !after_choices.empty()},
        {"threshold", ctx.app.config().suppression_threshold},
        {"csv_href", PlanHref(p.id) + "/evaluation.csv?after=" + std::to_string(evaluation->after_year)},
        {"description", action_form.description},
        {"owner", action_form.owner}};
    if (std::find(evaluation->after_choices.begin(), evaluation->after_choices.end(), evaluation->after_year) ==
        evaluation->after_choices.end()) {
        data["csv_href"] = PlanHref(p.id) + "/evaluation.csv";
    }
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& pr : problems) {
        errors.push_back({{"field_id", pr.field == "due_on" ? "due_on-day" : pr.field}, {"message", pr.problem}});
        data[pr.field + "_error"] = pr.problem;
    }
    data["errors"] = errors;
    data["due_on_field"] = DateFieldData(action_form.due_on, "Due by (optional)", "For example, 30 4 2019", problems);
    data["breadcrumbs"] = Breadcrumbs();
    ctx.Page("Buddy plan: " + mentee + " with " + mentor, "partnership_buddy_plan", data, status);
}

void GetPlan(RequestContext& ctx) {
    auto loaded = LoadPlan(ctx, false);
    if (!loaded) return;
    ShowPlan(ctx, *loaded, {}, {}, 200);
}

void EvaluationCsv(RequestContext& ctx) {
    auto loaded = LoadPlan(ctx, false);
    if (!loaded) return;
    auto evaluation = Evaluate(ctx, loaded->plan);
    if (!evaluation.ok()) return ctx.Error(HttpStatusFor(evaluation.status()), evaluation.status());
    std::string out = csv::Row({"mentee", "mentor", "question", "before_year", "before_score", "before_n", "after_year",
                                "after_score", "after_n", "outcome", "difference_points", "p_value", "note"});
    for (const auto& item : evaluation->items) {
        const bool tested = item.test.has_value();
        out += csv::Row({loaded->plan.mentee_code, loaded->plan.mentor_code, item.question,
                         std::to_string(evaluation->before_year), item.before ? svg::Number(item.before->score, 2) : "",
                         item.before ? std::to_string(item.before->n) : "", std::to_string(evaluation->after_year),
                         item.after ? svg::Number(item.after->score, 2) : "",
                         item.after ? std::to_string(item.after->n) : "",
                         std::string(NameOf(partnership::kItemOutcomes, item.outcome)),
                         tested ? svg::Number(item.test->difference, 2) : "",
                         tested ? svg::Number(item.test->p_value, 4) : "", tested ? "" : NoteOf(*evaluation, item)});
    }
    ctx.Csv("carevoice-buddy-plan-" + std::to_string(loaded->plan.id) + ".csv", out);
}

// Stores the plan with its changed actions, audited, in one transaction; redirects with `flash`.
void SavePlan(RequestContext& ctx, const BuddyImprovementPlan& plan, const std::string& audit_action,
              const std::string& flash) {
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status updated = store::BuddyPlanRepository(ctx.db()).Update(plan, ctx.app.clock().NowSeconds());
    if (!updated.ok()) return ctx.Error(HttpStatusFor(updated), updated);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), audit_action, "buddy_plan",
                                      std::to_string(plan.id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(PlanHref(plan.id) + "#actions", flash);
}

void AddAction(RequestContext& ctx) {
    auto loaded = LoadPlan(ctx, true);
    if (!loaded) return;
    ActionForm form{std::string(text::Trim(ctx.Param("description"))), std::string(text::Trim(ctx.Param("owner"))),
                    ReadDateInput(ctx, "due_on")};
    std::vector<FieldProblem> problems;
    if (form.description.empty()) problems.push_back({"description", "Enter what will be done"});
    if (form.owner.empty())
        problems.push_back({"owner", "Enter who will do it, for example \"Lead cancer nurse, RD8\""});
    auto due = ParseDateInput(form.due_on, "The date it is due", false, problems);
    if (!problems.empty()) return ShowPlan(ctx, *loaded, form, problems, 422);
    BuddyImprovementPlan plan = loaded->plan;
    plan.actions.push_back({0, form.description, form.owner, due, partnership::ActionStatus::kOpen});
    SavePlan(ctx, plan, "buddy_plan.action_add", "Added the action \"" + form.description + "\".");
}

void SetActionStatus(RequestContext& ctx) {
    auto loaded = LoadPlan(ctx, true);
    if (!loaded) return;
    BuddyImprovementPlan plan = loaded->plan;
    auto id = text::ParseInt(ctx.params["action_id"]);
    auto it = std::find_if(plan.actions.begin(), plan.actions.end(),
                           [&](const partnership::BuddyPlanAction& a) { return id.ok() && a.id == *id; });
    if (it == plan.actions.end()) return ctx.Error(404, Status::NotFound("this plan has no such action"));
    auto status = ParseName(partnership::kActionStatuses, ctx.Param("status"));
    if (!status) {
        return ShowPlan(ctx, *loaded, {},
                        {{"status-" + std::to_string(it->id), "Choose open, done or dropped for the action"}}, 422);
    }
    it->status = *status;
    SavePlan(ctx, plan, "buddy_plan.action_status",
             "The action \"" + it->description + "\" is now " +
                 text::ToLower(LabelOf(partnership::kActionStatuses, *status)) + ".");
}

}  // namespace

void RegisterBuddyPlanViewRoutes(Router& router) {
    router.Add("GET", "/buddy-plans/:plan_id", Access::SignedIn(), RouteKind::kPage, GetPlan);
    router.Add("GET", "/buddy-plans/:plan_id/evaluation.csv", Access::SignedIn(), RouteKind::kPage, EvaluationCsv);
    router.Add("POST", "/buddy-plans/:plan_id/actions", Access::SignedIn(), RouteKind::kPage, AddAction);
    router.Add("POST", "/buddy-plans/:plan_id/actions/:action_id", Access::SignedIn(), RouteKind::kPage,
               SetActionStatus);
}

}  // namespace carevoice::web::partnership_pages
