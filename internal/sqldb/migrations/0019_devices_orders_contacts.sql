-- Implantable devices, specimens, dispensed drugs and a patient's related
-- persons in OpenEMR's tables, and the views the FHIR server reads them
-- through (US Core Implantable Device, ServiceRequest, Specimen,
-- MedicationDispense and RelatedPerson). Devices need no table: OpenEMR
-- keeps them in lists (type 'medical_device', with udi and udi_data).

-- procedure_specimen: the specimens collected for an ordered test
-- (procedure_order_code: procedure_order_id, procedure_order_seq), with
-- OpenEMR's columns. specimen_type_code, collection_method_code and
-- specimen_location_code are SNOMED CT codes, the columns without _code
-- their names; deleted = '1' marks a specimen entered in error. pid
-- repeats the order's patient (procedure_order.patient_id) so that a
-- patient's specimens are found by index, as drug_sales keeps its pid.
CREATE TABLE procedure_specimen (
    procedure_specimen_id  {{autoid}},
    uuid                   TEXT NOT NULL UNIQUE,
    procedure_order_id     BIGINT NOT NULL,
    procedure_order_seq    BIGINT NOT NULL DEFAULT 1,
    pid                    BIGINT NOT NULL,
    specimen_identifier    TEXT,
    accession_identifier   TEXT,
    specimen_type_code     TEXT,
    specimen_type          TEXT,
    collection_method_code TEXT,
    collection_method      TEXT,
    specimen_location_code TEXT,
    specimen_location      TEXT,
    collected_date         TEXT,
    collection_date_low    TEXT,
    collection_date_high   TEXT,
    volume_value           TEXT,
    volume_unit            TEXT,
    condition_code         TEXT,
    specimen_condition     TEXT,
    comments               TEXT,
    deleted                TEXT NOT NULL DEFAULT '0',
    created_at             TEXT,
    updated_at             TEXT
);
CREATE INDEX procedure_specimen_pid ON procedure_specimen (pid);
CREATE INDEX procedure_specimen_order ON procedure_specimen (procedure_order_id, procedure_order_seq);

-- drug_sales: OpenEMR's dispensary ledger. trans_type 1 is a sale (a
-- dispense to patient pid, for prescription_id when one authorized it);
-- 2–5 are purchases, returns, transfers and adjustments of the stock.
-- pharmacy_supply_type is an option of pharmacy_supply_type: the HL7 v3
-- ActPharmacySupplyType code of the fill (first fill, refill…).
CREATE TABLE drug_sales (
    sale_id              {{autoid}},
    uuid                 TEXT NOT NULL UNIQUE,
    drug_id              BIGINT NOT NULL,
    inventory_id         BIGINT NOT NULL DEFAULT 0,
    prescription_id      BIGINT NOT NULL DEFAULT 0,
    pid                  BIGINT NOT NULL DEFAULT 0,
    encounter            BIGINT NOT NULL DEFAULT 0,
    "user"               TEXT,
    sale_date            TEXT NOT NULL,
    quantity             BIGINT NOT NULL DEFAULT 0,
    fee                  TEXT NOT NULL DEFAULT '0.00',
    billed               TEXT NOT NULL DEFAULT '0',
    xfer_inventory_id    BIGINT NOT NULL DEFAULT 0,
    distributor_id       BIGINT NOT NULL DEFAULT 0,
    notes                TEXT NOT NULL DEFAULT '',
    bill_date            TEXT,
    pricelevel           TEXT DEFAULT '',
    selector             TEXT DEFAULT '',
    trans_type           BIGINT NOT NULL DEFAULT 1,
    chargecat            TEXT DEFAULT '',
    pharmacy_supply_type TEXT,
    last_updated         TEXT,
    date_created         TEXT,
    updated_by           BIGINT,
    created_by           BIGINT
);
CREATE INDEX drug_sales_pid ON drug_sales (pid);
CREATE INDEX drug_sales_prescription ON drug_sales (prescription_id);

INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('pharmacy_supply_type', 'FF', 'First Fill', 10),
    ('pharmacy_supply_type', 'FFC', 'First Fill - Complete', 20),
    ('pharmacy_supply_type', 'FFP', 'First Fill - Part Fill', 30),
    ('pharmacy_supply_type', 'RF', 'Refill', 40),
    ('pharmacy_supply_type', 'RFC', 'Refill - Complete', 50),
    ('pharmacy_supply_type', 'RFP', 'Refill - Part Fill', 60),
    ('pharmacy_supply_type', 'EM', 'Emergency Supply', 70),
    ('pharmacy_supply_type', 'TF', 'Trial Fill', 80),
    ('pharmacy_supply_type', 'DF', 'Daily Fill', 90);

-- A person related to a patient, as OpenEMR (7.0.3 and later) keeps one:
-- person holds the demographics, contact wraps it (foreign_table_name
-- 'person') so that it can have contact_telecom and contact_address rows,
-- and contact_relation says how the contact relates to a target row
-- (target_table 'patient_data', target_id the pid): relationship is an
-- option of related_person_relationship (HL7 v3 RoleCode: MTH, SPS…),
-- role what the person does for the patient (emergency_contact,
-- guardian…). contact_relation.uuid is goemr's: a RelatedPerson is a
-- person in one relation to one patient, so the relation, not the person
-- (whom several patients may share), is what gets the FHIR id. Flags are
-- '1' or '0', as goemr keeps OpenEMR's tinyints.
CREATE TABLE person (
    id                 {{autoid}},
    uuid               TEXT NOT NULL UNIQUE,
    title              TEXT,
    first_name         TEXT,
    middle_name        TEXT,
    last_name          TEXT,
    preferred_name     TEXT,
    gender             TEXT,
    birth_date         TEXT,
    death_date         TEXT,
    marital_status     TEXT,
    race               TEXT,
    ethnicity          TEXT,
    preferred_language TEXT,
    communication      TEXT,
    ssn                TEXT,
    active             TEXT NOT NULL DEFAULT '1',
    inactive_reason    TEXT,
    inactive_date      TEXT,
    notes              TEXT,
    created_date       TEXT,
    created_by         BIGINT,
    updated_date       TEXT,
    updated_by         BIGINT
);
CREATE INDEX person_name ON person (last_name, first_name);

CREATE TABLE contact_relation (
    id                         {{autoid}},
    uuid                       TEXT NOT NULL UNIQUE,
    contact_id                 BIGINT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    target_table               TEXT NOT NULL DEFAULT '',
    target_id                  BIGINT NOT NULL,
    active                     TEXT NOT NULL DEFAULT '1',
    role                       TEXT,
    relationship               TEXT,
    contact_priority           BIGINT NOT NULL DEFAULT 1,
    is_primary_contact         TEXT NOT NULL DEFAULT '0',
    is_emergency_contact       TEXT NOT NULL DEFAULT '0',
    can_make_medical_decisions TEXT NOT NULL DEFAULT '0',
    can_receive_medical_info   TEXT NOT NULL DEFAULT '0',
    start_date                 TEXT,
    end_date                   TEXT,
    notes                      TEXT,
    created_date               TEXT,
    created_by                 BIGINT,
    updated_date               TEXT,
    updated_by                 BIGINT
);
CREATE INDEX contact_relation_contact ON contact_relation (contact_id);
CREATE INDEX contact_relation_target ON contact_relation (target_table, target_id);

CREATE TABLE contact_telecom (
    id                 {{autoid}},
    contact_id         BIGINT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    "rank"             BIGINT,
    "system"           TEXT,
    "use"              TEXT,
    "value"            TEXT,
    status             TEXT,
    is_primary         TEXT,
    notes              TEXT,
    period_start       TEXT,
    period_end         TEXT,
    inactivated_reason TEXT,
    created_date       TEXT,
    created_by         BIGINT,
    updated_date       TEXT,
    updated_by         BIGINT
);
CREATE INDEX contact_telecom_contact ON contact_telecom (contact_id);

INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('related_person_relationship', 'SPS', 'Spouse', 10),
    ('related_person_relationship', 'HUSB', 'Husband', 20),
    ('related_person_relationship', 'WIFE', 'Wife', 30),
    ('related_person_relationship', 'DOMPART', 'Domestic partner', 40),
    ('related_person_relationship', 'MTH', 'Mother', 50),
    ('related_person_relationship', 'FTH', 'Father', 60),
    ('related_person_relationship', 'PRN', 'Parent', 70),
    ('related_person_relationship', 'DAU', 'Natural daughter', 80),
    ('related_person_relationship', 'SON', 'Natural son', 90),
    ('related_person_relationship', 'CHILD', 'Child', 100),
    ('related_person_relationship', 'SIS', 'Sister', 110),
    ('related_person_relationship', 'BRO', 'Brother', 120),
    ('related_person_relationship', 'SIB', 'Sibling', 130),
    ('related_person_relationship', 'GRMTH', 'Grandmother', 140),
    ('related_person_relationship', 'GRFTH', 'Grandfather', 150),
    ('related_person_relationship', 'NIECE', 'Niece', 160),
    ('related_person_relationship', 'NEPHEW', 'Nephew', 170),
    ('related_person_relationship', 'FRND', 'Unrelated friend', 180),
    ('related_person_relationship', 'NBOR', 'Neighbor', 190),
    ('related_person_relationship', 'GUARD', 'Guardian', 200);

-- fhir_service_request: one row per ordered test (procedure_order_code)
-- with its order, the unit US Core ServiceRequest describes (one code
-- per request); id is the order's uuid and the test's sequence number.
-- codes is the code list fhir_procedure (migration 0013) writes: the
-- ordered code when it names its code type, and the compendium's
-- standard code (LOINC when it names none). status is OpenEMR's mapping
-- of order_status (FhirServiceRequestService); specimen the first
-- specimen collected for the test; last_updated when its report came
-- back, else when it was ordered.
CREATE VIEW fhir_service_request AS
SELECT o.uuid || '-' || CAST(c.procedure_order_seq AS TEXT) AS id,
       o.procedure_order_id AS order_id,
       c.procedure_order_seq AS seq,
       o.patient_id AS pid,
       CASE WHEN o.activity = '0' THEN 'entered-in-error'
            WHEN lower(COALESCE(o.order_status, '')) IN ('complete', 'completed') THEN 'completed'
            WHEN lower(COALESCE(o.order_status, '')) IN ('canceled', 'cancelled') THEN 'revoked'
            WHEN lower(COALESCE(o.order_status, '')) = 'on-hold' THEN 'on-hold'
            WHEN lower(COALESCE(o.order_status, '')) = 'draft' THEN 'draft'
            ELSE 'active' END AS status,
       COALESCE(NULLIF(o.order_intent, ''), 'order') AS intent,
       COALESCE(NULLIF(c.procedure_type, ''), NULLIF(o.procedure_order_type, ''), 'laboratory_test') AS category,
       ';' || CASE WHEN c.procedure_code LIKE '%:%' THEN REPLACE(c.procedure_code, ' ', '') || ';' ELSE '' END
           || COALESCE((SELECT CASE WHEN pt.standard_code LIKE '%:%' THEN pt.standard_code ELSE 'LOINC:' || pt.standard_code END || ';'
               FROM procedure_type pt
               WHERE pt.procedure_code = c.procedure_code AND pt.procedure_code <> '' AND pt.standard_code <> ''
               ORDER BY pt.procedure_type_id LIMIT 1), '') AS codes,
       COALESCE(NULLIF(c.procedure_name, ''), c.procedure_order_title) AS title,
       o.date_ordered AS authored_on,
       COALESCE(NULLIF(o.scheduled_start, ''), NULLIF(o.scheduled_date, ''), NULLIF(o.date_collected, '')) AS occurrence,
       o.scheduled_end AS occurrence_end,
       o.provider_id AS requester_id,
       o.encounter_id AS encounter,
       o.order_priority AS priority,
       COALESCE(NULLIF(c.diagnoses, ''), o.order_diagnosis) AS reasons,
       o.patient_instructions AS instructions,
       o.clinical_hx AS note,
       o.control_id AS requisition,
       (SELECT s.uuid FROM procedure_specimen s
        WHERE s.procedure_order_id = o.procedure_order_id AND s.procedure_order_seq = c.procedure_order_seq AND s.deleted = '0'
        ORDER BY s.procedure_specimen_id LIMIT 1) AS specimen,
       COALESCE((SELECT MAX(r.date_report) FROM procedure_report r
                 WHERE r.procedure_order_id = o.procedure_order_id AND r.procedure_order_seq = c.procedure_order_seq),
                o.date_ordered) AS last_updated
FROM procedure_order o
JOIN procedure_order_code c ON c.procedure_order_id = o.procedure_order_id;

-- fhir_medication_dispense: the dispensary's sales to patients (trans_type
-- 1, as OpenEMR's LocalDispensary service reads them), with the drug
-- dispensed and the prescription that authorized it. The drug's own
-- RxNorm code comes first: it is what was handed over. The dosage is the
-- prescription's.
CREATE VIEW fhir_medication_dispense AS
SELECT s.uuid AS uuid,
       s.sale_id AS sale_id,
       s.pid AS pid,
       NULLIF(s.encounter, 0) AS encounter,
       s.drug_id AS drug_id,
       COALESCE(NULLIF(d.name, ''), p.drug) AS drug,
       COALESCE(NULLIF(d.drug_code, ''), NULLIF(p.rxnorm_drugcode, '')) AS rxnorm,
       p.uuid AS prescription,
       'completed' AS status,
       s.pharmacy_supply_type AS supply_type,
       s.sale_date AS sale_date,
       s.quantity AS quantity,
       s."user" AS dispenser,
       s.notes AS note,
       p.drug_dosage_instructions AS sig,
       p.dosage AS dosage,
       COALESCE(NULLIF(p.form, ''), d.form) AS form,
       COALESCE(NULLIF(p.route, ''), d.route) AS route,
       p."interval" AS dose_interval,
       COALESCE(NULLIF(s.last_updated, ''), NULLIF(s.date_created, ''), s.sale_date) AS last_updated
FROM drug_sales s
LEFT JOIN drugs d ON d.drug_id = s.drug_id
LEFT JOIN prescriptions p ON p.id = s.prescription_id AND s.prescription_id > 0
WHERE s.trans_type = 1 AND s.pid > 0;

-- fhir_related_person: every person related to a patient, with the first
-- active phone, e-mail and address of the person's contact. last_updated
-- is the later of the relation's and the person's last change.
CREATE VIEW fhir_related_person AS
SELECT r.uuid AS uuid,
       r.id AS relation_id,
       r.contact_id AS contact_id,
       r.target_id AS pid,
       r.active AS active,
       r.role AS role,
       r.relationship AS relationship,
       r.is_emergency_contact AS emergency_contact,
       r.start_date AS start_date,
       r.end_date AS end_date,
       p.title AS title,
       p.first_name AS first_name,
       p.middle_name AS middle_name,
       p.last_name AS last_name,
       p.gender AS gender,
       p.birth_date AS birth_date,
       (SELECT t."value" FROM contact_telecom t
        WHERE t.contact_id = r.contact_id AND t."system" = 'phone' AND COALESCE(t.status, 'A') = 'A'
        ORDER BY t."rank", t.id LIMIT 1) AS phone,
       (SELECT t."use" FROM contact_telecom t
        WHERE t.contact_id = r.contact_id AND t."system" = 'phone' AND COALESCE(t.status, 'A') = 'A'
        ORDER BY t."rank", t.id LIMIT 1) AS phone_use,
       (SELECT t."value" FROM contact_telecom t
        WHERE t.contact_id = r.contact_id AND t."system" = 'email' AND COALESCE(t.status, 'A') = 'A'
        ORDER BY t."rank", t.id LIMIT 1) AS email,
       ca."use" AS address_use,
       a.line1 AS line1,
       a.line2 AS line2,
       a.city AS city,
       a.state AS state,
       a.zip AS postal_code,
       a.country AS country,
       CASE WHEN COALESCE(p.updated_date, '') > COALESCE(r.updated_date, r.created_date, '')
            THEN p.updated_date ELSE COALESCE(r.updated_date, r.created_date) END AS last_updated
FROM contact_relation r
JOIN contact c ON c.id = r.contact_id AND c.foreign_table_name = 'person'
JOIN person p ON p.id = c.foreign_id
LEFT JOIN contact_address ca ON ca.id = (
    SELECT MIN(x.id) FROM contact_address x WHERE x.contact_id = r.contact_id AND COALESCE(x.status, 'A') = 'A')
LEFT JOIN addresses a ON a.id = ca.address_id
WHERE r.target_table = 'patient_data';
