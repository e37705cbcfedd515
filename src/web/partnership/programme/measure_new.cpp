// Adding a measure to a group: what it is called, its unit, which direction is better, an optional target
// and work item, and where its values come from — typed in or imported by the group, a question of the
// published survey for one organisation (its yearly scores copied in at once), or a waiting-time standard
// of the pathway for one area (counted each month when the chart is drawn; aggregated and suppressed).
// Facilitators, chairs and admins only; one transaction with its audit entry.
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/measure_observations.hpp"
#include "core/text.hpp"
#include "improvement/cpes_observations.hpp"
#include "store/cpes_yearly_scores.hpp"
#include "store/measures_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/pathway_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxUnit = 30;

struct MeasureForm {
    std::string name, unit = "%", better = "higher", target, work_item_id, source = "manual", cpes_org_code,
                      cpes_question, pathway_measure = "fds", pathway_area;
};

MeasureForm ReadForm(const RequestContext& ctx) {
    auto trimmed = [&](const char* name) { return std::string(text::Trim(ctx.Param(name))); };
    return {trimmed("name"),
            trimmed("unit"),
            trimmed("better"),
            trimmed("target"),
            trimmed("work_item_id"),
            trimmed("source"),
            text::ToUpper(trimmed("cpes_org_code")),
            text::ToUpper(trimmed("cpes_question")),
            trimmed("pathway_measure"),
            trimmed("pathway_area")};
}

// The element a problem's field is shown at.
std::string FieldId(const std::string& field) {
    if (field == "better") return "better-higher";
    if (field == "source") return "source-manual";
    return field;
}

nlohmann::json Choices(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [value, label] : choices) {
        list.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
    }
    return list;
}

Result<nlohmann::json> AreaChoices(store::Connection& conn, const std::string& selected) {
    CV_ASSIGN_OR_RETURN(auto codes, store::PathwayRepository(conn).ListAreaCodes());
    std::vector<std::pair<std::string, std::string>> choices = {{"", "Every area"}};
    store::OrganisationsRepository orgs(conn);
    for (const auto& code : codes) {
        auto org = orgs.FindByCode(code);
        choices.emplace_back(code, org.ok() ? org->name + " (" + code + ")" : code);
    }
    return Choices(choices, selected);
}

void Render(RequestContext& ctx, const GroupStanding& standing, const MeasureForm& form,
            const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    auto items = store::WorkItemsRepository(ctx.db()).ListByGroup(g.id);
    auto areas = AreaChoices(ctx.db(), form.pathway_area);
    if (!items.ok() || !areas.ok()) return ctx.Error(503, Status::Unavailable("The group cannot be read now."));
    std::vector<std::pair<std::string, std::string>> item_choices = {{"", "None"}};
    for (const auto& w : *items) {
        item_choices.emplace_back(std::to_string(w.id), w.title + " (" + std::to_string(w.programme_year) + ")");
    }
    nlohmann::json data = {
        {"group_name", g.name},
        {"action", GroupPathOf(g.id, "/measures")},
        {"name", form.name},
        {"unit", form.unit},
        {"target", form.target},
        {"better", Choices({{"higher", "Higher is better"},
                            {"lower", "Lower is better"},
                            {"neutral", "Neither: watch for any change"}},
                           form.better)},
        {"work_items", Choices(item_choices, form.work_item_id)},
        {"sources", Choices({{"manual", "Typed in or imported by the group"},
                             {"cpes", "A question of the published National Cancer Patient Experience Survey"},
                             {"pathway", "A waiting-time standard of the pathway, month by month"}},
                            form.source)},
        {"cpes_org_code", form.cpes_org_code},
        {"cpes_question", form.cpes_question},
        {"pathway_measures", Choices(app::PathwayFeedChoices(), form.pathway_measure)},
        {"pathway_areas", *areas},
        {"threshold", ctx.app.config().pathway_small_count_threshold},
        {"programme_href", ProgrammePath(g.id, ctx.app.clock().Today().year(), "#measures")}};
    AddErrors(data, problems, FieldId);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Add a measure: " + g.name, "partnership_measure_new", data, status);
}

// The measure the form describes; each problem names its field, in the order the page shows them.
improvement::Measure Build(const MeasureForm& form, std::int64_t group_id, std::vector<FieldProblem>& problems) {
    improvement::Measure m;
    m.group_id = group_id;
    m.name = form.name;
    m.unit = form.unit;
    if (m.name.empty()) problems.push_back({"name", "Enter the measure's name"});
    if (m.name.size() > kMaxName) problems.push_back({"name", "The name must be 200 characters or fewer"});
    if (m.unit.size() > kMaxUnit) problems.push_back({"unit", "The unit must be 30 characters or fewer"});
    auto better = improvement::ParseImprovementDirection(form.better);
    if (better.ok()) {
        m.better = *better;
    } else {
        problems.push_back({"better", "Choose whether higher or lower is better"});
    }
    if (!form.target.empty()) {
        auto target = text::ParseDouble(form.target);
        if (!target.ok() || !std::isfinite(*target)) {
            problems.push_back({"target", "The target must be a number, for example 95"});
        } else if (m.unit == "%" && (*target < 0 || *target > 100)) {
            problems.push_back({"target", "The target is a percentage: enter a number from 0 to 100"});
        } else {
            m.target = *target;
        }
    }
    if (!form.work_item_id.empty()) {
        auto id = text::ParseInt(form.work_item_id);
        if (id.ok()) {
            m.work_item_id = *id;
        } else {
            problems.push_back({"work_item_id", "Choose the work item from the list"});
        }
    }
    auto source = improvement::ParseMeasureSource(form.source);
    if (!source || *source == improvement::MeasureSource::kCsv) {
        problems.push_back({"source", "Choose where the measure's values come from"});
        return m;
    }
    m.source = *source;
    if (m.source == improvement::MeasureSource::kCpes) {
        m.cpes_org_code = form.cpes_org_code;
        m.cpes_question = form.cpes_question;
        if (m.cpes_org_code.empty())
            problems.push_back({"cpes_org_code", "Enter the organisation's code, such as RD8"});
        if (m.cpes_question.empty()) problems.push_back({"cpes_question", "Enter the survey question, such as Q17"});
    } else if (m.source == improvement::MeasureSource::kPathway) {
        m.pathway_measure = form.pathway_measure;
        m.pathway_area = form.pathway_area;
        if (!app::CheckPathwayFeed(m).ok() || m.pathway_measure.empty()) {
            problems.push_back({"pathway_measure", "Choose the waiting-time standard from the list"});
        }
    }
    if (problems.empty()) forms::AddValidation(problems, improvement::ValidateMeasure(m), "name");
    return m;
}

// The survey's yearly scores of the measure's question for its organisation; a problem naming the field
// when the organisation is unknown or nothing was published for it.
std::vector<improvement::Observation> SurveyValues(store::Connection& conn, const improvement::Measure& m,
                                                   std::vector<FieldProblem>& problems) {
    if (!store::OrganisationsRepository(conn).FindByCode(m.cpes_org_code).ok()) {
        problems.push_back({"cpes_org_code", "carevoice knows no organisation with the code " + m.cpes_org_code +
                                                 ": check it on the organisation's survey profile"});
        return {};
    }
    auto scores = store::CpesYearlyScores(conn, m.cpes_org_code, m.cpes_question);
    auto values = scores.ok() ? improvement::ObservationsFromCpes(*scores)
                              : Result<std::vector<improvement::Observation>>(scores.status());
    if (!values.ok() || values->empty()) {
        problems.push_back({"cpes_question", "The survey results carevoice holds have no published score of " +
                                                 m.cpes_question + " for " + m.cpes_org_code});
        return {};
    }
    return std::move(*values);
}

void NewMeasure(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManagesProgramme);
    if (!standing) return;
    Render(ctx, *standing, {}, {}, 200);
}

void CreateMeasure(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManagesProgramme);
    if (!standing) return;
    const MeasureForm form = ReadForm(ctx);
    std::vector<FieldProblem> problems;
    improvement::Measure measure = Build(form, standing->group.id, problems);
    std::vector<improvement::Observation> values;
    if (problems.empty() && measure.source == improvement::MeasureSource::kCpes) {
        values = SurveyValues(ctx.db(), measure, problems);
    }
    if (!problems.empty()) return Render(ctx, *standing, form, problems, 422);
    auto created = [&]() -> Result<improvement::Measure> {
        CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
        store::MeasuresRepository measures(ctx.db());
        CV_ASSIGN_OR_RETURN(auto made, measures.Create(measure, ctx.app.clock().NowSeconds()));
        if (!values.empty()) CV_RETURN_IF_ERROR(measures.ReplaceObservations(made.id, values));
        CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "measure.create", "measure",
                                            std::to_string(made.id), "success"));
        CV_RETURN_IF_ERROR(tx.Commit());
        return made;
    }();
    if (!created.ok()) {
        if (created.status().code() == StatusCode::kInvalidArgument) {
            forms::AddValidation(problems, created.status(), "name");
            return Render(ctx, *standing, form, problems, 422);
        }
        return ctx.Error(HttpStatusFor(created.status()), created.status());
    }
    ctx.Redirect(GroupPathOf(standing->group.id, "/measures/" + std::to_string(created->id)),
                 "Added the measure " + created->name + ".");
}

}  // namespace

void RegisterMeasureFormRoutes(Router& router) {
    router.Add("GET", "/groups/:id/measures/new", Access::SignedIn(), RouteKind::kPage, NewMeasure);
    router.Add("POST", "/groups/:id/measures", Access::SignedIn(), RouteKind::kPage, CreateMeasure);
}

}  // namespace carevoice::web::partnership_pages
