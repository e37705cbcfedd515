-- Measures fed from the pathway (issue 9): a monthly waiting-time standard for one area, computed from the
-- pathway's events whenever the chart is drawn. And rebasing with its reason (issue 10): the chart shows why
-- its limits were recalculated from a date.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt. Foreign keys stay on (a
-- migration runs in one transaction, where they cannot be switched off), so dropping `measures` while rows
-- still referred to it would cascade into its observations: the two tables that refer to it are copied
-- first, the originals dropped, and the renames (which rewrite references) put every name back.
CREATE TABLE measures_v9 (
    id INTEGER PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    better TEXT NOT NULL CHECK (better IN ('higher', 'lower', 'neutral')),
    target DOUBLE PRECISION,
    work_item_id BIGINT REFERENCES work_items (id) ON DELETE SET NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'cpes', 'pathway')),
    cpes_org_code TEXT NOT NULL,
    cpes_question TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    pathway_measure TEXT NOT NULL DEFAULT '',
    pathway_area TEXT NOT NULL DEFAULT ''
);
INSERT INTO measures_v9 (id, group_id, name, unit, better, target, work_item_id, source, cpes_org_code,
                         cpes_question, created_at, updated_at)
    SELECT id, group_id, name, unit, better, target, work_item_id, source, cpes_org_code, cpes_question,
           created_at, updated_at FROM measures;

CREATE TABLE measure_rebase_dates_v9 (
    measure_id BIGINT NOT NULL REFERENCES measures_v9 (id) ON DELETE CASCADE,
    rebase_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (measure_id, rebase_on)
);
INSERT INTO measure_rebase_dates_v9 (measure_id, rebase_on) SELECT measure_id, rebase_on FROM measure_rebase_dates;

CREATE TABLE measure_observations_v9 (
    measure_id BIGINT NOT NULL REFERENCES measures_v9 (id) ON DELETE CASCADE,
    observed_on TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (measure_id, observed_on)
);
INSERT INTO measure_observations_v9 SELECT measure_id, observed_on, value FROM measure_observations;

DROP TABLE measure_observations;
DROP TABLE measure_rebase_dates;
DROP TABLE measures;
ALTER TABLE measures_v9 RENAME TO measures;
ALTER TABLE measure_rebase_dates_v9 RENAME TO measure_rebase_dates;
ALTER TABLE measure_observations_v9 RENAME TO measure_observations;
CREATE INDEX measures_group ON measures (group_id);
