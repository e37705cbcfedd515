-- An administrator resets a person's password (issue 10, item 7): a temporary password that must be changed
-- at the next sign-in. Until it is, the person can only change it (or sign out).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
