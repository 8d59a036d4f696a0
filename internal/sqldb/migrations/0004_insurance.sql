-- Insurance companies, patient insurance policies and employers
-- (openemr-standard-api.md §3.12, §3.13, §3.15, §6). Column names are
-- OpenEMR's. Ids the API takes from request bodies (provider,
-- ins_type_code, x12_default_partner_id) are kept as text, as OpenEMR keeps
-- insurance_data.provider, so a malformed one is a validation error and
-- never a database error.

-- Payers. Their address is an addresses row with foreign_id = id, their
-- work (type 2) and fax (type 5) numbers phone_numbers rows likewise.
CREATE TABLE insurance_companies (
    id                         {{autoid}},
    uuid                       TEXT NOT NULL UNIQUE,
    name                       TEXT,
    attn                       TEXT,
    cms_id                     TEXT,
    ins_type_code              TEXT,
    x12_receiver_id            TEXT,
    x12_default_partner_id     TEXT,
    alt_cms_id                 TEXT,
    inactive                   TEXT NOT NULL DEFAULT '0',
    eligibility_id             TEXT,
    x12_default_eligibility_id TEXT,
    cqm_sop                    TEXT,
    date_created               TEXT,
    last_updated               TEXT
);

-- Claim types by payer type; GET /api/insurance_type lists the names.
CREATE TABLE insurance_type_codes (
    id         BIGINT PRIMARY KEY,
    type       TEXT NOT NULL,
    claim_type TEXT
);
INSERT INTO insurance_type_codes (id, type, claim_type) VALUES
    (1, 'Other HCFA', '16'),
    (2, 'Medicare Part B', 'MB'),
    (3, 'Medicaid', 'MC'),
    (4, 'ChampUSVA', 'CH'),
    (5, 'ChampUS', 'CH'),
    (6, 'Blue Cross Blue Shield', 'BL'),
    (7, 'FECA', '16'),
    (8, 'Self Pay', '09'),
    (9, 'Central Certification', '10'),
    (10, 'Other Non-Federal Programs', '11'),
    (11, 'Preferred Provider Organization (PPO)', '12'),
    (12, 'Point of Service (POS)', '13'),
    (13, 'Exclusive Provider Organization (EPO)', '14'),
    (14, 'Indemnity Insurance', '15'),
    (15, 'Health Maintenance Organization (HMO) Medicare Risk', '16'),
    (16, 'Automobile Medical', 'AM'),
    (17, 'Commercial Insurance Co.', 'CI'),
    (18, 'Disability', 'DS'),
    (19, 'Health Maintenance Organization', 'HM'),
    (20, 'Liability', 'LI'),
    (21, 'Liability Medical', 'LM'),
    (22, 'Other Federal Program', 'OF'),
    (23, 'Title V', 'TV'),
    (24, 'Veterans Administration Plan', 'VA'),
    (25, 'Workers Compensation Health Plan', 'WC'),
    (26, 'Mutually Defined', 'ZZ');

-- X12 trading partners (clearing houses) a payer's claims go to.
CREATE TABLE x12_partners (
    id                 {{autoid}},
    name               TEXT,
    id_number          TEXT,
    x12_sender_id      TEXT,
    x12_receiver_id    TEXT,
    processing_format  TEXT,
    x12_isa01          TEXT DEFAULT '00',
    x12_isa02          TEXT DEFAULT '          ',
    x12_isa03          TEXT DEFAULT '00',
    x12_isa04          TEXT DEFAULT '          ',
    x12_isa05          TEXT DEFAULT 'ZZ',
    x12_isa07          TEXT DEFAULT 'ZZ',
    x12_isa14          TEXT DEFAULT '0',
    x12_isa15          TEXT DEFAULT 'P',
    x12_gs02           TEXT,
    x12_per06          TEXT,
    x12_gs03           TEXT,
    x12_dtp03          TEXT DEFAULT 'A'
);

-- A patient's policies: one per (type, effective date); type is the slot
-- (primary, secondary, tertiary), provider the insurance company id.
CREATE TABLE insurance_data (
    id                                {{autoid}},
    uuid                              TEXT NOT NULL UNIQUE,
    type                              TEXT,
    provider                          TEXT,
    plan_name                         TEXT,
    policy_number                     TEXT,
    group_number                      TEXT,
    subscriber_lname                  TEXT,
    subscriber_mname                  TEXT,
    subscriber_fname                  TEXT,
    subscriber_relationship           TEXT,
    subscriber_ss                     TEXT,
    subscriber_DOB                    TEXT,
    subscriber_street                 TEXT,
    subscriber_postal_code            TEXT,
    subscriber_city                   TEXT,
    subscriber_state                  TEXT,
    subscriber_country                TEXT,
    subscriber_phone                  TEXT,
    subscriber_employer               TEXT,
    subscriber_employer_street        TEXT,
    subscriber_employer_postal_code   TEXT,
    subscriber_employer_state         TEXT,
    subscriber_employer_country       TEXT,
    subscriber_employer_city          TEXT,
    copay                             TEXT,
    date                              TEXT,
    pid                               BIGINT NOT NULL REFERENCES patient_data (pid),
    subscriber_sex                    TEXT,
    accept_assignment                 TEXT,
    policy_type                       TEXT,
    date_end                          TEXT,
    subscriber_street_line_2          TEXT,
    subscriber_employer_street_line_2 TEXT
);
CREATE UNIQUE INDEX insurance_data_pid_type_date ON insurance_data (pid, type, date);

-- Employer history: every change of a patient's employer adds a row.
CREATE TABLE employer_data (
    id            {{autoid}},
    uuid          TEXT NOT NULL UNIQUE,
    name          TEXT,
    street        TEXT,
    postal_code   TEXT,
    city          TEXT,
    state         TEXT,
    country       TEXT,
    date          TEXT,
    pid           BIGINT NOT NULL REFERENCES patient_data (pid),
    street_line_2 TEXT,
    start_date    TEXT,
    end_date      TEXT,
    occupation    TEXT,
    industry      TEXT,
    created_by    BIGINT
);
CREATE INDEX employer_data_pid ON employer_data (pid, date);
