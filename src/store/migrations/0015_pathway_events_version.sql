-- The clocks of every pathway depend on the events alone, so events get a version of their own beside the
-- data version of migration 0010: a change of key worker, next action, acknowledgement or alert setting
-- makes the tracking list rebuild its rows, not read and recompute every event again (issue 9, item 11).
-- Both numbers live in the one row a request reads.
ALTER TABLE pathway_data_version ADD COLUMN events_version BIGINT NOT NULL DEFAULT 0;
