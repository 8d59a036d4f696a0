package resource

// CarePlanRow is one row of OpenEMR's Care Plan form, form_care_plan
// (migration 0018), as the form writes it: every row of one form shares
// id, the form's number, which the form's first row is given as MAX + 1
// (OpenEMR's forms/care_plan/save.php numbers it so). Other columns are
// written as named.
var CarePlanRow = &Def{
	Name: "care_plan", Table: "form_care_plan", Key: "uuid", Numbered: "id",
	Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID))},
}

// carePlanWhere keeps the rows of type typ that are live: active rows of
// a form that was not deleted, as OpenEMR's CarePlanService reads them
// (forms.deleted = 0, form_care_plan.activity = 1).
func carePlanWhere(typ string) string {
	return "t.care_plan_type = '" + typ + "' AND t.activity = '1' AND NOT EXISTS " +
		"(SELECT 1 FROM forms f WHERE f.formdir = 'care_plan' AND f.form_id = t.id AND f.deleted = '1')"
}

// carePlanFields are the columns both FHIR readings of form_care_plan use.
//
// author_id is who wrote the row: the user the form names (user, a
// username, as OpenEMR reads it) when that user is a practitioner, else the
// provider of the encounter the form belongs to. condition is the uuid of
// the patient's problem whose codes hold reason_code (the first, by id): the
// problem the row addresses, unless the row names the problems it
// addresses itself (addresses, uuids between semicolons, written through
// FHIR; migration 0027). intent is the FHIR CarePlan intent a write
// stored, row_version the row's version counter. last_updated is when the form was saved
// (forms.date, OpenEMR's creation_date), else the row's own date.
func carePlanFields(extra ...Field) []Field {
	return append([]Field{
		Col("uuid"), Col("id", As(Int)), Col("pid", As(Int)), Col("encounter", As(Int)),
		Col("user"), Col("care_plan_type"), Col("code"), Col("codetext"), Col("description"),
		Col("date", As(DateTime)), Col("date_end", As(DateTime)), Col("plan_status"),
		Col("reason_code"), Col("reason_description"), Col("note_related_to"),
		Col("codes", Computed("';' || REPLACE(COALESCE(t.code, ''), ' ', '') || ';'")),
		Col("start_day", As(Date), Computed("substr(t.date, 1, 10)")),
		Col("author_id", As(Int), Computed(`COALESCE(
			(SELECT u.id FROM users u WHERE u.username = t."user" AND u.username <> '' AND u.npi <> '' ORDER BY u.id LIMIT 1),
			(SELECT e.provider_id FROM form_encounter e WHERE e.encounter = t.encounter))`)),
		Col("condition", Computed(`CASE WHEN COALESCE(t.addresses, '') <> '' THEN t.addresses ELSE (SELECT l.uuid FROM lists l
			WHERE l.pid = t.pid AND l.type IN ('medical_problem', 'health_concern') AND l.activity = '1'
			AND COALESCE(t.reason_code, '') <> ''
			AND ';' || REPLACE(COALESCE(l.diagnosis, ''), ' ', '') || ';' LIKE '%;' || REPLACE(t.reason_code, ' ', '') || ';%'
			ORDER BY l.id LIMIT 1) END`)),
		Col("intent"), Col("row_version", As(Int)),
		Col("last_updated", As(DateTime), Computed(`COALESCE(
			(SELECT f.date FROM forms f WHERE f.formdir = 'care_plan' AND f.form_id = t.id ORDER BY f.id LIMIT 1), t.date)`)),
	}, extra...)
}

// FHIRCarePlan is the plan-of-care rows of form_care_plan, one US Core
// CarePlan each (read only). status is the row's status as a FHIR request
// status: empty is active (OpenEMR shows every plan as active), a
// cancelled plan is revoked, a value FHIR does not know is unknown.
// end_day is the last day of the plan's period, far ahead for a plan
// without an end, so that a date search on the period compares the right
// end (period.start for lt/le, period.end for gt/ge). Rows that are further
// activities of a plan (plan_uuid, migration 0027) are no plans of their
// own: activities is the JSON array of a plan's further activities.
var FHIRCarePlan = &Def{
	Name: "fhir_care_plan", Table: "form_care_plan", ID: "uuid", Key: "uuid",
	Where: carePlanWhere("plan_of_care") + " AND COALESCE(t.plan_uuid, '') = ''",
	Order: []string{"uuid"},
	Fields: carePlanFields(
		Col("status", Computed(`CASE LOWER(COALESCE(t.plan_status, ''))
			WHEN '' THEN 'active' WHEN 'active' THEN 'active' WHEN 'draft' THEN 'draft' WHEN 'on-hold' THEN 'on-hold'
			WHEN 'revoked' THEN 'revoked' WHEN 'cancelled' THEN 'revoked' WHEN 'canceled' THEN 'revoked'
			WHEN 'completed' THEN 'completed' WHEN 'entered-in-error' THEN 'entered-in-error'
			ELSE 'unknown' END`)),
		Col("end_day", As(Date), Computed("COALESCE(NULLIF(substr(t.date_end, 1, 10), ''), '9999-12-31')")),
		Col("activities", Computed(`SELECT '[' || string_agg(a.entry, ',' ORDER BY a.uuid) || ']'
			FROM fhir_care_plan_activity a WHERE a.plan_uuid = t.uuid`)),
	),
}
