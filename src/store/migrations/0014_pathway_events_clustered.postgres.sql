-- On SQLite, 0014 stores pathway events in the order of their key (a WITHOUT ROWID table). PostgreSQL has no
-- rowid: its table and primary-key index stay as they are.
SELECT 1;
