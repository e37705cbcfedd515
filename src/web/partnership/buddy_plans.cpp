// Buddy improvement plans (issue 4, item 9): a mentee trust and the mentor it was paired with by the
// buddy matching of a survey year (issue 3, /experience/buddy) agree a plan for a fixed window — the
// national scheme ran February to July — aimed at some survey items, with actions; the evaluation
// compares the mentee's published results on those items before and after, with the two-proportion
// test of the experience module. Figures from fewer respondents than the suppression threshold are
// never shown.
//
// Who may use them: analysts and admins (every plan), and the staff of the partnership groups attached
// to the mentor or the mentee (store/group_organisations.hpp: groups whose survey organisation it is,
// or whose audits, measures or evidence name it). Analysts, admins and the facilitators and chairs of those groups
// start plans and change them; members of those groups read them.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "experience/disclosure.hpp"
#include "partnership/buddy_plan.hpp"
#include "partnership/work_programme.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/cpes_yearly_scores.hpp"
#include "store/experience_repository.hpp"
#include "store/group_organisations.hpp"
#include "store/groups_repository.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::BuddyImprovementPlan;

constexpr const char* kWhoReads =
    "analysts, administrators and the staff of partnership groups that work with the mentor or the mentee";
constexpr const char* kWhoChanges =
    "analysts, administrators and the facilitators and chairs of partnership groups that work with the mentor or the "
    "mentee";

nlohmann::json NullIfEmpty(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string PlanHref(std::int64_t id) { return "/buddy-plans/" + std::to_string(id); }

nlohmann::json Breadcrumbs() {
    return {{{"href", "/experience/buddy"}, {"label", "Buddy matching"}},
            {{"href", "/buddy-plans"}, {"label", "Buddy improvement plans"}}};
}

std::string Upper(std::string_view s) { return text::ToUpper(text::Trim(s)); }

// ---- Who may do what ----

struct BuddyStanding {
    bool is_admin = false;
    bool is_analyst = false;
    std::vector<store::GroupStaff> groups;  // the user's groups and roles in them

    bool SeesEverything() const { return is_admin || is_analyst; }
    bool ManagesAnyGroup() const {
        return std::any_of(groups.begin(), groups.end(),
                           [](const store::GroupStaff& s) { return partnership::ManagesGroup(s.role); });
    }
};

Result<BuddyStanding> LoadBuddyStanding(RequestContext& ctx) {
    BuddyStanding s;
    s.is_admin = ctx.user->role == Role::kAdmin;
    s.is_analyst = ctx.user->role == Role::kAnalyst;
    CV_ASSIGN_OR_RETURN(s.groups, store::GroupsRepository(ctx.db()).GroupsOfUser(ctx.user->id));
    return s;
}

struct PlanRights {
    bool read = false;
    bool change = false;
};

// What the user may do with the plans of the pair (mentor, mentee).
Result<PlanRights> RightsFor(RequestContext& ctx, const BuddyStanding& s, const std::string& mentor,
                             const std::string& mentee) {
    if (s.SeesEverything()) return PlanRights{true, true};
    CV_ASSIGN_OR_RETURN(auto attached, store::GroupsAttachedToOrganisations(ctx.db(), {mentor, mentee}));
    PlanRights rights;
    for (const auto& g : s.groups) {
        if (std::find(attached.begin(), attached.end(), g.group_id) == attached.end()) continue;
        rights.read = true;
        if (partnership::ManagesGroup(g.role)) rights.change = true;
    }
    return rights;
}

// The organisations the user's groups work with (for the user's own guidance on the pages).
Result<std::vector<std::string>> OrganisationsOfMyGroups(RequestContext& ctx, const BuddyStanding& s,
                                                         bool managed_only) {
    std::set<std::string> codes;
    for (const auto& g : s.groups) {
        if (managed_only && !partnership::ManagesGroup(g.role)) continue;
        CV_ASSIGN_OR_RETURN(auto mine, store::OrganisationsOfGroup(ctx.db(), g.group_id));
        codes.insert(mine.begin(), mine.end());
    }
    return std::vector<std::string>(codes.begin(), codes.end());
}

std::string OrganisationName(RequestContext& ctx, const std::string& code) {
    auto org = store::OrganisationsRepository(ctx.db()).FindByCode(code);
    return org.ok() ? org->name : code;
}

std::string Joined(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

// ---- The list ----

void ListPlans(RequestContext& ctx) {
    auto standing = LoadBuddyStanding(ctx);
    if (!standing.ok()) return ctx.Error(503, standing.status());
    auto plans = store::BuddyPlanRepository(ctx.db()).List();
    if (!plans.ok()) return ctx.Error(503, plans.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : *plans) {
        auto rights = RightsFor(ctx, *standing, p.mentor_code, p.mentee_code);
        if (!rights.ok()) return ctx.Error(503, rights.status());
        if (!rights->read) continue;
        int open = 0;
        for (const auto& a : p.actions) open += a.status == partnership::ActionStatus::kOpen ? 1 : 0;
        list.push_back({{"href", PlanHref(p.id)},
                        {"mentee", OrganisationName(ctx, p.mentee_code)},
                        {"mentee_code", p.mentee_code},
                        {"mentor", OrganisationName(ctx, p.mentor_code)},
                        {"mentor_code", p.mentor_code},
                        {"pair_year", p.pair_year},
                        {"window", p.starts_on.ToString() + " to " + p.ends_on.ToString()},
                        {"questions", Joined(p.questions)},
                        {"open_actions", open},
                        {"actions", p.actions.size()}});
    }
    auto mine = OrganisationsOfMyGroups(ctx, *standing, false);
    if (!mine.ok()) return ctx.Error(503, mine.status());
    nlohmann::json data = {{"plans", list},
                           {"has_plans", !list.empty()},
                           {"sees_everything", standing->SeesEverything()},
                           {"my_organisations", NullIfEmpty(Joined(*mine))},
                           {"may_start", standing->SeesEverything() || standing->ManagesAnyGroup()},
                           {"breadcrumbs", nlohmann::json::array({Breadcrumbs()[0]})}};
    ctx.Page("Buddy improvement plans", "partnership_buddy_plans", data);
}

// ---- Starting a plan ----

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
    if (!Require(ctx, standing->SeesEverything() || standing->ManagesAnyGroup(), kWhoChanges)) return;
    // Prefilled from a pair of the buddy matching page: ?year=2018&mentor=RR7&mentee=RD8.
    PlanForm form;
    form.mentor_code = Upper(ctx.Param("mentor"));
    form.mentee_code = Upper(ctx.Param("mentee"));
    form.pair_year = std::string(text::Trim(ctx.Param("year")));
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
    if (!Require(ctx, standing->SeesEverything() || standing->ManagesAnyGroup(), kWhoChanges)) return;
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
    if (!Require(ctx, rights->change, kWhoChanges)) return;

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

// ---- One plan ----

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
    if (!Require(ctx, to_change ? rights->change : rights->read, to_change ? kWhoChanges : kWhoReads)) {
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

void RegisterBuddyPlanRoutes(Router& router) {
    router.Add("GET", "/buddy-plans", Access::SignedIn(), RouteKind::kPage, ListPlans);
    router.Add("GET", "/buddy-plans/new", Access::SignedIn(), RouteKind::kPage, NewPlan);
    router.Add("POST", "/buddy-plans", Access::SignedIn(), RouteKind::kPage, CreatePlan);
    router.Add("GET", "/buddy-plans/:plan_id", Access::SignedIn(), RouteKind::kPage, GetPlan);
    router.Add("GET", "/buddy-plans/:plan_id/evaluation.csv", Access::SignedIn(), RouteKind::kPage, EvaluationCsv);
    router.Add("POST", "/buddy-plans/:plan_id/actions", Access::SignedIn(), RouteKind::kPage, AddAction);
    router.Add("POST", "/buddy-plans/:plan_id/actions/:action_id", Access::SignedIn(), RouteKind::kPage,
               SetActionStatus);
}

}  // namespace carevoice::web::partnership_pages
