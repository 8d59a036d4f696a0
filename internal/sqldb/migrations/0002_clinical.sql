-- Issue 3: the clinical data model behind the Standard and Portal APIs
-- (openemr-standard-api.md §6). Column names are OpenEMR's; values are
-- kept as OpenEMR keeps them (text, with SQL NULL for missing dates).

-- Staff permissions (emr.ACL entries, space separated). Accounts made
-- before permissions existed had full access, so they keep it.
ALTER TABLE users ADD COLUMN acl TEXT NOT NULL DEFAULT '';
UPDATE users SET acl = 'admin';

-- The rest of OpenEMR's users columns (practitioners and address book).
ALTER TABLE users ADD COLUMN title TEXT;
ALTER TABLE users ADD COLUMN mname TEXT;
ALTER TABLE users ADD COLUMN federaltaxid TEXT;
ALTER TABLE users ADD COLUMN federaldrugid TEXT;
ALTER TABLE users ADD COLUMN upin TEXT;
ALTER TABLE users ADD COLUMN facility TEXT;
ALTER TABLE users ADD COLUMN facility_id TEXT;
ALTER TABLE users ADD COLUMN specialty TEXT;
ALTER TABLE users ADD COLUMN billname TEXT;
ALTER TABLE users ADD COLUMN url TEXT;
ALTER TABLE users ADD COLUMN assistant TEXT;
ALTER TABLE users ADD COLUMN organization TEXT;
ALTER TABLE users ADD COLUMN valedictory TEXT;
ALTER TABLE users ADD COLUMN street TEXT;
ALTER TABLE users ADD COLUMN streetb TEXT;
ALTER TABLE users ADD COLUMN city TEXT;
ALTER TABLE users ADD COLUMN state TEXT;
ALTER TABLE users ADD COLUMN zip TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN fax TEXT;
ALTER TABLE users ADD COLUMN phonew1 TEXT;
ALTER TABLE users ADD COLUMN phonecell TEXT;
ALTER TABLE users ADD COLUMN notes TEXT;
ALTER TABLE users ADD COLUMN state_license_number TEXT;
ALTER TABLE users ADD COLUMN abook_type TEXT;
ALTER TABLE users ADD COLUMN physician_type TEXT;
ALTER TABLE users ADD COLUMN authorized TEXT;
ALTER TABLE users ADD COLUMN see_auth TEXT;
ALTER TABLE users ADD COLUMN taxonomy TEXT;
ALTER TABLE users ADD COLUMN calendar TEXT;
ALTER TABLE users ADD COLUMN info TEXT;

-- The rest of patient_data (OpenEMR has 132 columns; these are the ones
-- its API, FHIR mapping and portal read).
ALTER TABLE patient_data ADD COLUMN title TEXT;
ALTER TABLE patient_data ADD COLUMN suffix TEXT;
ALTER TABLE patient_data ADD COLUMN ss TEXT;
ALTER TABLE patient_data ADD COLUMN street_line_2 TEXT;
ALTER TABLE patient_data ADD COLUMN county TEXT;
ALTER TABLE patient_data ADD COLUMN country_code TEXT;
ALTER TABLE patient_data ADD COLUMN phone_contact TEXT;
ALTER TABLE patient_data ADD COLUMN phone_biz TEXT;
ALTER TABLE patient_data ADD COLUMN phone_cell TEXT;
ALTER TABLE patient_data ADD COLUMN email_direct TEXT;
ALTER TABLE patient_data ADD COLUMN race TEXT;
ALTER TABLE patient_data ADD COLUMN ethnicity TEXT;
ALTER TABLE patient_data ADD COLUMN status TEXT;
ALTER TABLE patient_data ADD COLUMN language TEXT;
ALTER TABLE patient_data ADD COLUMN providerID TEXT;
ALTER TABLE patient_data ADD COLUMN ref_providerID TEXT;
ALTER TABLE patient_data ADD COLUMN regdate TEXT;
ALTER TABLE patient_data ADD COLUMN created_by TEXT;
ALTER TABLE patient_data ADD COLUMN updated_by TEXT;
ALTER TABLE patient_data ADD COLUMN deceased_date TEXT;
ALTER TABLE patient_data ADD COLUMN deceased_reason TEXT;
ALTER TABLE patient_data ADD COLUMN allow_patient_portal TEXT;
ALTER TABLE patient_data ADD COLUMN allow_imm_reg_use TEXT;
ALTER TABLE patient_data ADD COLUMN allow_imm_info_share TEXT;
ALTER TABLE patient_data ADD COLUMN allow_health_info_ex TEXT;
ALTER TABLE patient_data ADD COLUMN drivers_license TEXT;
ALTER TABLE patient_data ADD COLUMN occupation TEXT;
ALTER TABLE patient_data ADD COLUMN industry TEXT;
ALTER TABLE patient_data ADD COLUMN religion TEXT;
ALTER TABLE patient_data ADD COLUMN mothersname TEXT;
ALTER TABLE patient_data ADD COLUMN guardiansname TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_notice TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_voice TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_mail TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_allowsms TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_allowemail TEXT;
ALTER TABLE patient_data ADD COLUMN hipaa_message TEXT;
ALTER TABLE patient_data ADD COLUMN financial_review TEXT;
ALTER TABLE patient_data ADD COLUMN family_size TEXT;
ALTER TABLE patient_data ADD COLUMN monthly_income TEXT;
ALTER TABLE patient_data ADD COLUMN homeless TEXT;
ALTER TABLE patient_data ADD COLUMN interpretter TEXT;
ALTER TABLE patient_data ADD COLUMN migrantseasonal TEXT;
ALTER TABLE patient_data ADD COLUMN contrastart TEXT;
ALTER TABLE patient_data ADD COLUMN referral_source TEXT;
ALTER TABLE patient_data ADD COLUMN vfc TEXT;
ALTER TABLE patient_data ADD COLUMN sexual_orientation TEXT;
ALTER TABLE patient_data ADD COLUMN gender_identity TEXT;
ALTER TABLE patient_data ADD COLUMN birth_fname TEXT;
ALTER TABLE patient_data ADD COLUMN birth_lname TEXT;
ALTER TABLE patient_data ADD COLUMN birth_mname TEXT;
ALTER TABLE patient_data ADD COLUMN preferred_name TEXT;
ALTER TABLE patient_data ADD COLUMN nationality_country TEXT;
ALTER TABLE patient_data ADD COLUMN care_team_provider TEXT;
ALTER TABLE patient_data ADD COLUMN care_team_facility TEXT;
ALTER TABLE patient_data ADD COLUMN care_team_status TEXT;
ALTER TABLE patient_data ADD COLUMN pharmacy_id TEXT;
ALTER TABLE patient_data ADD COLUMN genericname1 TEXT;
ALTER TABLE patient_data ADD COLUMN genericval1 TEXT;
ALTER TABLE patient_data ADD COLUMN genericname2 TEXT;
ALTER TABLE patient_data ADD COLUMN genericval2 TEXT;
ALTER TABLE patient_data ADD COLUMN squad TEXT;
ALTER TABLE patient_data ADD COLUMN fitness TEXT;
ALTER TABLE patient_data ADD COLUMN pricelevel TEXT;
ALTER TABLE patient_data ADD COLUMN billing_note TEXT;
ALTER TABLE patient_data ADD COLUMN dupscore TEXT;
ALTER TABLE patient_data ADD COLUMN name_history TEXT;

-- Previous names (OpenEMR patient_history, history_type_key 'name_history').
CREATE TABLE patient_history (
    id                    {{autoid}},
    uuid                  TEXT NOT NULL UNIQUE,
    pid                   BIGINT NOT NULL REFERENCES patient_data (pid) ON DELETE CASCADE,
    date                  TEXT,
    history_type_key      TEXT NOT NULL DEFAULT 'name_history',
    previous_name_prefix  TEXT,
    previous_name_first   TEXT,
    previous_name_middle  TEXT,
    previous_name_last    TEXT,
    previous_name_suffix  TEXT,
    previous_name_enddate TEXT,
    created_by            TEXT
);
CREATE INDEX patient_history_pid ON patient_history (pid);

-- Addresses: a patient's extra addresses hang off contact/contact_address;
-- insurance companies use foreign_id directly, as in OpenEMR.
CREATE TABLE addresses (
    id         {{autoid}},
    line1      TEXT,
    line2      TEXT,
    city       TEXT,
    state      TEXT,
    zip        TEXT,
    plus_four  TEXT,
    country    TEXT,
    district   TEXT,
    foreign_id BIGINT
);
CREATE INDEX addresses_foreign_id ON addresses (foreign_id);
CREATE TABLE contact (
    id                 {{autoid}},
    foreign_table_name TEXT NOT NULL,
    foreign_id         BIGINT NOT NULL
);
CREATE INDEX contact_foreign ON contact (foreign_table_name, foreign_id);
CREATE TABLE contact_address (
    id           {{autoid}},
    contact_id   BIGINT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    address_id   BIGINT NOT NULL REFERENCES addresses (id) ON DELETE CASCADE,
    priority     TEXT,
    type         TEXT,
    use          TEXT,
    status       TEXT,
    is_primary   TEXT,
    period_start TEXT,
    period_end   TEXT
);
CREATE INDEX contact_address_contact ON contact_address (contact_id);

CREATE TABLE phone_numbers (
    id          {{autoid}},
    country_code TEXT,
    area_code   TEXT,
    prefix      TEXT,
    number      TEXT,
    type        TEXT,
    foreign_id  BIGINT
);
CREATE INDEX phone_numbers_foreign_id ON phone_numbers (foreign_id);

CREATE TABLE facility (
    id                      {{autoid}},
    uuid                    TEXT NOT NULL UNIQUE,
    name                    TEXT,
    phone                   TEXT,
    fax                     TEXT,
    street                  TEXT,
    city                    TEXT,
    state                   TEXT,
    postal_code             TEXT,
    country_code            TEXT,
    federal_ein             TEXT,
    website                 TEXT,
    email                   TEXT,
    service_location        TEXT DEFAULT '1',
    billing_location        TEXT DEFAULT '1',
    accepts_assignment      TEXT DEFAULT '1',
    pos_code                TEXT,
    x12_sender_id           TEXT,
    attn                    TEXT,
    domain_identifier       TEXT,
    facility_npi            TEXT,
    facility_taxonomy       TEXT,
    tax_id_type             TEXT,
    color                   TEXT,
    primary_business_entity TEXT DEFAULT '0',
    facility_code           TEXT,
    extra_validation        TEXT DEFAULT '1',
    mail_street             TEXT,
    mail_street2            TEXT,
    mail_city               TEXT,
    mail_state              TEXT,
    mail_zip                TEXT,
    oid                     TEXT,
    iban                    TEXT,
    info                    TEXT,
    weno_id                 TEXT,
    inactive                TEXT DEFAULT '0',
    date_created            TEXT,
    last_updated            TEXT
);

-- Encounters. encounter is OpenEMR's encounter number (the "eid" of the API).
CREATE TABLE form_encounter (
    id                    {{autoid}},
    uuid                  TEXT NOT NULL UNIQUE,
    date                  TEXT,
    reason                TEXT,
    facility              TEXT,
    facility_id           BIGINT,
    pid                   BIGINT NOT NULL REFERENCES patient_data (pid),
    encounter             BIGINT NOT NULL UNIQUE,
    onset_date            TEXT,
    sensitivity           TEXT,
    billing_note          TEXT,
    pc_catid              TEXT,
    last_level_billed     TEXT DEFAULT '0',
    last_level_closed     TEXT DEFAULT '0',
    last_stmt_date        TEXT,
    stmt_count            TEXT DEFAULT '0',
    provider_id           BIGINT,
    supervisor_id         BIGINT,
    invoice_refno         TEXT,
    referral_source       TEXT,
    billing_facility      BIGINT,
    external_id           TEXT,
    pos_code              TEXT,
    class_code            TEXT,
    parent_encounter_id   BIGINT,
    referring_provider_id BIGINT,
    ordering_provider_id  BIGINT,
    discharge_disposition TEXT,
    encounter_type_code   TEXT,
    encounter_type_description TEXT,
    date_end              TEXT,
    in_collection         TEXT,
    last_update           TEXT
);
CREATE INDEX form_encounter_pid ON form_encounter (pid, encounter);

-- Forms attached to encounters (vitals, SOAP notes, the encounter itself).
CREATE TABLE forms (
    id        {{autoid}},
    date      TEXT,
    encounter BIGINT,
    form_name TEXT,
    form_id   BIGINT,
    pid       BIGINT,
    "user"    TEXT,
    groupname TEXT,
    authorized TEXT DEFAULT '0',
    deleted   TEXT DEFAULT '0',
    formdir   TEXT
);
CREATE INDEX forms_encounter ON forms (encounter, formdir);
CREATE INDEX forms_form ON forms (formdir, form_id);

-- Vitals and SOAP notes carry their encounter number beside the forms row,
-- so reads need no join.
CREATE TABLE form_vitals (
    id                   {{autoid}},
    uuid                 TEXT NOT NULL UNIQUE,
    date                 TEXT,
    pid                  BIGINT NOT NULL,
    encounter            BIGINT,
    "user"               TEXT,
    groupname            TEXT,
    authorized           TEXT DEFAULT '0',
    activity             TEXT DEFAULT '1',
    bps                  TEXT,
    bpd                  TEXT,
    weight               TEXT,
    height               TEXT,
    temperature          TEXT,
    temp_method          TEXT,
    pulse                TEXT,
    respiration          TEXT,
    note                 TEXT,
    BMI                  TEXT,
    BMI_status           TEXT,
    waist_circ           TEXT,
    head_circ            TEXT,
    oxygen_saturation    TEXT,
    oxygen_flow_rate     TEXT,
    inhaled_oxygen_concentration TEXT,
    ped_weight_height    TEXT,
    ped_bmi              TEXT,
    ped_head_circ        TEXT,
    external_id          TEXT,
    last_updated         TEXT
);
CREATE INDEX form_vitals_encounter ON form_vitals (pid, encounter);

CREATE TABLE form_soap (
    id         {{autoid}},
    date       TEXT,
    pid        BIGINT NOT NULL,
    encounter  BIGINT,
    "user"     TEXT,
    groupname  TEXT,
    authorized TEXT DEFAULT '0',
    activity   TEXT DEFAULT '1',
    subjective TEXT,
    objective  TEXT,
    assessment TEXT,
    plan       TEXT
);
CREATE INDEX form_soap_encounter ON form_soap (pid, encounter);

-- Problems, allergies, medications, surgeries and dental issues.
CREATE TABLE lists (
    id           {{autoid}},
    uuid         TEXT NOT NULL UNIQUE,
    date         TEXT,
    type         TEXT NOT NULL,
    subtype      TEXT,
    title        TEXT,
    udi          TEXT,
    udi_data     TEXT,
    begdate      TEXT,
    enddate      TEXT,
    returndate   TEXT,
    occurrence   TEXT DEFAULT '0',
    classification TEXT DEFAULT '0',
    referredby   TEXT,
    extrainfo    TEXT,
    diagnosis    TEXT,
    activity     TEXT DEFAULT '1',
    comments     TEXT,
    pid          BIGINT NOT NULL,
    "user"       TEXT,
    groupname    TEXT,
    outcome      TEXT DEFAULT '0',
    destination  TEXT,
    reinjury_id  TEXT DEFAULT '0',
    injury_part  TEXT,
    injury_type  TEXT,
    injury_grade TEXT,
    reaction     TEXT,
    verification TEXT,
    external_allergyid TEXT,
    erx_source   TEXT DEFAULT '0',
    erx_uploaded TEXT DEFAULT '0',
    modifydate   TEXT,
    severity_al  TEXT,
    external_id  TEXT,
    list_option_id TEXT
);
CREATE INDEX lists_pid_type ON lists (pid, type);
CREATE INDEX lists_type ON lists (type, id);

-- OpenEMR's configurable option lists (sex, apptstat, _ActEncounterCode…).
CREATE TABLE list_options (
    list_id          TEXT NOT NULL,
    option_id        TEXT NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    seq              BIGINT NOT NULL DEFAULT 0,
    is_default       TEXT NOT NULL DEFAULT '0',
    option_value     TEXT NOT NULL DEFAULT '0',
    mapping          TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    codes            TEXT NOT NULL DEFAULT '',
    toggle_setting_1 TEXT NOT NULL DEFAULT '0',
    toggle_setting_2 TEXT NOT NULL DEFAULT '0',
    activity         TEXT NOT NULL DEFAULT '1',
    subtype          TEXT NOT NULL DEFAULT '',
    edit_options     TEXT NOT NULL DEFAULT '1',
    timestamp        TEXT,
    last_updated     TEXT,
    PRIMARY KEY (list_id, option_id)
);

-- Calendar categories and appointments.
CREATE TABLE openemr_postcalendar_categories (
    pc_catid       {{autoid}},
    pc_constant_id TEXT,
    pc_catname     TEXT,
    pc_catcolor    TEXT,
    pc_catdesc     TEXT,
    pc_duration    TEXT DEFAULT '0',
    pc_cattype     TEXT DEFAULT '0',
    pc_active      TEXT DEFAULT '1',
    pc_seq         TEXT DEFAULT '0',
    aco_spec       TEXT DEFAULT 'encounters|notes'
);
CREATE TABLE openemr_postcalendar_events (
    pc_eid              {{autoid}},
    uuid                TEXT NOT NULL UNIQUE,
    pc_catid            TEXT,
    pc_multiple         TEXT,
    pc_aid              TEXT,
    pc_pid              TEXT,
    pc_gid              TEXT DEFAULT '0',
    pc_title            TEXT,
    pc_time             TEXT,
    pc_hometext         TEXT,
    pc_comments         TEXT DEFAULT '0',
    pc_counter          TEXT DEFAULT '0',
    pc_topic            TEXT DEFAULT '1',
    pc_informant        TEXT,
    pc_eventDate        TEXT,
    pc_endDate          TEXT,
    pc_duration         TEXT DEFAULT '0',
    pc_recurrtype       TEXT DEFAULT '0',
    pc_recurrspec       TEXT,
    pc_recurrfreq       TEXT DEFAULT '0',
    pc_startTime        TEXT,
    pc_endTime          TEXT,
    pc_alldayevent      TEXT DEFAULT '0',
    pc_location         TEXT,
    pc_conttel          TEXT,
    pc_contname         TEXT,
    pc_contemail        TEXT,
    pc_website          TEXT,
    pc_fee              TEXT,
    pc_eventstatus      TEXT DEFAULT '0',
    pc_sharing          TEXT DEFAULT '0',
    pc_language         TEXT,
    pc_apptstatus       TEXT DEFAULT '-',
    pc_prefcatid        TEXT DEFAULT '0',
    pc_facility         TEXT DEFAULT '0',
    pc_sendalertsms     TEXT DEFAULT 'NO',
    pc_sendalertemail   TEXT DEFAULT 'NO',
    pc_billing_location TEXT,
    pc_room             TEXT
);
CREATE INDEX openemr_postcalendar_events_pid ON openemr_postcalendar_events (pc_pid, pc_eventDate);

-- The option lists the API validates against, as a fresh OpenEMR has them.
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('sex', 'Female', 'Female', 10),
    ('sex', 'Male', 'Male', 20),
    ('sex', 'UNK', 'Unknown', 30);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('apptstat', '-', '- None', 10),
    ('apptstat', '*', '* Reminder done', 20),
    ('apptstat', '+', '+ Chart pulled', 30),
    ('apptstat', 'x', 'x Canceled', 40),
    ('apptstat', '?', '? No show', 50),
    ('apptstat', '@', '@ Arrived', 60),
    ('apptstat', '~', '~ Arrived late', 70),
    ('apptstat', '!', '! Left w/o visit', 80),
    ('apptstat', '#', '# Ins/fin issue', 90),
    ('apptstat', '<', '< In exam room', 100),
    ('apptstat', '>', '> Checked out', 110),
    ('apptstat', '$', '$ Coding done', 120),
    ('apptstat', '%', '% Canceled < 24h', 130);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('_ActEncounterCode', 'AMB', 'ambulatory', 10),
    ('_ActEncounterCode', 'EMER', 'emergency', 20),
    ('_ActEncounterCode', 'FLD', 'field', 30),
    ('_ActEncounterCode', 'HH', 'home health', 40),
    ('_ActEncounterCode', 'IMP', 'inpatient encounter', 50),
    ('_ActEncounterCode', 'ACUTE', 'inpatient acute', 60),
    ('_ActEncounterCode', 'NONAC', 'inpatient non-acute', 70),
    ('_ActEncounterCode', 'OBSENC', 'observation encounter', 80),
    ('_ActEncounterCode', 'PRENC', 'pre-admission', 90),
    ('_ActEncounterCode', 'SS', 'short stay', 100),
    ('_ActEncounterCode', 'VR', 'virtual', 110);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('sub_relation', 'self', 'Self', 10),
    ('sub_relation', 'spouse', 'Spouse', 20),
    ('sub_relation', 'child', 'Child', 30),
    ('sub_relation', 'other', 'Other', 40);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('note_type', 'Unassigned', 'Unassigned', 10),
    ('note_type', 'Chart Note', 'Chart Note', 20),
    ('note_type', 'Insurance', 'Insurance', 30),
    ('note_type', 'New Document', 'New Document', 40),
    ('note_type', 'Pharmacy', 'Pharmacy', 50),
    ('note_type', 'Prior Auth', 'Prior Auth', 60),
    ('note_type', 'Referral', 'Referral', 70),
    ('note_type', 'Test Scheduling', 'Test Scheduling', 80),
    ('note_type', 'Bill/Collect', 'Bill/Collect', 90),
    ('note_type', 'Other', 'Other', 100),
    ('note_type', 'Lab Results', 'Lab Results', 110);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('message_status', 'Done', 'Done', 10),
    ('message_status', 'Forwarded', 'Forwarded', 20),
    ('message_status', 'New', 'New', 30),
    ('message_status', 'Read', 'Read', 40);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('race', 'white', 'White', 10),
    ('race', 'black_or_afri_amer', 'Black or African American', 20),
    ('race', 'amer_ind_or_alaska_native', 'American Indian or Alaska Native', 30),
    ('race', 'Asian', 'Asian', 40),
    ('race', 'native_hawai_or_pac_island', 'Native Hawaiian or Other Pacific Islander', 50),
    ('race', 'declne_to_specfy', 'Declined To Specify', 60);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('ethnicity', 'hisp_or_latin', 'Hispanic or Latino', 10),
    ('ethnicity', 'not_hisp_or_latin', 'Not Hispanic or Latino', 20),
    ('ethnicity', 'declne_to_specfy', 'Declined To Specify', 30);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('language', 'English', 'English', 10),
    ('language', 'Spanish', 'Spanish', 20),
    ('language', 'Chinese', 'Chinese', 30),
    ('language', 'Vietnamese', 'Vietnamese', 40),
    ('language', 'French', 'French', 50);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('marital', 'married', 'Married', 10),
    ('marital', 'single', 'Single', 20),
    ('marital', 'divorced', 'Divorced', 30),
    ('marital', 'widowed', 'Widowed', 40),
    ('marital', 'separated', 'Separated', 50),
    ('marital', 'domestic partner', 'Domestic Partner', 60);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('country', 'USA', 'USA', 10),
    ('country', 'CAN', 'Canada', 20),
    ('country', 'MEX', 'Mexico', 30);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('titles', 'Mr.', 'Mr.', 10),
    ('titles', 'Mrs.', 'Mrs.', 20),
    ('titles', 'Ms.', 'Ms.', 30),
    ('titles', 'Dr.', 'Dr.', 40);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('yesno', 'NO', 'NO', 10),
    ('yesno', 'YES', 'YES', 20);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('state', 'AL', 'Alabama', 10),
    ('state', 'AK', 'Alaska', 20),
    ('state', 'AZ', 'Arizona', 30),
    ('state', 'AR', 'Arkansas', 40),
    ('state', 'CA', 'California', 50),
    ('state', 'CO', 'Colorado', 60),
    ('state', 'CT', 'Connecticut', 70),
    ('state', 'DE', 'Delaware', 80),
    ('state', 'DC', 'District of Columbia', 90),
    ('state', 'FL', 'Florida', 100),
    ('state', 'GA', 'Georgia', 110),
    ('state', 'HI', 'Hawaii', 120),
    ('state', 'ID', 'Idaho', 130),
    ('state', 'IL', 'Illinois', 140),
    ('state', 'IN', 'Indiana', 150),
    ('state', 'IA', 'Iowa', 160),
    ('state', 'KS', 'Kansas', 170),
    ('state', 'KY', 'Kentucky', 180),
    ('state', 'LA', 'Louisiana', 190),
    ('state', 'ME', 'Maine', 200),
    ('state', 'MD', 'Maryland', 210),
    ('state', 'MA', 'Massachusetts', 220),
    ('state', 'MI', 'Michigan', 230),
    ('state', 'MN', 'Minnesota', 240),
    ('state', 'MS', 'Mississippi', 250),
    ('state', 'MO', 'Missouri', 260),
    ('state', 'MT', 'Montana', 270),
    ('state', 'NE', 'Nebraska', 280),
    ('state', 'NV', 'Nevada', 290),
    ('state', 'NH', 'New Hampshire', 300),
    ('state', 'NJ', 'New Jersey', 310),
    ('state', 'NM', 'New Mexico', 320),
    ('state', 'NY', 'New York', 330),
    ('state', 'NC', 'North Carolina', 340),
    ('state', 'ND', 'North Dakota', 350),
    ('state', 'OH', 'Ohio', 360),
    ('state', 'OK', 'Oklahoma', 370),
    ('state', 'OR', 'Oregon', 380),
    ('state', 'PA', 'Pennsylvania', 390),
    ('state', 'PR', 'Puerto Rico', 400),
    ('state', 'RI', 'Rhode Island', 410),
    ('state', 'SC', 'South Carolina', 420),
    ('state', 'SD', 'South Dakota', 430),
    ('state', 'TN', 'Tennessee', 440),
    ('state', 'TX', 'Texas', 450),
    ('state', 'UT', 'Utah', 460),
    ('state', 'VT', 'Vermont', 470),
    ('state', 'VA', 'Virginia', 480),
    ('state', 'WA', 'Washington', 490),
    ('state', 'WV', 'West Virginia', 500),
    ('state', 'WI', 'Wisconsin', 510),
    ('state', 'WY', 'Wyoming', 520);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('lists', 'sex', 'sex', 1),
    ('lists', 'apptstat', 'apptstat', 2),
    ('lists', '_ActEncounterCode', '_ActEncounterCode', 3),
    ('lists', 'sub_relation', 'sub_relation', 4),
    ('lists', 'note_type', 'note_type', 5),
    ('lists', 'message_status', 'message_status', 6),
    ('lists', 'race', 'race', 7),
    ('lists', 'ethnicity', 'ethnicity', 8),
    ('lists', 'language', 'language', 9),
    ('lists', 'marital', 'marital', 10),
    ('lists', 'country', 'country', 11),
    ('lists', 'titles', 'titles', 12),
    ('lists', 'yesno', 'yesno', 13),
    ('lists', 'state', 'state', 14);

-- Calendar categories of a fresh OpenEMR (ids as OpenEMR numbers them).
INSERT INTO openemr_postcalendar_categories (pc_catid, pc_constant_id, pc_catname, pc_catcolor, pc_catdesc, pc_duration, pc_cattype, pc_seq) VALUES
    (1, 'no_show', 'No Show', '#dee2e6', 'Reserved to define when an event did not occur as specified.', '0', '0', '1'),
    (2, 'in_office', 'In Office', '#cce5ff', 'Reserved todefine when a provider may haveavailable appointments after.', '0', '1', '2'),
    (3, 'out_of_office', 'Out Of Office', '#fdb172', 'Reserved to define when a provider may not have available appointments after.', '0', '1', '3'),
    (4, 'vacation', 'Vacation', '#e9ecef', 'Reserved for use to define Scheduled Vacation Time', '0', '1', '4'),
    (5, 'office_visit', 'Office Visit', '#ffecb4', 'Normal Office Visit', '900', '0', '5'),
    (8, 'lunch', 'Lunch', '#ffff33', 'Lunch', '3600', '1', '8'),
    (9, 'established_patient', 'Established Patient', '#b02a37', '', '900', '0', '9'),
    (10, 'new_patient', 'New Patient', '#a2d9e2', '', '1800', '0', '10'),
    (11, 'reserved', 'Reserved', '#b02a37', 'Reserved', '900', '1', '11'),
    (12, 'health_and_behavioral_assessment', 'Health and Behavioral Assessment', '#ced4da', 'Health and Behavioral Assessment', '900', '0', '12'),
    (13, 'preventive_care_services', 'Preventive Care Services', '#d3c6ec', 'Preventive Care Services', '900', '0', '13'),
    (14, 'ophthalmological_services', 'Ophthalmological Services', '#febe89', 'Ophthalmological Services', '900', '0', '14'),
    (15, 'group_therapy', 'Group Therapy', '#adb5bd', 'Group Therapy', '3600', '3', '15');

-- PostgreSQL keeps numbering identity columns after the explicit ids above.
{{resync openemr_postcalendar_categories pc_catid}}
