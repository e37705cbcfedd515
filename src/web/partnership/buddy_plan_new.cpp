// Starting a buddy improvement plan (issue 4, item 9): the form choosing the pair, the survey items aimed
// at and the plan's window, its checks, and saving it with its audit entry.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/buddy_plan.hpp"
#include "partnership/work_programme.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/buddy_plans.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::BuddyImprovementPlan;

std::string Upper(std::string_view s) { return text::ToUpper(text::Trim(s)); }

struct PlanForm {
    std::string mentor_code, mentee_code, pair_year, questions, summary;
    DateInput starts_on{"starts_on", "", "", ""};
    DateInput ends_on{"ends_on", "", "", ""};
};

std::string PlanFieldId(const std::string& field) {
    if (field == "starts_on" || field == "ends_on") return field + "-day";
    return field;
}

void ShowPlanForm(RequestContext& ctx, const BuddyStanding& standing, const PlanForm& form,
                  const std::vector<FieldProblem>& problems, int status) {
    nlohmann::json data = {{"mentor_code", form.mentor_code}, {"mentee_code", form.mentee_code},
                           {"pair_year", form.pair_year},     {"questions", form.questions},
                           {"summary", form.summary},         {"sees_everything", standing.SeesEverything()}};
    if (!standing.SeesEverything()) {
        auto mine = OrganisationsOfMyGroups(ctx, standing, true);
        if (!mine.ok()) return ctx.Error(503, mine.status());
        data["my_organisations"] = NullIfEmpty(Joined(*mine));
    }
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", PlanFieldId(p.field)}, {"message", p.problem}});
        data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
    data["starts_on_field"] = DateFieldData(form.starts_on, "Start date", "For example, 1 2 2019", problems);
    data["ends_on_field"] = DateFieldData(form.ends_on, "End date", "For example, 31 7 2019", problems);
    data["breadcrumbs"] = Breadcrumbs();
    ctx.Page("Start a buddy improvement plan", "partnership_buddy_plan_new", data, status);
}

void NewPlan(RequestContext& ctx) {
    auto standing = LoadBuddyStanding(ctx);
    if (!standing.ok()) return ctx.Error(503, standing.status());
    if (!Require(ctx, standing->SeesEverything() || standing->ManagesAnyGroup(), kWhoChangesBuddyPlans)) return;
    // Prefilled from a pair of the buddy matching page: ?year=2018&mentor=RR7&mentee=RD8.
    PlanForm form;
    form.mentor_code = Upper(ctx.Param("mentor"));
    form.mentee_code = Upper(ctx.Param("mentee"));
    form.pair_year = std::string(text::Trim(ctx.Param("year")));
    form.questions = std::string(text::Trim(ctx.Param("questions"))).substr(0, 500);
    for (char& c : form.questions) c = c == ',' ? ' ' : c;  // "Q14,Q16" as the form shows it: "Q14 Q16"
    if (auto year = text::ParseInt(form.pair_year);
        year.ok() && *year >= partnership::kEarliestCpesYear && *year < partnership::kLatestProgrammeYear) {
        const auto window = partnership::DefaultBuddyPlanWindow(static_cast<int>(*year));
        form.starts_on = DateInputOf("starts_on", window.starts_on);
        form.ends_on = DateInputOf("ends_on", window.ends_on);
    }
    ShowPlanForm(ctx, *standing, form, {}, 200);
}

// Splits "Q14, q16 Q17" into {"Q14", "Q16", "Q17"}.
std::vector<std::string> SplitQuestions(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text + " ") {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) out.push_back(Upper(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    return out;
}

// Problems ValidateBuddyPlan names (questions, ends_on...) that the form has not named already.
void AddValidation(const Status& valid, std::vector<FieldProblem>& problems, const std::string& fallback_field) {
    for (const auto& d : valid.details()) {
        const bool seen =
            std::any_of(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.field == d.field; });
        if (!seen)
            problems.push_back(
                {d.field, d.field == "questions" ? "Survey items: " + d.problem : d.field + " " + d.problem});
    }
    if (problems.empty() && !valid.ok()) problems.push_back({fallback_field, valid.message()});
}

void CreatePlan(RequestContext& ctx) {
    auto standing = LoadBuddyStanding(ctx);
    if (!standing.ok()) return ctx.Error(503, standing.status());
    if (!Require(ctx, standing->SeesEverything() || standing->ManagesAnyGroup(), kWhoChangesBuddyPlans)) return;
    PlanForm form;
    form.mentor_code = Upper(ctx.Param("mentor_code"));
    form.mentee_code = Upper(ctx.Param("mentee_code"));
    form.pair_year = std::string(text::Trim(ctx.Param("pair_year")));
    form.questions = std::string(text::Trim(ctx.Param("questions")));
    form.summary = std::string(text::Trim(ctx.Param("summary")));
    form.starts_on = ReadDateInput(ctx, "starts_on");
    form.ends_on = ReadDateInput(ctx, "ends_on");

    std::vector<FieldProblem> problems;
    BuddyImprovementPlan plan;
    store::OrganisationsRepository orgs(ctx.db());
    auto known = [&](const std::string& code, const std::string& field, const std::string& who) {
        if (code.empty()) {
            problems.push_back({field, "Enter the " + who + "'s organisation code, for example RD8"});
            return;
        }
        auto org = orgs.FindByCode(code);
        if (!org.ok() && org.status().code() != StatusCode::kNotFound) {
            problems.push_back({field, "The organisations cannot be read now; try again"});
        } else if (!org.ok()) {
            problems.push_back({field, "The " + who + " '" + code + "' is not an organisation in the survey results"});
        }
    };
    known(form.mentor_code, "mentor_code", "mentor");
    known(form.mentee_code, "mentee_code", "mentee");
    if (!form.mentee_code.empty() && form.mentee_code == form.mentor_code) {
        problems.push_back({"mentee_code", "The mentee must differ from the mentor: a trust cannot mentor itself"});
    }
    plan.mentor_code = form.mentor_code;
    plan.mentee_code = form.mentee_code;
    if (auto year = text::ParseInt(form.pair_year);
        year.ok() && *year >= partnership::kEarliestCpesYear && *year <= partnership::kLatestProgrammeYear) {
        plan.pair_year = static_cast<int>(*year);
    } else {
        problems.push_back({"pair_year", "Enter the survey year whose results made the pair, for example 2018"});
    }
    auto starts = ParseDateInput(form.starts_on, "The start date", true, problems);
    auto ends = ParseDateInput(form.ends_on, "The end date", true, problems);
    if (starts) plan.starts_on = *starts;
    if (ends) plan.ends_on = *ends;
    if (starts && ends && !(*starts < *ends)) {
        problems.push_back({"ends_on", "The end date must be after the start date"});
    }
    plan.questions = SplitQuestions(form.questions);
    if (plan.questions.empty()) {
        problems.push_back({"questions", "Enter the survey items the plan targets, for example Q14, Q17"});
    }
    plan.summary = form.summary;
    AddValidation(partnership::ValidateBuddyPlan(plan), problems, "summary");
    if (!problems.empty()) return ShowPlanForm(ctx, *standing, form, problems, 422);

    auto rights = RightsFor(ctx, *standing, plan.mentor_code, plan.mentee_code);
    if (!rights.ok()) return ctx.Error(503, rights.status());
    if (!Require(ctx, rights->change, kWhoChangesBuddyPlans)) return;

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto created = store::BuddyPlanRepository(ctx.db()).Create(plan, ctx.app.clock().NowSeconds());
    if (!created.ok() && created.status().code() == StatusCode::kAlreadyExists) {
        return ShowPlanForm(ctx, *standing, form,
                            {{"mentee_code", "This pair already has a plan for " + form.pair_year +
                                                 ": find it in the list of buddy improvement plans"}},
                            409);
    }
    if (!created.ok()) return ctx.Error(HttpStatusFor(created.status()), created.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "buddy_plan.create", "buddy_plan",
                                      std::to_string(created->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(PlanHref(created->id), "Started the plan of " + created->mentee_code + " with " +
                                            created->mentor_code + ". Add its actions below.");
}

}  // namespace

void RegisterBuddyPlanStartRoutes(Router& router) {
    router.Add("GET", "/buddy-plans/new", Access::SignedIn(), RouteKind::kPage, NewPlan);
    router.Add("POST", "/buddy-plans", Access::SignedIn(), RouteKind::kPage, CreatePlan);
}

}  // namespace carevoice::web::partnership_pages
