-- Platform foundation (issue 2): settings, organisations, accounts, sessions, sign-in throttling, audit log.
-- Times are BIGINT seconds since 1970-01-01 UTC; flags are INTEGER 0/1 so both engines read them alike.

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('trust', 'ccg', 'alliance', 'national', 'other')),
    parent_id BIGINT REFERENCES organisations (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id {{id}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'facilitator', 'member', 'coordinator')),
    organisation_id BIGINT REFERENCES organisations (id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

-- The session token itself is never stored: only its SHA-256, so a copy of the database
-- cannot be used to take over a session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id {{id}},
    username TEXT NOT NULL,
    client_address TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (client_address, at);

CREATE TABLE audit_log (
    id {{id}},
    at BIGINT NOT NULL,
    user_id BIGINT,
    username TEXT,
    role TEXT,
    action TEXT NOT NULL,
    record_type TEXT,
    record_id TEXT,
    outcome TEXT NOT NULL,
    client_address TEXT,
    request_id TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
