-- What a person typed into a form when their session had expired (issue 10, item 2): kept for a short while,
-- under the hash of a token only their browser holds (a cookie), so that after signing in again the form comes
-- back with it filled in, for them to check and send. Never acted on by itself: sending it again, signed in
-- and with a fresh CSRF token, is what saves it. Rows older than their limit are deleted when a form is kept.
CREATE TABLE kept_forms (
    token_hash TEXT PRIMARY KEY,
    return_path TEXT NOT NULL,
    fields TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX kept_forms_created ON kept_forms (created_at);
