-- The work programme pages (issue 4, item 4): which organisation's published survey results are the group's
-- evidence, and which carevoice account belongs to which person of a group, so that a member signed in to
-- carevoice casts their own ballot (members without internet vote on paper; the facilitator records it).

CREATE TABLE programme_settings (
    group_id BIGINT PRIMARY KEY REFERENCES partnership_groups (id) ON DELETE CASCADE,
    cpes_org_code TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One person per account in a group, and one account per person.
CREATE TABLE person_accounts (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at BIGINT NOT NULL,
    UNIQUE (group_id, user_id)
);
CREATE INDEX person_accounts_user ON person_accounts (user_id);
