-- Pathway events stored in the order of their key (issue 9, item 11): a WITHOUT ROWID table keeps one
-- B-tree, ordered by (pathway_ref, event_id), instead of a rowid table plus a separate index on that key. An
-- import writes each event once instead of twice, and reading a pathway's events, or every event by pathway,
-- follows the key. PostgreSQL keeps its table and primary-key index (0014 is a no-op there).
CREATE TABLE pathway_events_clustered (
    pathway_ref TEXT NOT NULL,
    event_id TEXT NOT NULL,
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    provider TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL DEFAULT '',
    modality TEXT NOT NULL DEFAULT '',
    admitted TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    until_date TEXT NOT NULL DEFAULT '',
    to_provider TEXT NOT NULL DEFAULT '',
    supersedes TEXT NOT NULL DEFAULT '',
    recorded_at BIGINT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (pathway_ref, event_id)
) WITHOUT ROWID;
INSERT INTO pathway_events_clustered
    SELECT pathway_ref, event_id, date, type, provider, route, modality, admitted, outcome, until_date,
           to_provider, supersedes, recorded_at, recorded_by
    FROM pathway_events;
DROP TABLE pathway_events;
ALTER TABLE pathway_events_clustered RENAME TO pathway_events;
