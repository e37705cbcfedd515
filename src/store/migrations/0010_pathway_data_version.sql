-- One number that changes whenever anything the tracking list shows changes (issue 9, item 11): patients,
-- pathways, key workers, next actions, acknowledgements and events. The repositories that write those add 1
-- in the writing transaction; the tracking list keeps what it computed for a version and a day, and a request
-- reads this one row to know whether that is still true — not a COUNT(*) over millions of events.
CREATE TABLE pathway_data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO pathway_data_version (id, version) VALUES (1, 0);
