-- Corrections and removals of a measure's values (issue 10, item 3): a value is never changed silently; the
-- value it had, the value it has now (none when removed), why, who and when are kept, shown with the chart
-- and pointed at by the audit entry.
CREATE TABLE measure_value_changes (
    id {{id}},
    measure_id BIGINT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    observed_on TEXT NOT NULL,
    old_value DOUBLE PRECISION NOT NULL,
    new_value DOUBLE PRECISION,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX measure_value_changes_measure ON measure_value_changes (measure_id);
