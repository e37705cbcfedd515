-- Partnership groups (issue 4): groups, their terms of reference and links, the people in them, meetings and
-- actions, the yearly work programme, measures for SPC, the impact log, environmental audits, buddy improvement
-- plans, and which carevoice users run each group. Dates are TEXT 'YYYY-MM-DD'; times BIGINT seconds; flags
-- INTEGER 0/1. A child that cannot outlive its parent is deleted with it (ON DELETE CASCADE); a link that is
-- merely informative is cleared instead (ON DELETE SET NULL).

CREATE TABLE partnership_groups (
    id {{id}},
    name TEXT NOT NULL,
    area_kind TEXT NOT NULL CHECK (area_kind IN ('cancer_alliance', 'network', 'locality')),
    area_name TEXT NOT NULL,
    model TEXT CHECK (model IN ('A', 'B', 'C', 'D', 'E')),
    model_description TEXT NOT NULL DEFAULT '',
    year_founded INTEGER,
    meeting_interval_weeks INTEGER,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One current set of terms per group.
CREATE TABLE terms_of_reference (
    group_id BIGINT PRIMARY KEY REFERENCES partnership_groups (id) ON DELETE CASCADE,
    document_text TEXT NOT NULL,
    document_url TEXT NOT NULL,
    chair_eligibility TEXT NOT NULL CHECK (chair_eligibility IN ('user_or_carer', 'any_member')),
    chair_term_min_months INTEGER NOT NULL,
    chair_term_max_months INTEGER NOT NULL,
    re_election_gap_months INTEGER NOT NULL,
    vice_chairs INTEGER NOT NULL,
    quorum INTEGER NOT NULL,
    quorum_lay INTEGER NOT NULL,
    review_date TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (chair_term_min_months <= chair_term_max_months)
);

-- The population the group speaks for, as the group enters it (category -> expected share, 0 to 1), against
-- which the diversity view sets the membership.
CREATE TABLE group_population_profile (
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL CHECK (dimension IN ('ethnic_group', 'age_band', 'sex', 'disability', 'rurality')),
    category TEXT NOT NULL,
    expected_share DOUBLE PRECISION NOT NULL CHECK (expected_share >= 0 AND expected_share <= 1),
    PRIMARY KEY (group_id, dimension, category)
);

-- Which carevoice users run or belong to a group; the web layer decides permissions from it.
CREATE TABLE group_staff (
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'chair', 'member')),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_staff_user ON group_staff (user_id);

-- A person is a member of one group: joining, leaving and offices are about that membership.
CREATE TABLE people (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    contact_method TEXT NOT NULL CHECK (contact_method IN ('email', 'post', 'phone')),
    email TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    phone TEXT NOT NULL,
    access_needs TEXT NOT NULL,
    member_type TEXT NOT NULL CHECK (member_type IN ('patient', 'ex_patient', 'carer', 'family_member',
                                                     'professional', 'voluntary_sector')),
    discipline TEXT NOT NULL,
    organisation TEXT NOT NULL,
    treatment_stage TEXT CHECK (treatment_stage IN ('before', 'during', 'within_year_after', 'longer_after',
                                                    'bereaved_carer')),
    diversity_consent INTEGER NOT NULL DEFAULT 0,
    joined_on TEXT NOT NULL,
    left_on TEXT,
    consent_to_be_named INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX people_group ON people (group_id, name);

CREATE TABLE person_tumour_experience (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    tumour_group TEXT NOT NULL,
    PRIMARY KEY (person_id, tumour_group)
);

-- Kept only with the person's consent (people.diversity_consent).
CREATE TABLE person_diversity (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL CHECK (dimension IN ('ethnic_group', 'age_band', 'sex', 'disability', 'rurality')),
    category TEXT NOT NULL,
    PRIMARY KEY (person_id, dimension)
);

CREATE TABLE person_training (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    course TEXT NOT NULL,
    completed_on TEXT
);
CREATE INDEX person_training_person ON person_training (person_id);

CREATE TABLE person_offices (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    office TEXT NOT NULL CHECK (office IN ('chair', 'co_chair', 'vice_chair', 'secretary', 'treasurer')),
    started_on TEXT NOT NULL,
    ended_on TEXT
);
CREATE INDEX person_offices_person ON person_offices (person_id);

CREATE TABLE group_links (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    body_kind TEXT NOT NULL CHECK (body_kind IN ('network_board', 'tumour_site_group', 'cross_cutting_group',
                                                 'locality_user_group', 'other')),
    body_name TEXT NOT NULL
);
CREATE INDEX group_links_group ON group_links (group_id);

CREATE TABLE group_link_representatives (
    link_id BIGINT NOT NULL REFERENCES group_links (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (link_id, person_id)
);

CREATE TABLE meetings (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'call', 'hybrid')),
    place TEXT NOT NULL,
    agenda TEXT NOT NULL,
    minutes TEXT NOT NULL,
    minutes_public INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX meetings_group ON meetings (group_id, held_on);

CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    attended INTEGER NOT NULL,  -- 1 attended, 0 sent apologies
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE meeting_decisions (
    id {{id}},
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    decision TEXT NOT NULL
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id);

CREATE TABLE environmental_audits (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    site TEXT NOT NULL,
    organisation_code TEXT NOT NULL,
    audited_on TEXT NOT NULL,
    template_key TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX environmental_audits_group ON environmental_audits (group_id, audited_on);

CREATE TABLE environmental_audit_team (
    audit_id BIGINT NOT NULL REFERENCES environmental_audits (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (audit_id, person_id)
);

CREATE TABLE environmental_audit_ratings (
    audit_id BIGINT NOT NULL REFERENCES environmental_audits (id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('pass', 'qualified_pass', 'fail', 'not_applicable')),
    comment TEXT NOT NULL,
    PRIMARY KEY (audit_id, item_code)
);

CREATE TABLE evidence_items (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    programme_year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('survey_below_expected', 'worsening_trend', 'equity_gap', 'comment_theme',
                                       'audit_finding', 'member_experience')),
    summary TEXT NOT NULL,
    reference TEXT NOT NULL,
    cpes_org_code TEXT,
    cpes_year INTEGER,
    cpes_question TEXT,
    recorded_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX evidence_items_group ON evidence_items (group_id, programme_year);

CREATE TABLE candidate_priorities (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    programme_year INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('new', 'carried_forward', 'review_finding')),
    created_at BIGINT NOT NULL
);
CREATE INDEX candidate_priorities_group ON candidate_priorities (group_id, programme_year);

CREATE TABLE priority_evidence (
    priority_id BIGINT NOT NULL REFERENCES candidate_priorities (id) ON DELETE CASCADE,
    evidence_id BIGINT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
    PRIMARY KEY (priority_id, evidence_id)
);

CREATE TABLE priority_ballots (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    programme_year INTEGER NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    cast_at BIGINT NOT NULL,
    UNIQUE (group_id, programme_year, person_id)
);

CREATE TABLE priority_ballot_choices (
    ballot_id BIGINT NOT NULL REFERENCES priority_ballots (id) ON DELETE CASCADE,
    priority_id BIGINT NOT NULL REFERENCES candidate_priorities (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- 1 = first choice
    PRIMARY KEY (ballot_id, priority_id)
);

CREATE TABLE work_items (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    programme_year INTEGER NOT NULL,
    priority_id BIGINT REFERENCES candidate_priorities (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    smart_aim TEXT NOT NULL,
    owner_person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    people_needed TEXT NOT NULL,
    systems_needed TEXT NOT NULL,
    funding_needed TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'stopped')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX work_items_group ON work_items (group_id, programme_year);

-- Added after work_items exists: a priority carried forward points back at last year's work item.
ALTER TABLE candidate_priorities ADD COLUMN carried_from_work_item_id BIGINT REFERENCES work_items (id) ON DELETE SET NULL;

CREATE TABLE work_item_milestones (
    id {{id}},
    work_item_id BIGINT NOT NULL REFERENCES work_items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT
);
CREATE INDEX work_item_milestones_item ON work_item_milestones (work_item_id);

CREATE TABLE annual_reviews (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    programme_year INTEGER NOT NULL,
    reviewed_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (group_id, programme_year)
);

CREATE TABLE annual_review_findings (
    id {{id}},
    review_id BIGINT NOT NULL REFERENCES annual_reviews (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    finding TEXT NOT NULL
);
CREATE INDEX annual_review_findings_review ON annual_review_findings (review_id);

-- Actions from meetings, audits and work items: one list per group.
CREATE TABLE actions (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    meeting_id BIGINT REFERENCES meetings (id) ON DELETE CASCADE,
    audit_id BIGINT REFERENCES environmental_audits (id) ON DELETE SET NULL,
    work_item_id BIGINT REFERENCES work_items (id) ON DELETE SET NULL,
    description TEXT NOT NULL,
    owner_person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    closed_on TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX actions_group ON actions (group_id, status);

CREATE TABLE measures (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    better TEXT NOT NULL CHECK (better IN ('higher', 'lower', 'neutral')),
    target DOUBLE PRECISION,
    work_item_id BIGINT REFERENCES work_items (id) ON DELETE SET NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'cpes')),
    cpes_org_code TEXT NOT NULL,
    cpes_question TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX measures_group ON measures (group_id);

CREATE TABLE measure_rebase_dates (
    measure_id BIGINT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    rebase_on TEXT NOT NULL,
    PRIMARY KEY (measure_id, rebase_on)
);

CREATE TABLE measure_observations (
    measure_id BIGINT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    observed_on TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (measure_id, observed_on)
);

CREATE TABLE impacts (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES partnership_groups (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('patient_information', 'access', 'communication', 'professional_training',
                                       'professional_attitudes', 'care_environment', 'service_delivery',
                                       'quality_monitoring', 'policy_feedback', 'planning_commissioning',
                                       'sharing_good_practice')),
    organisation TEXT NOT NULL,
    influence TEXT NOT NULL CHECK (influence IN ('strong', 'some', 'none')),
    decision_domain TEXT NOT NULL CHECK (decision_domain IN ('treatment_and_services',
                                                             'service_delivery_and_resources', 'policy')),
    involvement TEXT NOT NULL CHECK (involvement IN ('consultation', 'partnership', 'lay_control')),
    evidence TEXT NOT NULL,
    lay_reflection TEXT NOT NULL,
    professional_reflection TEXT NOT NULL,
    work_item_id BIGINT REFERENCES work_items (id) ON DELETE SET NULL,
    you_said TEXT NOT NULL,
    we_did TEXT NOT NULL,
    difference_made TEXT NOT NULL,
    fed_back_to TEXT NOT NULL,
    fed_back_on TEXT,
    fed_back_how TEXT NOT NULL,
    is_public INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX impacts_group ON impacts (group_id, occurred_on);

-- A buddy pair (mentor, mentee, survey year) from the national matching has at most one plan. Codes are
-- ODS codes rather than organisation ids, so that a plan survives a re-import of the survey's organisations.
CREATE TABLE buddy_plans (
    id {{id}},
    mentor_code TEXT NOT NULL,
    mentee_code TEXT NOT NULL,
    pair_year INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (mentor_code, mentee_code, pair_year)
);

CREATE TABLE buddy_plan_questions (
    plan_id BIGINT NOT NULL REFERENCES buddy_plans (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, question)
);

CREATE TABLE buddy_plan_actions (
    id {{id}},
    plan_id BIGINT NOT NULL REFERENCES buddy_plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped'))
);
CREATE INDEX buddy_plan_actions_plan ON buddy_plan_actions (plan_id);
