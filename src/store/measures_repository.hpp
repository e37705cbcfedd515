// Measures a group tracks on XmR charts, and their observations, in storage. Charts are computed by
// improvement::ComputeXmrChart from Observations() and improvement::SpcOptionsFor(measure). Writes
// happen inside the caller's transaction (see groups_repository.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "improvement/measure.hpp"
#include "improvement/spc.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

// A value changed or removed after it was recorded, and why.
struct ValueChange {
    std::int64_t id = 0;
    CivilDate date;
    double old_value = 0;
    std::optional<double> new_value;  // none: removed
    std::string reason, changed_by;
    std::int64_t changed_at = 0;
};

class MeasuresRepository {
  public:
    explicit MeasuresRepository(Connection& conn) : conn_(conn) {}

    // Validates (improvement::ValidateMeasure); a linked work item must be the group's.
    Result<improvement::Measure> Create(const improvement::Measure& measure, std::int64_t now);
    Result<improvement::Measure> Find(std::int64_t id);
    Result<std::vector<improvement::Measure>> ListByGroup(std::int64_t group_id);  // by name
    Status Update(const improvement::Measure& measure, std::int64_t now);
    // Deletes the measure with its observations.
    Status Delete(std::int64_t id);

    // Replaces every observation of the measure (an imported CSV file, or a refresh from the survey).
    Status ReplaceObservations(std::int64_t measure_id, std::span<const improvement::Observation> observations);
    // Adds one observation, or changes the value of the one on that date.
    Status SetObservation(std::int64_t measure_id, const improvement::Observation& observation);
    // Oldest first.
    Result<std::vector<improvement::Observation>> Observations(std::int64_t measure_id);

    // Changes the value on `date` to `new_value`, or removes it (none), keeping the old value and the
    // reason; returns the change's id. NotFound when the measure has no value on that date.
    Result<std::int64_t> CorrectObservation(std::int64_t measure_id, CivilDate date, std::optional<double> new_value,
                                            const std::string& reason, const std::string& changed_by, std::int64_t now);
    // Newest first.
    Result<std::vector<ValueChange>> ListChanges(std::int64_t measure_id);

  private:
    Status Check(const improvement::Measure& measure);
    Status InsertRebases(std::int64_t measure_id, std::span<const improvement::Rebase> rebases);
    Result<std::vector<improvement::Measure>> Load(const std::string& where, std::int64_t id);
    Connection& conn_;
};

}  // namespace carevoice::store
