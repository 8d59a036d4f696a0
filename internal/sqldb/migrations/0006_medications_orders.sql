-- Immunizations, procedure orders, drugs and prescriptions, product
-- registration and background services (openemr-standard-api.md §3.18–§3.20,
-- §6). Column names are OpenEMR's; values are kept as text (ids BIGINT),
-- dates as 'Y-m-d' / 'Y-m-d H:i:s', NULL when missing.

-- Billing and clinical codes. code_type is OpenEMR's code_types.ct_id:
-- 100 is CVX, the vaccine codes immunizations.cvx_code refers to.
CREATE TABLE codes (
    id              {{autoid}},
    code_text       TEXT NOT NULL DEFAULT '',
    code_text_short TEXT NOT NULL DEFAULT '',
    code            TEXT NOT NULL DEFAULT '',
    code_type       BIGINT,
    modifier        TEXT NOT NULL DEFAULT '',
    units           TEXT,
    fee             TEXT,
    superbill       TEXT NOT NULL DEFAULT '',
    related_code    TEXT NOT NULL DEFAULT '',
    taxrates        TEXT NOT NULL DEFAULT '',
    active          TEXT NOT NULL DEFAULT '1',
    reportable      TEXT NOT NULL DEFAULT '0'
);
CREATE INDEX codes_type_code ON codes (code_type, code);

-- Common CVX vaccine codes (CDC CVX table), so that immunizations show
-- their vaccine's name.
INSERT INTO codes (code_type, code, code_text, code_text_short) VALUES
    (100, '03', 'measles, mumps and rubella virus vaccine', 'MMR'),
    (100, '08', 'hepatitis B vaccine, pediatric or pediatric/adolescent dosage', 'Hep B, adolescent or pediatric'),
    (100, '10', 'poliovirus vaccine, inactivated', 'IPV'),
    (100, '20', 'diphtheria, tetanus toxoids and acellular pertussis vaccine', 'DTaP'),
    (100, '21', 'varicella virus vaccine', 'varicella'),
    (100, '33', 'pneumococcal polysaccharide vaccine, 23 valent', 'pneumococcal polysaccharide PPV23'),
    (100, '43', 'hepatitis B vaccine, adult dosage', 'Hep B, adult'),
    (100, '62', 'human papilloma virus vaccine, quadrivalent', 'HPV, quadrivalent'),
    (100, '88', 'influenza virus vaccine, unspecified formulation', 'influenza, unspecified formulation'),
    (100, '115', 'tetanus toxoid, reduced diphtheria toxoid, and acellular pertussis vaccine, adsorbed', 'Tdap'),
    (100, '133', 'pneumococcal conjugate vaccine, 13 valent', 'Pneumococcal conjugate PCV 13'),
    (100, '140', 'Influenza, seasonal, injectable, preservative free', 'Influenza, seasonal, injectable, preservative free'),
    (100, '141', 'Influenza, seasonal, injectable', 'Influenza, seasonal, injectable'),
    (100, '207', 'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose', 'COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose'),
    (100, '208', 'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose', 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose'),
    (100, '213', 'SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED', 'SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED');

-- Immunizations given (or refused). encounter_id is the encounter number.
CREATE TABLE immunizations (
    id                       {{autoid}},
    uuid                     TEXT NOT NULL UNIQUE,
    patient_id               BIGINT,
    administered_date        TEXT,
    immunization_id          BIGINT,
    cvx_code                 TEXT,
    manufacturer             TEXT,
    lot_number               TEXT,
    administered_by_id       BIGINT,
    administered_by          TEXT,
    education_date           TEXT,
    vis_date                 TEXT,
    note                     TEXT,
    create_date              TEXT,
    update_date              TEXT,
    created_by               BIGINT,
    updated_by               BIGINT,
    amount_administered      TEXT,
    amount_administered_unit TEXT,
    expiration_date          TEXT,
    route                    TEXT,
    administration_site      TEXT,
    added_erroneously        TEXT NOT NULL DEFAULT '0',
    external_id              TEXT,
    completion_status        TEXT,
    information_source       TEXT,
    refusal_reason           TEXT,
    ordering_provider        BIGINT,
    reason_code              TEXT,
    reason_description       TEXT,
    encounter_id             BIGINT
);
CREATE INDEX immunizations_patient ON immunizations (patient_id);

-- Laboratories and other order recipients.
CREATE TABLE procedure_providers (
    ppid         {{autoid}},
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    npi          TEXT NOT NULL DEFAULT '',
    send_app_id  TEXT,
    send_fac_id  TEXT,
    recv_app_id  TEXT,
    recv_fac_id  TEXT,
    direction    TEXT NOT NULL DEFAULT 'B',
    protocol     TEXT NOT NULL DEFAULT 'DL',
    remote_host  TEXT,
    orders_path  TEXT,
    results_path TEXT,
    notes        TEXT,
    lab_director BIGINT,
    active       TEXT NOT NULL DEFAULT '1',
    type         TEXT
);

-- The compendium of orderable procedures; standard_code is the LOINC (or
-- other standard) code of a lab's own procedure code.
CREATE TABLE procedure_type (
    procedure_type_id {{autoid}},
    parent            BIGINT NOT NULL DEFAULT 0,
    name              TEXT NOT NULL DEFAULT '',
    lab_id            BIGINT NOT NULL DEFAULT 0,
    procedure_code    TEXT NOT NULL DEFAULT '',
    procedure_type    TEXT NOT NULL DEFAULT '',
    body_site         TEXT,
    specimen          TEXT,
    description       TEXT,
    standard_code     TEXT NOT NULL DEFAULT '',
    units             TEXT,
    "range"           TEXT,
    seq               BIGINT NOT NULL DEFAULT 0,
    activity          TEXT NOT NULL DEFAULT '1',
    notes             TEXT
);
CREATE INDEX procedure_type_code ON procedure_type (procedure_code);

-- Procedure (lab, imaging) orders, their ordered codes, and the reports and
-- results that come back.
CREATE TABLE procedure_order (
    procedure_order_id   {{autoid}},
    uuid                 TEXT NOT NULL UNIQUE,
    provider_id          BIGINT,
    patient_id           BIGINT NOT NULL,
    encounter_id         BIGINT,
    date_collected       TEXT,
    date_ordered         TEXT,
    order_priority       TEXT,
    order_status         TEXT,
    patient_instructions TEXT,
    activity             TEXT NOT NULL DEFAULT '1',
    control_id           TEXT,
    lab_id               BIGINT,
    specimen_type        TEXT,
    specimen_location    TEXT,
    specimen_volume      TEXT,
    date_transmitted     TEXT,
    clinical_hx          TEXT,
    external_id          TEXT,
    history_order        TEXT NOT NULL DEFAULT '0',
    order_diagnosis      TEXT,
    billing_type         TEXT,
    specimen_fasting     TEXT,
    order_psc            TEXT,
    order_abn            TEXT NOT NULL DEFAULT 'not_required',
    collector_id         BIGINT,
    account              TEXT,
    account_facility     BIGINT,
    provider_number      TEXT,
    procedure_order_type TEXT NOT NULL DEFAULT 'laboratory_test',
    scheduled_date       TEXT,
    scheduled_start      TEXT,
    scheduled_end        TEXT,
    performer_type       TEXT,
    order_intent         TEXT NOT NULL DEFAULT 'order',
    location_id          BIGINT
);
CREATE INDEX procedure_order_patient ON procedure_order (patient_id);

CREATE TABLE procedure_order_code (
    procedure_order_id    BIGINT NOT NULL,
    procedure_order_seq   BIGINT NOT NULL,
    procedure_code        TEXT NOT NULL DEFAULT '',
    procedure_name        TEXT NOT NULL DEFAULT '',
    procedure_source      TEXT NOT NULL DEFAULT '1',
    diagnoses             TEXT,
    do_not_send           TEXT NOT NULL DEFAULT '0',
    procedure_order_title TEXT,
    procedure_type        TEXT,
    transport             TEXT,
    date_end              TEXT,
    reason_code           TEXT,
    reason_description    TEXT,
    reason_date_low       TEXT,
    reason_date_high      TEXT,
    reason_status         TEXT,
    PRIMARY KEY (procedure_order_id, procedure_order_seq)
);

CREATE TABLE procedure_report (
    procedure_report_id {{autoid}},
    uuid                TEXT NOT NULL UNIQUE,
    procedure_order_id  BIGINT,
    procedure_order_seq BIGINT NOT NULL DEFAULT 1,
    date_collected      TEXT,
    date_collected_tz   TEXT,
    date_report         TEXT,
    date_report_tz      TEXT,
    source              BIGINT,
    specimen_num        TEXT,
    report_status       TEXT,
    review_status       TEXT NOT NULL DEFAULT 'received',
    report_notes        TEXT
);
CREATE INDEX procedure_report_order ON procedure_report (procedure_order_id, procedure_order_seq);

CREATE TABLE procedure_result (
    procedure_result_id {{autoid}},
    uuid                TEXT NOT NULL UNIQUE,
    procedure_report_id BIGINT NOT NULL,
    result_data_type    TEXT NOT NULL DEFAULT 'S',
    result_code         TEXT NOT NULL DEFAULT '',
    result_text         TEXT NOT NULL DEFAULT '',
    date                TEXT,
    facility            TEXT,
    units               TEXT,
    result              TEXT,
    "range"             TEXT,
    abnormal            TEXT,
    comments            TEXT,
    document_id         BIGINT,
    result_status       TEXT,
    date_end            TEXT
);
CREATE INDEX procedure_result_report ON procedure_result (procedure_report_id);

-- The drug formulary and its lots.
CREATE TABLE drugs (
    drug_id         {{autoid}},
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL DEFAULT '',
    ndc_number      TEXT,
    on_order        TEXT NOT NULL DEFAULT '0',
    reorder_point   TEXT,
    max_level       TEXT,
    last_notify     TEXT,
    reactions       TEXT,
    form            TEXT,
    size            TEXT,
    unit            TEXT,
    route           TEXT,
    substitute      TEXT,
    related_code    TEXT,
    cyp_factor      TEXT,
    active          TEXT NOT NULL DEFAULT '1',
    allow_combining TEXT,
    allow_multiple  TEXT,
    drug_code       TEXT,
    consumable      TEXT,
    dispensable     TEXT,
    date_created    TEXT,
    last_updated    TEXT
);

CREATE TABLE drug_inventory (
    inventory_id    {{autoid}},
    drug_id         BIGINT NOT NULL,
    lot_number      TEXT,
    expiration      TEXT,
    manufacturer    TEXT,
    on_hand         TEXT NOT NULL DEFAULT '0',
    warehouse_id    TEXT,
    vendor_id       BIGINT,
    last_notify     TEXT,
    destroy_date    TEXT,
    destroy_method  TEXT,
    destroy_witness TEXT,
    destroy_notes   TEXT
);
CREATE INDEX drug_inventory_drug ON drug_inventory (drug_id, inventory_id);

-- Prescriptions written for a patient. active = 0 marks a discontinued one.
CREATE TABLE prescriptions (
    id                       {{autoid}},
    uuid                     TEXT NOT NULL UNIQUE,
    patient_id               BIGINT,
    filled_by_id             BIGINT,
    pharmacy_id              BIGINT,
    date_added               TEXT,
    date_modified            TEXT,
    provider_id              BIGINT,
    encounter                BIGINT,
    start_date               TEXT,
    drug                     TEXT,
    drug_id                  BIGINT NOT NULL DEFAULT 0,
    rxnorm_drugcode          TEXT,
    form                     TEXT,
    dosage                   TEXT,
    quantity                 TEXT,
    size                     TEXT,
    unit                     TEXT,
    route                    TEXT,
    "interval"               TEXT,
    substitute               TEXT,
    refills                  TEXT,
    per_refill               TEXT,
    filled_date              TEXT,
    medication               TEXT,
    note                     TEXT,
    active                   TEXT NOT NULL DEFAULT '1',
    datetime                 TEXT,
    "user"                   TEXT,
    site                     TEXT,
    prescriptionguid         TEXT,
    erx_source               TEXT NOT NULL DEFAULT '0',
    erx_uploaded             TEXT NOT NULL DEFAULT '0',
    drug_info_erx            TEXT,
    external_id              TEXT,
    end_date                 TEXT,
    indication               TEXT,
    prn                      TEXT,
    ntx                      TEXT,
    rtx                      TEXT,
    usage_category           TEXT,
    usage_category_title     TEXT,
    request_intent           TEXT,
    request_intent_title     TEXT,
    drug_dosage_instructions TEXT,
    diagnosis                TEXT,
    created_by               BIGINT,
    updated_by               BIGINT
);
CREATE INDEX prescriptions_patient ON prescriptions (patient_id);
CREATE INDEX prescriptions_drug ON prescriptions (drug_id);

-- Whether this installation registered with (or opted out of) OpenEMR's
-- product registration; goemr only reports it.
CREATE TABLE product_registration (
    id                 {{autoid}},
    email              TEXT,
    opt_out            SMALLINT,
    auth_by_id         BIGINT,
    telemetry_disabled SMALLINT,
    last_ask_date      TEXT,
    last_ask_version   TEXT,
    options            TEXT
);

-- Background services. A run leases the row (lock_expires_at) so that only
-- one goemr process runs a service at a time; next_run is when it is due
-- again. OpenEMR's function and require_once columns name PHP code goemr
-- does not have: goemr runs its own jobs by service name.
CREATE TABLE background_services (
    name             TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    active           SMALLINT NOT NULL DEFAULT 0,
    running          SMALLINT NOT NULL DEFAULT 0,
    next_run         TEXT NOT NULL DEFAULT '1970-01-01 00:00:00',
    execute_interval BIGINT NOT NULL DEFAULT 0,
    sort_order       BIGINT NOT NULL DEFAULT 100,
    lock_expires_at  TEXT
);

-- OpenEMR's default services, kept for clients that list them; they run
-- PHP integrations goemr does not implement, so they stay inactive.
-- purge_expired is goemr's own: it deletes expired authorization codes,
-- tokens and sessions.
INSERT INTO background_services (name, title, active, execute_interval, sort_order) VALUES
    ('phimail', 'phiMail Direct Messaging Service', 0, 5, 100),
    ('MedEx', 'MedEx Messaging Service', 0, 0, 100),
    ('X12_SFTP', 'SFTP Claims to X12 Partner Service', 0, 1, 100),
    ('UUID_Service', 'Automated UUID Creation Service', 0, 240, 100),
    ('Email_Service', 'Email Service', 0, 2, 100),
    ('WenoExchange', 'Weno Log Sync', 0, 0, 100),
    ('purge_expired', 'Purge expired authorization codes, tokens and sessions', 1, 10, 10);

-- The option lists prescriptions and drugs refer to, as a fresh OpenEMR
-- has them.
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('drug_units', '1', 'mg', 1),
    ('drug_units', '2', 'mg/1cc', 2),
    ('drug_units', '3', 'mg/2cc', 3),
    ('drug_units', '4', 'mg/3cc', 4),
    ('drug_units', '5', 'mg/4cc', 5),
    ('drug_units', '6', 'mg/5cc', 6),
    ('drug_units', '7', 'mcg', 7),
    ('drug_units', '8', 'grams', 8),
    ('drug_units', '9', 'mL', 9);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('drug_route', '1', 'Per Oris', 1),
    ('drug_route', '2', 'Per Rectum', 2),
    ('drug_route', '3', 'To Skin', 3),
    ('drug_route', '4', 'To Affected Area', 4),
    ('drug_route', '5', 'Sublingual', 5),
    ('drug_route', '6', 'OS', 6),
    ('drug_route', '7', 'OD', 7),
    ('drug_route', '8', 'OU', 8),
    ('drug_route', '9', 'SQ', 9),
    ('drug_route', '10', 'IM', 10),
    ('drug_route', '11', 'IV', 11),
    ('drug_route', '12', 'Per Nostril', 12);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('drug_interval', '1', 'b.i.d.', 1),
    ('drug_interval', '2', 't.i.d.', 2),
    ('drug_interval', '3', 'q.i.d.', 3),
    ('drug_interval', '4', 'q.3h', 4),
    ('drug_interval', '5', 'q.4h', 5),
    ('drug_interval', '6', 'q.5h', 6),
    ('drug_interval', '7', 'q.6h', 7),
    ('drug_interval', '8', 'q.8h', 8),
    ('drug_interval', '9', 'q.d.', 9),
    ('drug_interval', '10', 'a.c.', 10),
    ('drug_interval', '11', 'p.c.', 11),
    ('drug_interval', '12', 'a.m.', 12),
    ('drug_interval', '13', 'p.m.', 13),
    ('drug_interval', '14', 'ante', 14),
    ('drug_interval', '15', 'h', 15),
    ('drug_interval', '16', 'h.s.', 16),
    ('drug_interval', '17', 'p.r.n.', 17),
    ('drug_interval', '18', 'stat', 18);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('drug_form', '1', 'suspension', 1),
    ('drug_form', '2', 'tablet', 2),
    ('drug_form', '3', 'capsule', 3),
    ('drug_form', '4', 'solution', 4),
    ('drug_form', '5', 'tsp', 5),
    ('drug_form', '6', 'ml', 6),
    ('drug_form', '7', 'units', 7),
    ('drug_form', '8', 'inhalations', 8),
    ('drug_form', '9', 'gtts(drops)', 9),
    ('drug_form', '10', 'cream', 10),
    ('drug_form', '11', 'ointment', 11),
    ('drug_form', '12', 'puff', 12);
