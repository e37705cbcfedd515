#include "store/measures_repository.hpp"

#include <map>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using improvement::ImprovementDirection;
using improvement::Measure;
using improvement::Observation;

constexpr const char* kColumns =
    "id, group_id, name, unit, better, target, work_item_id, source, cpes_org_code, cpes_question, pathway_measure, "
    "pathway_area";

std::optional<ImprovementDirection> ParseBetter(std::string_view name) {
    auto parsed = improvement::ParseImprovementDirection(name);
    if (!parsed.ok()) return std::nullopt;
    return *parsed;
}

Result<Measure> MeasureFrom(const Row& row) {
    RowReader r(row, "measures");
    Measure m;
    m.id = r.Int(0);
    m.group_id = r.Int(1);
    m.name = r.Text(2);
    m.unit = r.Text(3);
    m.better = r.Parsed<ImprovementDirection>(4, ParseBetter);
    m.target = r.OptDouble(5);
    m.work_item_id = r.OptInt(6);
    m.source = r.Parsed<improvement::MeasureSource>(7, improvement::ParseMeasureSource);
    m.cpes_org_code = r.Text(8);
    m.cpes_question = r.Text(9);
    m.pathway_measure = r.Text(10);
    m.pathway_area = r.Text(11);
    if (!r.status().ok()) return r.status();
    return m;
}

}  // namespace

Status MeasuresRepository::Check(const Measure& measure) {
    CV_RETURN_IF_ERROR(improvement::ValidateMeasure(measure));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, measure.group_id));
    if (!measure.work_item_id) return Status::Ok();
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id FROM work_items WHERE id = ? AND group_id = ?",
                                               {*measure.work_item_id, measure.group_id}));
    if (!rows.empty()) return Status::Ok();
    const std::string problem = std::to_string(*measure.work_item_id) + " is not one of this group's work items";
    return Status::InvalidArgument("the measure is not valid: work_item_id " + problem, {{"work_item_id", problem}});
}

Status MeasuresRepository::InsertRebases(std::int64_t measure_id, std::span<const improvement::Rebase> rebases) {
    for (const improvement::Rebase& rebase : rebases) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO measure_rebase_dates (measure_id, rebase_on, reason) VALUES "
                                        "(?, ?, ?)",
                                        {measure_id, DateValue(rebase.on), rebase.reason})
                               .status());
    }
    return Status::Ok();
}

Result<Measure> MeasuresRepository::Create(const Measure& measure, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(measure));
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO measures (group_id, name, unit, better, target, "
                                 "work_item_id, source, cpes_org_code, cpes_question, pathway_measure, "
                                 "pathway_area, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?) RETURNING id",
                                 {measure.group_id, measure.name, measure.unit,
                                  std::string(improvement::DirectionName(measure.better)), OrNull(measure.target),
                                  OrNull(measure.work_item_id),
                                  std::string(improvement::MeasureSourceName(measure.source)), measure.cpes_org_code,
                                  measure.cpes_question, measure.pathway_measure, measure.pathway_area, now, now}));
    Measure created = measure;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(InsertRebases(created.id, measure.rebases));
    return created;
}

Result<Measure> MeasuresRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto measures, Load("id = ?", id));
    if (measures.empty()) return Status::NotFound("no measure has the id " + std::to_string(id));
    return std::move(measures.front());
}

Result<std::int64_t> MeasuresRepository::CorrectObservation(std::int64_t measure_id, CivilDate date,
                                                            std::optional<double> new_value, const std::string& reason,
                                                            const std::string& changed_by, std::int64_t now) {
    if (new_value) {
        const Observation one[] = {{date, *new_value}};
        CV_RETURN_IF_ERROR(improvement::ValidateObservations(one));
    }
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT value FROM measure_observations WHERE measure_id = ? AND "
                                               "observed_on = ?",
                                               {measure_id, DateValue(date)}));
    if (rows.empty()) return Status::NotFound("the measure has no value on " + date.ToString());
    const double old_value = rows.front().Double(0);
    if (new_value) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("UPDATE measure_observations SET value = ? WHERE measure_id = ? AND "
                                        "observed_on = ?",
                                        {*new_value, measure_id, DateValue(date)})
                               .status());
    } else {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("DELETE FROM measure_observations WHERE measure_id = ? AND observed_on = ?",
                                        {measure_id, DateValue(date)})
                               .status());
    }
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO measure_value_changes (measure_id, observed_on, "
                                 "old_value, new_value, reason, changed_by, changed_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 {measure_id, DateValue(date), old_value, OrNull(new_value), reason, changed_by, now}));
    return row.Int(0);
}

Result<std::vector<ValueChange>> MeasuresRepository::ListChanges(std::int64_t measure_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, observed_on, old_value, new_value, reason, changed_by, "
                                               "changed_at FROM measure_value_changes WHERE measure_id = ? ORDER BY "
                                               "id DESC",
                                               {measure_id}));
    std::vector<ValueChange> out;
    for (const Row& row : rows) {
        RowReader r(row, "measure_value_changes");
        ValueChange c;
        c.id = r.Int(0);
        c.date = r.Date(1);
        c.old_value = row.Double(2);
        c.new_value = r.OptDouble(3);
        c.reason = r.Text(4);
        c.changed_by = r.Text(5);
        c.changed_at = r.Int(6);
        if (!r.status().ok()) return r.status();
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<Measure>> MeasuresRepository::ListByGroup(std::int64_t group_id) {
    return Load("group_id = ?", group_id);
}

Status MeasuresRepository::Update(const Measure& measure, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(measure));
    CV_RETURN_IF_ERROR(RequireChanged(
        conn_.Execute(
            "UPDATE measures SET name = ?, unit = ?, better = ?, target = ?, work_item_id = ?, source = ?, "
            "cpes_org_code = ?, cpes_question = ?, pathway_measure = ?, pathway_area = ?, updated_at = ? "
            "WHERE id = ? AND group_id = ?",
            {measure.name, measure.unit, std::string(improvement::DirectionName(measure.better)),
             OrNull(measure.target), OrNull(measure.work_item_id),
             std::string(improvement::MeasureSourceName(measure.source)), measure.cpes_org_code, measure.cpes_question,
             measure.pathway_measure, measure.pathway_area, now, measure.id, measure.group_id}),
        "measure of this group", measure.id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM measure_rebase_dates WHERE measure_id = ?", {measure.id}).status());
    return InsertRebases(measure.id, measure.rebases);
}

Status MeasuresRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM measures WHERE id = ?", {id}), "measure", id);
}

Status MeasuresRepository::ReplaceObservations(std::int64_t measure_id, std::span<const Observation> observations) {
    CV_RETURN_IF_ERROR(improvement::ValidateObservations(observations));
    CV_RETURN_IF_ERROR(Find(measure_id).status());
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM measure_observations WHERE measure_id = ?", {measure_id}).status());
    for (const Observation& o : observations) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO measure_observations (measure_id, observed_on, value) VALUES "
                                        "(?, ?, ?)",
                                        {measure_id, DateValue(o.date), o.value})
                               .status());
    }
    return Status::Ok();
}

Status MeasuresRepository::SetObservation(std::int64_t measure_id, const Observation& observation) {
    const Observation one[] = {observation};
    CV_RETURN_IF_ERROR(improvement::ValidateObservations(one));
    CV_RETURN_IF_ERROR(Find(measure_id).status());
    return conn_
        .Execute(
            "INSERT INTO measure_observations (measure_id, observed_on, value) VALUES (?, ?, ?) "
            "ON CONFLICT (measure_id, observed_on) DO UPDATE SET value = excluded.value",
            {measure_id, DateValue(observation.date), observation.value})
        .status();
}

Result<std::vector<Observation>> MeasuresRepository::Observations(std::int64_t measure_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT observed_on, value FROM measure_observations WHERE "
                                               "measure_id = ? ORDER BY observed_on",
                                               {measure_id}));
    std::vector<Observation> out;
    for (const Row& row : rows) {
        RowReader r(row, "measure_observations");
        Observation o{r.Date(0), r.Double(1)};
        if (!r.status().ok()) return r.status();
        out.push_back(o);
    }
    return out;
}

Result<std::vector<Measure>> MeasuresRepository::Load(const std::string& where, std::int64_t id) {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query(std::string("SELECT ") + kColumns + " FROM measures WHERE " + where + " ORDER BY name, id", {id}));
    std::vector<Measure> measures;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(Measure measure, MeasureFrom(row));
        index[measure.id] = measures.size();
        measures.push_back(std::move(measure));
    }
    if (measures.empty()) return measures;
    CV_ASSIGN_OR_RETURN(auto rebases,
                        conn_.Query("SELECT measure_id, rebase_on, reason FROM measure_rebase_dates WHERE "
                                    "measure_id IN (SELECT id FROM measures WHERE " +
                                        where + ") ORDER BY measure_id, rebase_on",
                                    {id}));
    for (const Row& row : rebases) {
        RowReader r(row, "measure_rebase_dates");
        const CivilDate date = r.Date(1);
        if (!r.status().ok()) return r.status();
        measures[index[row.Int(0)]].rebases.push_back({date, r.Text(2)});
    }
    return measures;
}

}  // namespace carevoice::store
