// Adding to a measure's data: one value typed in, or many from a CSV file of `date,value` rows (a
// spreadsheet's export). An import adds each row's date, or changes the value already on that date, all
// or nothing: a file with a problem writes nothing and the page names each problem's line. Values must fit
// the measure (a percentage from 0 to 100, no date in the future). A value typed in is never put over one
// already there: it is corrected or removed with a reason, which is kept with the old value (shown with
// the chart) and the audit entry points at. Measures fed from the survey or the pathway take no values by
// hand. Facilitators, chairs and admins only.
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "improvement/spc_csv.hpp"
#include "store/measures_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr std::size_t kMaxReason = 500;

struct ValuesForm {
    DateInput date;
    std::string value, csv;
    std::string correct_date, correct_action = "change", correct_value, correct_reason;
    std::vector<FieldProblem> problems;
};

struct LoadedMeasure {
    GroupStanding standing;
    improvement::Measure measure;
};

std::optional<LoadedMeasure> Load(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManagesProgramme);
    if (!standing) return std::nullopt;
    auto id = text::ParseInt(ctx.params["measure_id"]);
    auto measure = id.ok() ? store::MeasuresRepository(ctx.db()).Find(*id)
                           : Result<improvement::Measure>(Status::NotFound("no such measure"));
    if (!measure.ok() || measure->group_id != standing->group.id) {
        ctx.Error(404, Status::NotFound("this group has no such measure"));
        return std::nullopt;
    }
    return LoadedMeasure{std::move(*standing), std::move(*measure)};
}

std::string MeasurePath(const LoadedMeasure& m, const std::string& rest = "") {
    return GroupPathOf(m.standing.group.id, "/measures/" + std::to_string(m.measure.id) + rest);
}

void Render(RequestContext& ctx, const LoadedMeasure& m, const ValuesForm& form, int status) {
    const auto& g = m.standing.group;
    auto observations = store::MeasuresRepository(ctx.db()).Observations(m.measure.id);
    if (!observations.ok()) return ctx.Error(503, observations.status());
    nlohmann::json latest = nlohmann::json::array();
    nlohmann::json dates = nlohmann::json::array();
    for (auto it = observations->rbegin(); it != observations->rend(); ++it) {
        const std::string iso = it->date.ToString();
        dates.push_back({{"value", iso},
                         {"label", it->date.ToLongString() + ": " + svg::Number(it->value, 2)},
                         {"selected", iso == form.correct_date}});
    }
    const std::size_t n = observations->size();
    for (std::size_t i = n > 5 ? n - 5 : 0; i < n; ++i) {
        latest.push_back({{"date", (*observations)[i].date.ToString()}, {"value", (*observations)[i].value}});
    }
    std::string date_error;
    for (const auto& p : form.problems) {
        if (p.field == "date") date_error = p.problem;
    }
    const bool from_survey = m.measure.source == improvement::MeasureSource::kCpes;
    const bool from_pathway = m.measure.source == improvement::MeasureSource::kPathway;
    nlohmann::json data = {
        {"name", m.measure.name},
        {"unit", m.measure.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.measure.unit)},
        {"group_name", g.name},
        {"chart_href", MeasurePath(m)},
        {"values_action", MeasurePath(m, "/values")},
        {"import_action", MeasurePath(m, "/import")},
        {"from_survey", from_survey},
        {"from_pathway", from_pathway},
        {"fed", from_survey || from_pathway},
        {"count", static_cast<int>(n)},
        {"latest", latest},
        {"has_latest", !latest.empty()},
        {"date", DateFieldData("date", form.date, "Date of the value", "For example, 1 9 2026", date_error)},
        {"value", form.value},
        {"range_hint", improvement::ValueRuleFor(m.measure, ctx.app.clock().Today()).range_words.empty()
                           ? ""
                           : "The measure is in %: a number from 0 to 100"},
        {"csv", form.csv},
        {"correct_action_href", MeasurePath(m, "/values/correct")},
        {"dates", dates},
        {"change_selected", form.correct_action != "remove"},
        {"remove_selected", form.correct_action == "remove"},
        {"correct_value", form.correct_value},
        {"correct_reason", form.correct_reason}};
    AddErrors(data, form.problems, [](const std::string& field) {
        if (field == "date") return std::string("date-day");
        if (field == "correct_action") return std::string("correct_action-change");
        if (field == "value" || field.rfind("correct_", 0) == 0) return field;
        return std::string("csv");
    });
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back({{"href", MeasurePath(m)}, {"label", m.measure.name}});
    ctx.Page("Add values: " + m.measure.name, "partnership_measure_values", data, status);
}

// Measures fed from the survey or the pathway take no values by hand.
bool RefuseFedMeasure(RequestContext& ctx, const LoadedMeasure& m) {
    if (m.measure.source == improvement::MeasureSource::kCpes) {
        ctx.Error(422, "invalid_argument",
                  "This measure is fed from the published survey results: its values change when the results are "
                  "imported, not by hand.");
        return true;
    }
    if (m.measure.source == improvement::MeasureSource::kPathway) {
        ctx.Error(422, "invalid_argument",
                  "This measure is fed from the pathway: its values are counted from the pathway's events each "
                  "month, not typed in.");
        return true;
    }
    return false;
}

void ShowValues(RequestContext& ctx) {
    auto m = Load(ctx);
    if (!m) return;
    Render(ctx, *m, {}, 200);
}

Status Write(RequestContext& ctx, const LoadedMeasure& m, const std::vector<improvement::Observation>& values,
             const std::string& action) {
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return tx.status();
    store::MeasuresRepository measures(ctx.db());
    for (const auto& o : values) CV_RETURN_IF_ERROR(measures.SetObservation(m.measure.id, o));
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), action, "measure",
                                        std::to_string(m.measure.id), "success"));
    return tx->Commit();
}

void AddValue(RequestContext& ctx) {
    auto m = Load(ctx);
    if (!m || RefuseFedMeasure(ctx, *m)) return;
    ValuesForm form;
    form.date = ReadDateInput(ctx, "date");
    form.value = std::string(text::Trim(ctx.Param("value")));
    const improvement::ValueRule rule = improvement::ValueRuleFor(m->measure, ctx.app.clock().Today());
    auto date = ParseDateInput(form.date, "the date of the value", true, form.problems);
    if (date && rule.DateProblem(*date)) {
        form.problems.push_back({"date", "The date of the value must be today or earlier"});
    }
    std::optional<double> value;
    if (form.value.empty()) {
        form.problems.push_back({"value", "Enter the value"});
    } else if (auto v = text::ParseDouble(form.value); !v.ok() || !std::isfinite(*v)) {
        form.problems.push_back({"value", "The value must be a number, for example 84.5"});
    } else if (rule.ValueProblem(*v)) {
        form.problems.push_back({"value", "The value must be " + rule.range_words + " (" + form.value + " is not)"});
    } else {
        value = *v;
    }
    if (date && form.problems.empty()) {
        auto existing = store::MeasuresRepository(ctx.db()).Observations(m->measure.id);
        if (!existing.ok()) return ctx.Error(503, existing.status());
        for (const auto& o : *existing) {
            if (o.date == *date) {
                form.problems.push_back({"date", "There is already a value on " + date->ToLongString() +
                                                     ": to change it, correct it below and say why"});
            }
        }
    }
    if (!form.problems.empty()) return Render(ctx, *m, form, 422);
    if (Status s = Write(ctx, *m, {{*date, *value}}, "measure.value_set"); !s.ok()) {
        return ctx.Error(HttpStatusFor(s), s);
    }
    ctx.Redirect(MeasurePath(*m), "Added " + form.value + " on " + date->ToString() + ".");
}

void Import(RequestContext& ctx) {
    auto m = Load(ctx);
    if (!m || RefuseFedMeasure(ctx, *m)) return;
    ValuesForm form;
    std::string text = ctx.Param("file");
    if (text::Trim(text).empty()) text = ctx.Param("csv");
    form.csv = ctx.Param("csv");
    if (text::Trim(text).empty()) {
        form.problems.push_back({"csv", "Choose a CSV file, or paste its rows, with the columns date and value"});
        return Render(ctx, *m, form, 422);
    }
    auto parsed =
        improvement::ParseObservationsCsv(text, improvement::ValueRuleFor(m->measure, ctx.app.clock().Today()));
    if (!parsed.ok()) {
        for (const auto& d : parsed.status().details()) {
            form.problems.push_back({"csv", d.field.empty() ? d.problem : d.field + ": " + d.problem});
        }
        if (form.problems.empty()) form.problems.push_back({"csv", parsed.status().message()});
        return Render(ctx, *m, form, 422);
    }
    if (Status s = Write(ctx, *m, *parsed, "measure.import"); !s.ok()) return ctx.Error(HttpStatusFor(s), s);
    ctx.Redirect(MeasurePath(*m), "Imported " + std::to_string(parsed->size()) + " values.");
}

// Changes or removes one value, with the reason: the old value and the reason are kept (shown with the
// chart), and the audit entry names the change.
void CorrectValue(RequestContext& ctx) {
    auto m = Load(ctx);
    if (!m || RefuseFedMeasure(ctx, *m)) return;
    ValuesForm form;
    form.correct_date = std::string(text::Trim(ctx.Param("correct_date")));
    form.correct_action = std::string(text::Trim(ctx.Param("correct_action")));
    form.correct_value = std::string(text::Trim(ctx.Param("correct_value")));
    form.correct_reason = std::string(text::Trim(ctx.Param("correct_reason")));
    auto date = CivilDate::Parse(form.correct_date);
    if (!date.ok()) form.problems.push_back({"correct_date", "Choose the value to correct from the list"});
    const bool remove = form.correct_action == "remove";
    if (!remove && form.correct_action != "change") {
        form.problems.push_back({"correct_action", "Choose whether to change the value or remove it"});
    }
    std::optional<double> value;
    if (!remove) {
        const improvement::ValueRule rule = improvement::ValueRuleFor(m->measure, ctx.app.clock().Today());
        auto v = text::ParseDouble(form.correct_value);
        if (form.correct_value.empty()) {
            form.problems.push_back({"correct_value", "Enter the correct value"});
        } else if (!v.ok() || !std::isfinite(*v)) {
            form.problems.push_back({"correct_value", "The correct value must be a number, for example 84.5"});
        } else if (rule.ValueProblem(*v)) {
            form.problems.push_back({"correct_value", "The correct value must be " + rule.range_words + " (" +
                                                          form.correct_value + " is not)"});
        } else {
            value = *v;
        }
    }
    if (form.correct_reason.empty()) {
        form.problems.push_back({"correct_reason", "Enter the reason for the correction"});
    } else if (form.correct_reason.size() > kMaxReason) {
        form.problems.push_back({"correct_reason", "The reason must be 500 characters or fewer"});
    }
    if (!form.problems.empty()) return Render(ctx, *m, form, 422);
    auto changed = [&]() -> Result<std::int64_t> {
        CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
        CV_ASSIGN_OR_RETURN(auto id, store::MeasuresRepository(ctx.db()).CorrectObservation(
                                         m->measure.id, *date, value, form.correct_reason, ctx.user->username,
                                         ctx.app.clock().NowSeconds()));
        CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(),
                                            remove ? "measure.value_removed" : "measure.value_corrected",
                                            "measure_value_change", std::to_string(id), "success"));
        CV_RETURN_IF_ERROR(tx.Commit());
        return id;
    }();
    if (changed.status().code() == StatusCode::kNotFound) {
        form.problems.push_back({"correct_date", "The measure has no value on that date: choose one from the list"});
        return Render(ctx, *m, form, 422);
    }
    if (!changed.ok()) return ctx.Error(HttpStatusFor(changed.status()), changed.status());
    ctx.Redirect(MeasurePath(*m), std::string(remove ? "Removed" : "Corrected") + " the value of " +
                                      date->ToLongString() + ". The reason is kept with the chart.");
}

}  // namespace

void RegisterMeasureValueRoutes(Router& router) {
    router.Add("GET", "/groups/:id/measures/:measure_id/values", Access::SignedIn(), RouteKind::kPage, ShowValues);
    router.Add("POST", "/groups/:id/measures/:measure_id/values", Access::SignedIn(), RouteKind::kPage, AddValue);
    router.Add("POST", "/groups/:id/measures/:measure_id/values/correct", Access::SignedIn(), RouteKind::kPage,
               CorrectValue);
    // The values come as a CSV file or pasted into the "csv" box.
    router.Add("POST", "/groups/:id/measures/:measure_id/import", Access::SignedIn(), RouteKind::kPage, Import,
               RouteOptions::Upload({"csv"}));
}

}  // namespace carevoice::web::partnership_pages
