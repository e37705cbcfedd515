-- Measures fed from the pathway (issue 9): a monthly waiting-time standard for one area, computed from the
-- pathway's events whenever the chart is drawn. And rebasing with its reason (issue 10): the chart shows why
-- its limits were recalculated from a date.
ALTER TABLE measures DROP CONSTRAINT measures_source_check;
ALTER TABLE measures ADD CONSTRAINT measures_source_check
    CHECK (source IN ('manual', 'csv', 'cpes', 'pathway'));
ALTER TABLE measures ADD COLUMN pathway_measure TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN pathway_area TEXT NOT NULL DEFAULT '';
ALTER TABLE measure_rebase_dates ADD COLUMN reason TEXT NOT NULL DEFAULT '';
