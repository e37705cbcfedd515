-- National benchmarking (issue 3): published CPES results, their questions, and the expected-range
-- parameters of each year. Results are replaced per (year, kind) by each import.

CREATE TABLE survey_questions (
    question TEXT PRIMARY KEY,
    section TEXT NOT NULL,
    question_text TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE cpes_results (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('adjusted', 'unadjusted', 'yearonyear')),
    sex TEXT NOT NULL,
    imd_quintile TEXT NOT NULL,
    tumour_group TEXT NOT NULL,
    question TEXT NOT NULL,
    n INTEGER,
    score DOUBLE PRECISION,
    ci_lower DOUBLE PRECISION,
    ci_upper DOUBLE PRECISION,
    expected_lower DOUBLE PRECISION,
    expected_upper DOUBLE PRECISION,
    rating TEXT,
    change_2017_2018 TEXT,
    change_all_years TEXT
);
CREATE INDEX cpes_results_year_kind ON cpes_results (year, kind, question);
CREATE INDEX cpes_results_organisation ON cpes_results (organisation_id, year, kind);

CREATE TABLE expected_range_parameters (
    year INTEGER NOT NULL,
    question TEXT NOT NULL,
    measure TEXT NOT NULL CHECK (measure IN ('percent', 'mean')),
    centre DOUBLE PRECISION NOT NULL,
    sd DOUBLE PRECISION,
    tau2 DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (year, question)
);

CREATE TABLE cpes_imports (
    id {{id}},
    imported_at BIGINT NOT NULL,
    imported_by TEXT NOT NULL,
    source TEXT NOT NULL,
    rows_imported INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    replaced TEXT NOT NULL
);
