package resource

// Prescription is the prescriptions table (openemr-standard-api.md §3.19):
// what POST /api/prescription writes (any column; drug and patient_id are
// required, checked by restapi in OpenEMR's error shape) and DELETE marks
// discontinued (active = 0). Reads go through PrescriptionList.
var Prescription = &Def{
	Name: "prescription", Table: "prescriptions", ID: "id", Key: "uuid",
	Summary:    "Prescriptions and medication list entries",
	Order:      []string{"id"},
	SoftDelete: &SoftDelete{Column: "active", Value: "0", Live: "1"},
	Fields: append([]Field{
		Col("id", As(Int)),
		Col("uuid", Set(AutoUUID)),
		Col("patient_id", W, As(Int)),
		Col("filled_by_id", W, As(Int)),
		Col("pharmacy_id", W, As(Int)),
		Col("date_added", W, Set(AutoNow)),
		Col("date_modified", Set(AutoTouch)),
		Col("provider_id", W, As(Int)),
		Col("encounter", W, As(Int)),
		Col("start_date", W, As(Date)),
		Col("drug", W, Len(0, 150)),
		Col("drug_id", W, As(Int), Default("0")),
		Col("active", W, OneOf("0", "1"), Default("1")),
		Col("end_date", W, As(Date)),
		Col("filled_date", W, As(Date)),
		Col("created_by", Set(AutoUser)),
		Col("updated_by", Set(AutoUser)),
	}, WCols(
		"rxnorm_drugcode", "form", "dosage", "quantity", "size", "unit", "route", "interval", "substitute",
		"refills", "per_refill", "medication", "note", "datetime", "user", "site", "prescriptionguid",
		"erx_source", "erx_uploaded", "drug_info_erx", "external_id", "indication", "prn", "ntx", "rtx",
		"usage_category", "usage_category_title", "request_intent", "request_intent_title",
		"drug_dosage_instructions", "diagnosis",
	)...),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "id", Int: true}, {From: "uuid", To: "uuid"}}},
	Deleted: Reply{Literal: map[string]string{"message": "record deleted"}},
}

// PrescriptionList is what GET /api/prescription reads: prescriptions
// together with the patients' medication list entries (lists.type =
// medication), in OpenEMR's combined shape. source_table tells them apart.
// Every column of the combined rows is an exact-match search parameter, as
// OpenEMR passes every query parameter to its search.
var PrescriptionList = &Def{
	Name: "prescription", Table: prescriptionUnion, Key: "uuid",
	Order: []string{"date_added", "source_table", "id"},
	Fields: []Field{
		Col("id", As(Int), S, Secret),
		Col("uuid", S),
		Col("source_table", S),
		Col("drug", S),
		Col("active", S),
		Col("intent", S),
		Col("category", S),
		Col("intent_title", S),
		Col("category_title", S),
		Col("category_text", S, Computed("'Community'")),
		Col("rxnorm_drugcode", S),
		Col("date_added", S),
		Col("date_modified", S),
		Col("unit", S),
		Col("interval", S),
		Col("route", S),
		Col("note", S),
		Col("status", S, Computed(`CASE WHEN t.end_date IS NOT NULL AND t.active = '1' THEN 'completed'
			WHEN t.active = '1' THEN 'active' ELSE 'stopped' END`)),
		Col("dosage", S),
		Col("drug_dosage_instructions", S),
		// OpenEMR reads adherence from lists_medication, which goemr does
		// not keep: always null.
		Col("medication_adherence", Computed("NULL")),
		Col("medication_adherence_date_asserted", Computed("NULL")),
		Col("medication_adherence_title", Computed("NULL")),
		Col("medication_adherence_codes", Computed("NULL")),
		Col("prescription_drug_size", S),
		Col("quantity", S),
		Col("diagnosis", S),
		Col("puuid", S, Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.patient_id")),
		Col("euuid", S, Computed("SELECT e.uuid FROM form_encounter e WHERE e.encounter = t.encounter")),
		Col("pruuid", S, Computed("SELECT u.uuid FROM users u WHERE u.id = t.provider_id AND u.npi <> ''")),
		Col("drug_uuid", S),
		Col("route_id", Computed(optionOf("option_id", "drug_route", "t.route"))),
		Col("route_title", Computed(optionOf("title", "drug_route", "t.route"))),
		Col("route_codes", Computed(optionOf("codes", "drug_route", "t.route"))),
		Col("unit_id", Computed(optionOf("option_id", "drug_units", "t.unit"))),
		Col("unit_title", Computed(optionOf("title", "drug_units", "t.unit"))),
		Col("unit_codes", Computed(optionOf("codes", "drug_units", "t.unit"))),
		Col("interval_id", Computed(optionOf("option_id", "drug_interval", `t."interval"`))),
		Col("interval_title", Computed(optionOf("title", "drug_interval", `t."interval"`))),
		Col("interval_codes", Computed(optionOf("codes", "drug_interval", `t."interval"`))),
		Col("interval_notes", Computed(optionOf("notes", "drug_interval", `t."interval"`))),
		Col("request_intent_title", S),
		Col("patient_id", As(Int), S, Secret),
		Col("provider_id", As(Int), S, Secret),
		Col("encounter", As(Int), S, Secret),
		Col("drug_id", As(Int), S, Secret),
		Col("end_date", Secret),
	},
}

// prescriptionUnion combines both sources in OpenEMR's column names
// (PrescriptionService::getAll): prescriptions fall back to their drug's
// unit, route and code; list entries are plans with the list's title as the
// drug and the recording user as provider.
const prescriptionUnion = `(SELECT p.id AS id, p.uuid AS uuid, 'prescriptions' AS source_table, p.drug AS drug,
	p.active AS active, p.end_date AS end_date,
	COALESCE(p.request_intent, 'order') AS intent,
	COALESCE(NULLIF(p.request_intent_title, ''), 'Order') AS intent_title,
	COALESCE(p.usage_category, 'community') AS category,
	COALESCE(NULLIF(p.usage_category_title, ''), 'Home/Community') AS category_title,
	COALESCE(NULLIF(p.rxnorm_drugcode, ''), d.drug_code, '') AS rxnorm_drugcode,
	p.date_added AS date_added, p.date_modified AS date_modified,
	COALESCE(p.unit, d.unit) AS unit, p."interval" AS "interval", COALESCE(p.route, d.route) AS route,
	p.size AS prescription_drug_size, p.note AS note, p.patient_id AS patient_id, p.encounter AS encounter,
	p.provider_id AS provider_id, p.drug_id AS drug_id, d.uuid AS drug_uuid,
	p.drug_dosage_instructions AS drug_dosage_instructions, p.quantity AS quantity, p.dosage AS dosage,
	p.diagnosis AS diagnosis, COALESCE(NULLIF(p.request_intent_title, ''), 'Order') AS request_intent_title
FROM prescriptions p LEFT JOIN drugs d ON d.drug_id = p.drug_id
UNION ALL
SELECT l.id, l.uuid, 'lists', l.title, l.activity, l.enddate, 'plan', 'Plan', NULL, NULL, NULL,
	l.date, l.modifydate, NULL, NULL, NULL, NULL, l.comments, l.pid, NULL,
	(SELECT u.id FROM users u WHERE u.username = l."user" AND u.username <> '' ORDER BY u.id LIMIT 1),
	NULL, NULL, NULL, NULL, NULL, l.diagnosis, NULL
FROM lists l WHERE l.type = 'medication')`
