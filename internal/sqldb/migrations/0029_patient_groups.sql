-- Stored groups of patients (FHIR Group, https://hl7.org/fhir/R4/group.html,
-- type person, actual): the cohorts a Bulk Data group-level export names
-- (Bulk Data Access 2.0, export.html#endpoint---group-of-patients), made
-- with goemr group add or a FHIR create, beside OpenEMR's computed groups
-- of a primary care provider's patients (migration 0022).
--
-- patient_group: created and last_updated are Unix seconds, as users and
-- patient_data keep them; last_updated moves on every change of the group
-- or of its members, and so does its version (row_versions, 0021).
-- patient_group_member: added is when the patient joined the group, UTC
-- 'Y-m-d H:i:s', which a Bulk Data 2.0 export _since uses to send the
-- patients added since.
CREATE TABLE patient_group (
    id           {{autoid}},
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    active       SMALLINT NOT NULL DEFAULT 1,
    created      BIGINT NOT NULL DEFAULT 0,
    last_updated BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE patient_group_member (
    group_id BIGINT NOT NULL REFERENCES patient_group (id) ON DELETE CASCADE,
    pid      BIGINT NOT NULL REFERENCES patient_data (pid) ON DELETE CASCADE,
    added    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (group_id, pid)
);
CREATE INDEX patient_group_member_pid ON patient_group_member (pid);

-- A provider's patients in pid order straight from the index, page after
-- page, however many they are.
DROP VIEW patient_provider_groups;
DROP INDEX patient_data_provider;
CREATE INDEX patient_data_provider ON patient_data (providerID, pid);

-- fhir_groups: every group FHIR Group serves, one row each. kind is
-- 'provider' (the id is the provider's users.uuid, provider_key the users.id
-- as patient_data.providerID holds it) or 'stored' (group_id is the
-- patient_group.id). members are the member patients' uuids in pid order
-- between commas; joined, for a stored group, the times they were added in
-- the same order (every member row has its patient: the foreign key
-- removes it with the patient). Each group's figures are subqueries over
-- its own members (an index range), never an aggregate over all patients,
-- so reading one group costs what its members cost.
CREATE VIEW fhir_groups AS
SELECT u.uuid AS uuid, 'provider' AS kind, NULL AS group_id, CAST(u.id AS TEXT) AS provider_key,
       u.title AS title, u.fname AS fname, u.lname AS lname,
       TRIM('Patients of ' || TRIM(COALESCE(u.title, '') || ' ' || COALESCE(u.fname, '') || ' ' || COALESCE(u.lname, ''))) AS name,
       1 AS active,
       (SELECT COUNT(*) FROM patient_data p WHERE p.providerID = CAST(u.id AS TEXT)) AS quantity,
       (SELECT string_agg(p.uuid, ',' ORDER BY p.pid) FROM patient_data p WHERE p.providerID = CAST(u.id AS TEXT)) AS members,
       NULL AS joined,
       (SELECT MAX(CASE WHEN p.last_updated > u.last_updated THEN p.last_updated ELSE u.last_updated END)
        FROM patient_data p WHERE p.providerID = CAST(u.id AS TEXT)) AS last_updated
FROM users u
WHERE u.uuid IS NOT NULL AND u.uuid <> ''
  AND EXISTS (SELECT 1 FROM patient_data p WHERE p.providerID = CAST(u.id AS TEXT))
UNION ALL
SELECT g.uuid, 'stored', g.id, NULL, NULL, NULL, NULL, g.name, g.active,
       (SELECT COUNT(*) FROM patient_group_member m WHERE m.group_id = g.id),
       (SELECT string_agg(p.uuid, ',' ORDER BY m.pid) FROM patient_group_member m
        JOIN patient_data p ON p.pid = m.pid WHERE m.group_id = g.id),
       (SELECT string_agg(m.added, ',' ORDER BY m.pid) FROM patient_group_member m WHERE m.group_id = g.id),
       g.last_updated
FROM patient_group g;

--- sqlite
CREATE TRIGGER patient_group_version AFTER UPDATE ON patient_group BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('patient_group', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
--- postgres
CREATE TRIGGER patient_group_version AFTER UPDATE ON patient_group FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
