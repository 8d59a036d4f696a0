-- Views the FHIR server reads where one FHIR type is computed from more
-- than one OpenEMR table. They hold no data: writes still go to users,
-- facility and insurance_companies through the Standard API.

-- US Core PractitionerRole: a practitioner (a user with an NPI) at the
-- facility they work at, users.facility_id, as OpenEMR pairs users with
-- facilities. The id is the user's uuid and the facility's number: one
-- per pair, stable, and at most 57 characters (FHIR ids allow 64).
CREATE VIEW fhir_practitioner_role AS
SELECT u.uuid || '-' || CAST(f.id AS TEXT) AS id,
       u.id AS user_id,
       u.uuid AS user_uuid,
       f.id AS facility_id,
       f.uuid AS facility_uuid,
       u.active,
       u.specialty,
       u.taxonomy,
       u.phone,
       u.phonew1,
       u.phonecell,
       u.email,
       f.phone AS facility_phone,
       f.email AS facility_email,
       u.last_updated
FROM users u
JOIN facility f ON CAST(f.id AS TEXT) = u.facility_id
WHERE u.npi <> '';

-- US Core Organization: the facilities (healthcare providers) and the
-- insurance companies (payers, which Coverage.payor refers to), as
-- OpenEMR's Organization service serves both. Each keeps its own uuid,
-- the Organization's id, and its own number in facility_id or
-- insurance_company_id for references by number. A payer's address and
-- work phone live in addresses and phone_numbers rows keyed by the
-- company, as the Standard API's insurance_company reads them.
CREATE VIEW fhir_organization AS
SELECT f.uuid,
       f.id AS facility_id,
       CAST(NULL AS BIGINT) AS insurance_company_id,
       'prov' AS kind,
       f.name,
       f.facility_npi AS npi,
       f.federal_ein AS tax_id,
       f.domain_identifier AS clia,
       CAST(NULL AS TEXT) AS payer_id,
       f.phone,
       f.fax,
       f.email,
       f.website,
       f.street AS line1,
       CAST(NULL AS TEXT) AS line2,
       f.city,
       f.state,
       f.postal_code,
       f.country_code AS country,
       f.inactive,
       f.last_updated
FROM facility f
UNION ALL
SELECT i.uuid,
       NULL,
       i.id,
       'pay',
       i.name,
       NULL,
       NULL,
       NULL,
       i.cms_id,
       (SELECT COALESCE(p.area_code, '') || COALESCE(p.prefix, '') || p.number FROM phone_numbers p
        WHERE p.foreign_id = i.id AND p.type = '2' AND p.number IS NOT NULL ORDER BY p.id LIMIT 1),
       (SELECT COALESCE(p.area_code, '') || COALESCE(p.prefix, '') || p.number FROM phone_numbers p
        WHERE p.foreign_id = i.id AND p.type = '5' AND p.number IS NOT NULL ORDER BY p.id LIMIT 1),
       NULL,
       NULL,
       a.line1,
       a.line2,
       a.city,
       a.state,
       a.zip,
       a.country,
       i.inactive,
       i.last_updated
FROM insurance_companies i
LEFT JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.foreign_id = i.id);
