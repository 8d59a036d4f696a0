-- FHIR MedicationRequest is computed from two OpenEMR tables, as
-- OpenEMR's PrescriptionService unions them: prescriptions are orders,
-- the patient's medication list (lists.type = 'medication') holds what
-- the patient reports taking, which FHIR calls a plan. Each row keeps the
-- uuid of its own table, the id the Standard API's prescription list
-- shows; uuids are generated independently per row, so the ids of the two
-- tables never meet.
--
-- status follows OpenEMR: an active row with an end date is completed, an
-- active one without is active, an inactive one stopped.
--
-- drug_id is set only when the request shows its drug as a Medication
-- reference: a formulary drug whose code the prescription does not
-- contradict. rxnorm is the prescription's code, else its drug's; a list
-- entry has none of its own and takes the code of the formulary drug of
-- the same name.
CREATE VIEW fhir_medication_request AS
SELECT p.uuid AS uuid, 'prescriptions' AS source, p.patient_id AS pid,
    COALESCE(NULLIF(p.request_intent, ''), 'order') AS intent,
    CASE WHEN p.active = '1' AND NULLIF(p.end_date, '') IS NOT NULL THEN 'completed'
        WHEN p.active = '1' THEN 'active' ELSE 'stopped' END AS status,
    COALESCE(NULLIF(p.usage_category, ''), 'community') AS category,
    p.drug AS drug,
    COALESCE(NULLIF(p.rxnorm_drugcode, ''), NULLIF(d.drug_code, '')) AS rxnorm,
    CASE WHEN COALESCE(p.rxnorm_drugcode, '') IN ('', d.drug_code) THEN d.drug_id END AS drug_id,
    p.date_added AS authored_on, p.date_modified AS updated,
    p.provider_id AS requester_id, p.encounter AS encounter,
    p.drug_dosage_instructions AS sig, p.dosage AS dosage,
    COALESCE(NULLIF(p.form, ''), d.form) AS form,
    COALESCE(NULLIF(p.route, ''), d.route) AS route,
    p."interval" AS dose_interval, p.quantity AS quantity, p.refills AS refills,
    p.note AS note, p.diagnosis AS diagnosis, p.indication AS indication,
    '0' AS reported
FROM prescriptions p LEFT JOIN drugs d ON d.drug_id = p.drug_id AND p.drug_id > 0
UNION ALL
SELECT l.uuid, 'lists', l.pid, 'plan',
    CASE WHEN l.activity = '1' AND NULLIF(l.enddate, '') IS NOT NULL THEN 'completed'
        WHEN l.activity = '1' THEN 'active' ELSE 'stopped' END,
    'community', l.title,
    (SELECT d.drug_code FROM drugs d WHERE d.name = l.title AND d.drug_code <> '' ORDER BY d.drug_id LIMIT 1),
    NULL, l.date, l.modifydate,
    (SELECT u.id FROM users u WHERE u.username = l."user" AND u.username <> '' ORDER BY u.id LIMIT 1),
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    l.comments, l.diagnosis, NULL,
    '1'
FROM lists l WHERE l.type = 'medication';
