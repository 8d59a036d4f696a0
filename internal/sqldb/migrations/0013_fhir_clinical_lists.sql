-- FHIR Procedure (US Core Procedure) is read from two kinds of rows, as
-- OpenEMR's FhirProcedureService reads them: the surgeries of the
-- patients' lists (lists.type 'surgery') and the ordered procedures other
-- than laboratory tests whose report came back (a procedure_order_code
-- row with its procedure_report: the report records the procedure done).
-- Laboratory orders are ServiceRequest, DiagnosticReport and Observation
-- in FHIR, not Procedure. One row per procedure; its id is the uuid of the
-- lists row or of the report, unique across both.
--
-- codes is a code list between semicolons (";SNOMED-CT:80146002;"), so
-- that a search for one code is a contains search for ";TYPE:code;". An
-- order lists its procedure code when the code names its code type
-- ("CPT4:71046"), and the compendium's standard code, LOINC when it names
-- none. reasons are the order's diagnoses. status is the FHIR event status:
-- a listed surgery was done; a report maps its status (proc_rep_status).
CREATE VIEW fhir_procedure AS
SELECT
    l.uuid AS id,
    'surgery' AS source,
    l.pid AS pid,
    l.title AS title,
    ';' || REPLACE(COALESCE(l.diagnosis, ''), ' ', '') || ';' AS codes,
    CAST(NULL AS TEXT) AS reasons,
    CASE WHEN l.verification = 'entered-in-error' THEN 'entered-in-error' ELSE 'completed' END AS status,
    l.begdate AS performed_at,
    CAST(NULL AS BIGINT) AS encounter,
    CAST(NULL AS BIGINT) AS performer,
    l.comments AS note,
    COALESCE(l.modifydate, l.date) AS last_updated
FROM lists l
WHERE l.type = 'surgery'
UNION ALL
SELECT
    r.uuid,
    'order',
    o.patient_id,
    COALESCE(NULLIF(c.procedure_name, ''), c.procedure_order_title),
    ';' || CASE WHEN c.procedure_code LIKE '%:%' THEN c.procedure_code || ';' ELSE '' END
        || COALESCE((SELECT CASE WHEN pt.standard_code LIKE '%:%' THEN pt.standard_code ELSE 'LOINC:' || pt.standard_code END || ';'
            FROM procedure_type pt
            WHERE pt.procedure_code = c.procedure_code AND pt.procedure_code <> '' AND pt.standard_code <> ''
            ORDER BY pt.procedure_type_id LIMIT 1), ''),
    COALESCE(NULLIF(c.diagnoses, ''), o.order_diagnosis),
    CASE r.report_status
        WHEN 'prelim' THEN 'in-progress'
        WHEN 'cancel' THEN 'stopped'
        WHEN 'error' THEN 'entered-in-error'
        ELSE 'completed'
    END,
    COALESCE(NULLIF(r.date_collected, ''), r.date_report),
    o.encounter_id,
    o.provider_id,
    r.report_notes,
    COALESCE(NULLIF(r.date_report, ''), o.date_ordered)
FROM procedure_report r
JOIN procedure_order o ON o.procedure_order_id = r.procedure_order_id
JOIN procedure_order_code c ON c.procedure_order_id = r.procedure_order_id AND c.procedure_order_seq = r.procedure_order_seq
WHERE o.activity = '1' AND COALESCE(NULLIF(c.procedure_type, ''), o.procedure_order_type) <> 'laboratory_test';
