-- FHIR Group (and the group a bulk export names): OpenEMR's patient
-- provider groups, one per primary care provider.
-- patient_provider_groups: OpenEMR's provider groups, one per user who is
-- the primary care provider (patient_data.providerID) of a patient, with
-- those patients as members (FHIR Group, the group a bulk export by Group
-- names). provider_key is the users.id as providerID stores it; members
-- the member patients' uuids in pid order; last_updated the latest change
-- of the provider or a member (Unix seconds, as both tables keep it).
CREATE INDEX patient_data_provider ON patient_data (providerID);
CREATE VIEW patient_provider_groups AS
SELECT u.id AS id, u.uuid AS uuid, CAST(u.id AS TEXT) AS provider_key,
       u.title AS title, u.fname AS fname, u.lname AS lname,
       TRIM('Patients of ' || TRIM(COALESCE(u.title, '') || ' ' || COALESCE(u.fname, '') || ' ' || COALESCE(u.lname, ''))) AS name,
       COUNT(*) AS quantity,
       string_agg(p.uuid, ',' ORDER BY p.pid) AS members,
       MAX(CASE WHEN p.last_updated > u.last_updated THEN p.last_updated ELSE u.last_updated END) AS last_updated
FROM users u
JOIN patient_data p ON p.providerID = CAST(u.id AS TEXT)
WHERE u.uuid IS NOT NULL AND u.uuid <> ''
GROUP BY u.id, u.uuid, u.title, u.fname, u.lname, u.last_updated;
