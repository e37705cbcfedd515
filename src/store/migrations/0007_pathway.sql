-- The pathway (issue 9): patients, their pathways across providers, and the events that drive the
-- waiting-time clocks (shared/docs/pathway.md). Patient-identifiable: read only through
-- store::PathwayRepository by web/pathway, which audits every read. Dates are TEXT YYYY-MM-DD.

CREATE TABLE patients (
    id {{id}},
    nhs_number TEXT NOT NULL UNIQUE,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    sex TEXT NOT NULL,
    postcode TEXT NOT NULL DEFAULT '',
    area_code TEXT NOT NULL DEFAULT '',
    deprivation_quintile INTEGER,
    ethnic_group TEXT NOT NULL,
    preferred_language TEXT NOT NULL,
    interpreter_needed INTEGER NOT NULL DEFAULT 0,
    accessibility_needs TEXT NOT NULL DEFAULT '',
    communication_needs TEXT NOT NULL DEFAULT '',
    gp_practice TEXT NOT NULL DEFAULT '',
    consent_to_share INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE people_who_matter (
    id {{id}},
    patient_id BIGINT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    relationship TEXT NOT NULL DEFAULT '',
    how_to_reach TEXT NOT NULL DEFAULT '',
    may_be_told TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_who_matter_patient ON people_who_matter (patient_id);

CREATE TABLE pathways (
    id {{id}},
    ref TEXT NOT NULL UNIQUE,
    patient_id BIGINT NOT NULL REFERENCES patients (id),
    kind TEXT NOT NULL CHECK (kind IN ('cancer', 'end_of_life')),
    route TEXT,
    referral_received_on TEXT,
    tumour_group TEXT NOT NULL DEFAULT '',
    prime_provider TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged', 'died')),
    crisis_name TEXT NOT NULL DEFAULT '',
    crisis_phone TEXT NOT NULL DEFAULT '',
    about_me TEXT NOT NULL DEFAULT '',
    what_matters TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    communication_needs TEXT NOT NULL DEFAULT '',
    care_plan TEXT NOT NULL DEFAULT '',
    died_on TEXT,
    place_of_death TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX pathways_patient ON pathways (patient_id);
CREATE INDEX pathways_prime_provider ON pathways (prime_provider);

-- The named key worker: every assignment is kept; the current one is the latest.
CREATE TABLE key_worker_assignments (
    id {{id}},
    pathway_id BIGINT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users (id),
    assigned_at BIGINT NOT NULL,
    assigned_by TEXT NOT NULL
);
CREATE INDEX key_worker_assignments_pathway ON key_worker_assignments (pathway_id);

-- Preferences with who recorded them and when; a kind never recorded was never asked.
CREATE TABLE pathway_preferences (
    id {{id}},
    pathway_id BIGINT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('place_of_care', 'place_of_death', 'cpr', 'lpa')),
    state TEXT NOT NULL CHECK (state IN ('not_yet_decided', 'decided')),
    value TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    review_on TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX pathway_preferences_pathway ON pathway_preferences (pathway_id);

-- Events in the layout of shared/docs/pathway.md, one row each, keyed by the pathway's ref and the event
-- id so that importing the same file twice changes nothing. Corrections are new rows that supersede.
CREATE TABLE pathway_events (
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
);

-- The next action on a pathway: what, who, by when.
CREATE TABLE pathway_actions (
    id {{id}},
    pathway_id BIGINT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_at BIGINT,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX pathway_actions_pathway ON pathway_actions (pathway_id);

-- "Lost in the system" alerts acknowledged with a note; an alert stays acknowledged until its cause changes.
CREATE TABLE alert_acknowledgements (
    id {{id}},
    pathway_id BIGINT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    note TEXT NOT NULL,
    acknowledged_by TEXT NOT NULL,
    acknowledged_at BIGINT NOT NULL
);
CREATE INDEX alert_acknowledgements_pathway ON alert_acknowledgements (pathway_id);

-- Break glass: a coordinator opening a pathway outside their organisation, with the reason; flagged to
-- admins until one of them reviews it.
CREATE TABLE break_glass (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    pathway_id BIGINT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    reviewed_by TEXT,
    reviewed_at BIGINT
);
CREATE INDEX break_glass_user_pathway ON break_glass (user_id, pathway_id);
