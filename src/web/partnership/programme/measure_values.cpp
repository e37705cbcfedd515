// Adding to a measure's data: one value typed in, or many from a CSV file of `date,value` rows (a
// spreadsheet's export). An import adds each row's date, or changes the value already on that date, all
// or nothing: a file with a problem writes nothing and the page names each problem's line. Measures fed
// from the published survey take no values by hand. Facilitators, chairs and admins only.
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "improvement/spc_csv.hpp"
#include "store/measures_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

struct ValuesForm {
    DateInput date;
    std::string value, csv;
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
        {"csv", form.csv}};
    AddErrors(data, form.problems, [](const std::string& field) {
        if (field == "date") return std::string("date-day");
        if (field == "value") return std::string("value");
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
    auto date = ParseDateInput(form.date, "the date of the value", true, form.problems);
    std::optional<double> value;
    if (form.value.empty()) {
        form.problems.push_back({"value", "Enter the value"});
    } else if (auto v = text::ParseDouble(form.value); v.ok() && std::isfinite(*v)) {
        value = *v;
    } else {
        form.problems.push_back({"value", "The value must be a number, for example 84.5"});
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
    auto parsed = improvement::ParseObservationsCsv(text);
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

}  // namespace

void RegisterMeasureValueRoutes(Router& router) {
    router.Add("GET", "/groups/:id/measures/:measure_id/values", Access::SignedIn(), RouteKind::kPage, ShowValues);
    router.Add("POST", "/groups/:id/measures/:measure_id/values", Access::SignedIn(), RouteKind::kPage, AddValue);
    // The values come as a CSV file or pasted into the "csv" box.
    router.Add("POST", "/groups/:id/measures/:measure_id/import", Access::SignedIn(), RouteKind::kPage, Import,
               RouteOptions::Upload({"csv"}));
}

}  // namespace carevoice::web::partnership_pages
