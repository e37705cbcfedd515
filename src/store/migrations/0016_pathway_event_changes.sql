-- Which pathways each write of events touched, by events version (migration 0015), so that the tracking list
-- recomputes the clocks of those pathways only, not of every pathway (22.7 million events at England scale).
-- A write touching very many pathways (a bulk load) records one row with pathway_ref '*': "everything".
-- Old rows are pruned; a reader whose clocks are older than what is left reads everything again.
CREATE TABLE pathway_event_changes (
    events_version BIGINT NOT NULL,
    pathway_ref TEXT NOT NULL,
    PRIMARY KEY (events_version, pathway_ref)
);
