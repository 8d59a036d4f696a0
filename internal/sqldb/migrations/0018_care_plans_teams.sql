-- Care plans, goals and care teams in OpenEMR's tables, and the views the
-- FHIR server reads them through (US Core CarePlan, Goal and CareTeam).

-- form_care_plan: the rows of OpenEMR's Care Plan encounter form (forms
-- formdir 'care_plan'). As in OpenEMR, id is the form's number
-- (forms.form_id, MAX(id) + 1 when the form is created), shared by every
-- row of one form; care_plan_type says what a row is: 'plan_of_care'
-- (a planned activity, FHIR CarePlan) or 'goal' (FHIR Goal). code is
-- "TYPE:code" ("SNOMED-CT:443402002") with codetext its name; date is when
-- the item starts and date_end when it ends (a goal's target date);
-- plan_status is the item's status. reason_code names what the item is
-- for ("ICD10:I10"), reason_description its name. OpenEMR's FHIR ids for
-- these rows are surrogates (<encounter uuid>-SK-<form id>, one resource
-- per form); goemr gives every row a uuid of its own instead, so that one
-- goal or planned activity is one resource with its own status and dates.
CREATE TABLE form_care_plan (
    id                 BIGINT NOT NULL,
    uuid               TEXT NOT NULL UNIQUE,
    date               TEXT,
    pid                BIGINT NOT NULL,
    encounter          BIGINT,
    "user"             TEXT,
    groupname          TEXT,
    authorized         TEXT DEFAULT '0',
    activity           TEXT DEFAULT '1',
    code               TEXT,
    codetext           TEXT,
    description        TEXT,
    external_id        TEXT,
    care_plan_type     TEXT,
    note_related_to    TEXT,
    date_end           TEXT,
    proposed_date      TEXT,
    plan_status        TEXT,
    reason_code        TEXT,
    reason_description TEXT,
    reason_date_low    TEXT,
    reason_date_high   TEXT,
    reason_status      TEXT
);
CREATE INDEX form_care_plan_pid ON form_care_plan (pid, care_plan_type);
CREATE INDEX form_care_plan_form ON form_care_plan (id);

-- A patient's care teams (OpenEMR care_teams) and their members
-- (care_team_member): a user (users.id, a practitioner or staff member),
-- a contact person (contact.id, a person related to the patient), or a
-- facility on its own; role is an option of the list care_team_roles,
-- status one of Care_Team_Status (FHIR's care team statuses).
CREATE TABLE care_teams (
    id           {{autoid}},
    uuid         TEXT NOT NULL UNIQUE,
    pid          BIGINT NOT NULL,
    status       TEXT DEFAULT 'active',
    team_name    TEXT,
    note         TEXT,
    date_created TEXT,
    date_updated TEXT,
    created_by   BIGINT,
    updated_by   BIGINT
);
CREATE INDEX care_teams_pid ON care_teams (pid);

CREATE TABLE care_team_member (
    id             {{autoid}},
    care_team_id   BIGINT NOT NULL REFERENCES care_teams (id) ON DELETE CASCADE,
    user_id        BIGINT,
    contact_id     BIGINT,
    role           TEXT NOT NULL,
    facility_id    BIGINT,
    provider_since TEXT,
    status         TEXT DEFAULT 'active',
    date_created   TEXT,
    date_updated   TEXT,
    created_by     BIGINT,
    updated_by     BIGINT,
    note           TEXT
);
CREATE UNIQUE INDEX care_team_member_unique ON care_team_member (care_team_id, user_id, contact_id);

-- Care team roles. codes give each role's code in the Care Team Member
-- Function value set (2.16.840.1.113762.1.4.1099.30: SNOMED CT roles and
-- NUCC provider taxonomy); a role without codes takes the member's own
-- taxonomy (users.taxonomy).
INSERT INTO list_options (list_id, option_id, title, seq, codes) VALUES
    ('care_team_roles', 'primary_care_provider', 'Primary Care Provider', 10, 'SNOMED-CT:453231000124104'),
    ('care_team_roles', 'cardiologist', 'Cardiologist', 20, 'SNOMED-CT:17561000'),
    ('care_team_roles', 'nurse_practitioner', 'Nurse Practitioner', 30, 'NUCC:363L00000X'),
    ('care_team_roles', 'specialist', 'Specialist', 40, ''),
    ('care_team_roles', 'caregiver', 'Caregiver', 50, 'SNOMED-CT:133932002'),
    ('care_team_roles', 'patient', 'Patient', 60, 'SNOMED-CT:116154003');
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('Care_Team_Status', 'active', 'Active', 10),
    ('Care_Team_Status', 'inactive', 'Inactive', 20),
    ('Care_Team_Status', 'proposed', 'Proposed', 30),
    ('Care_Team_Status', 'suspended', 'Suspended', 40),
    ('Care_Team_Status', 'entered-in-error', 'Entered in error', 50);

-- fhir_care_team_member: the members a CareTeam shows (all but inactive
-- and erroneous ones, and rows that name no one), each with what its
-- participant needs: the role's codes and title, and whom it references.
-- A user with an NPI is a Practitioner, and at a facility that is their
-- own (users.facility_id) the PractitionerRole fhir_practitioner_role
-- (migration 0014) serves for that pair, whose id this repeats. entry is
-- the member as a JSON object, the only part the two engines spell
-- differently.
--- sqlite
CREATE VIEW fhir_care_team_member AS
SELECT m.id, m.care_team_id, m.user_id, m.role,
       CASE WHEN u.npi <> '' THEN u.uuid END AS practitioner,
       CASE WHEN COALESCE(lo.codes, '') <> '' THEN REPLACE(lo.codes, ' ', '')
            WHEN u.npi <> '' AND COALESCE(u.taxonomy, '') <> '' THEN 'NUCC:' || u.taxonomy
            ELSE '' END AS role_codes,
       json_object('role', m.role, 'title', COALESCE(lo.title, m.role),
           'codes', CASE WHEN COALESCE(lo.codes, '') <> '' THEN REPLACE(lo.codes, ' ', '')
                         WHEN u.npi <> '' AND COALESCE(u.taxonomy, '') <> '' THEN 'NUCC:' || u.taxonomy
                         ELSE '' END,
           'user', m.user_id, 'contact', m.contact_id,
           'practitioner', CASE WHEN u.npi <> '' THEN u.uuid END,
           'practitioner_role', CASE WHEN u.npi <> '' AND u.facility_id = CAST(f.id AS TEXT)
                                     THEN u.uuid || '-' || CAST(f.id AS TEXT) END,
           'organization', f.uuid,
           'name', TRIM(COALESCE(u.fname, '') || ' ' || COALESCE(u.lname, '')),
           'since', m.provider_since) AS entry
FROM care_team_member m
LEFT JOIN users u ON u.id = m.user_id
LEFT JOIN facility f ON f.id = m.facility_id
LEFT JOIN list_options lo ON lo.list_id = 'care_team_roles' AND lo.option_id = m.role
WHERE COALESCE(m.status, 'active') NOT IN ('inactive', 'entered-in-error')
  AND (m.user_id IS NOT NULL OR m.contact_id IS NOT NULL OR m.facility_id IS NOT NULL OR m.role = 'patient');
--- postgres
CREATE VIEW fhir_care_team_member AS
SELECT m.id, m.care_team_id, m.user_id, m.role,
       CASE WHEN u.npi <> '' THEN u.uuid END AS practitioner,
       CASE WHEN COALESCE(lo.codes, '') <> '' THEN REPLACE(lo.codes, ' ', '')
            WHEN u.npi <> '' AND COALESCE(u.taxonomy, '') <> '' THEN 'NUCC:' || u.taxonomy
            ELSE '' END AS role_codes,
       json_build_object('role', m.role, 'title', COALESCE(lo.title, m.role),
           'codes', CASE WHEN COALESCE(lo.codes, '') <> '' THEN REPLACE(lo.codes, ' ', '')
                         WHEN u.npi <> '' AND COALESCE(u.taxonomy, '') <> '' THEN 'NUCC:' || u.taxonomy
                         ELSE '' END,
           'user', m.user_id, 'contact', m.contact_id,
           'practitioner', CASE WHEN u.npi <> '' THEN u.uuid END,
           'practitioner_role', CASE WHEN u.npi <> '' AND u.facility_id = CAST(f.id AS TEXT)
                                     THEN u.uuid || '-' || CAST(f.id AS TEXT) END,
           'organization', f.uuid,
           'name', TRIM(COALESCE(u.fname, '') || ' ' || COALESCE(u.lname, '')),
           'since', m.provider_since)::text AS entry
FROM care_team_member m
LEFT JOIN users u ON u.id = m.user_id
LEFT JOIN facility f ON f.id = m.facility_id
LEFT JOIN list_options lo ON lo.list_id = 'care_team_roles' AND lo.option_id = m.role
WHERE COALESCE(m.status, 'active') NOT IN ('inactive', 'entered-in-error')
  AND (m.user_id IS NOT NULL OR m.contact_id IS NOT NULL OR m.facility_id IS NOT NULL OR m.role = 'patient');
--- both

-- fhir_care_team: one row per care team. status is a FHIR care team
-- status (OpenEMR's FHIR service shows anything else as active); members
-- is a JSON array of the member entries; roles the members' role codes
-- between semicolons, so that a role search is a contains search for
-- ";TYPE:code;". user_1 … user_4 are the users.id of the first four
-- members who are practitioners: _include=CareTeam:participant and
-- participant searches follow one key per field.
CREATE VIEW fhir_care_team AS
SELECT t.id, t.uuid, t.pid,
       CASE WHEN t.status IN ('proposed', 'active', 'suspended', 'inactive', 'entered-in-error')
            THEN t.status ELSE 'active' END AS status,
       t.team_name, t.note,
       COALESCE(NULLIF(t.date_updated, ''), t.date_created) AS last_updated,
       '[' || COALESCE((SELECT string_agg(m.entry, ',' ORDER BY m.id) FROM fhir_care_team_member m
                        WHERE m.care_team_id = t.id), '') || ']' AS members,
       ';' || COALESCE((SELECT string_agg(m.role_codes, ';') FROM fhir_care_team_member m
                        WHERE m.care_team_id = t.id AND m.role_codes <> ''), '') || ';' AS roles,
       (SELECT m.user_id FROM fhir_care_team_member m WHERE m.care_team_id = t.id AND m.practitioner IS NOT NULL
        ORDER BY m.id LIMIT 1) AS user_1,
       (SELECT m.user_id FROM fhir_care_team_member m WHERE m.care_team_id = t.id AND m.practitioner IS NOT NULL
        ORDER BY m.id LIMIT 1 OFFSET 1) AS user_2,
       (SELECT m.user_id FROM fhir_care_team_member m WHERE m.care_team_id = t.id AND m.practitioner IS NOT NULL
        ORDER BY m.id LIMIT 1 OFFSET 2) AS user_3,
       (SELECT m.user_id FROM fhir_care_team_member m WHERE m.care_team_id = t.id AND m.practitioner IS NOT NULL
        ORDER BY m.id LIMIT 1 OFFSET 3) AS user_4
FROM care_teams t;
