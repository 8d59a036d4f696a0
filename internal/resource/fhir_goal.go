package resource

// FHIRGoal is the goal rows of form_care_plan, one US Core Goal each (read
// only). lifecycle is the row's status as a FHIR goal lifecycle status:
// empty or unknown values are active (as OpenEMR's Goal service reads
// them), a draft is proposed, a cancelled or revoked goal cancelled.
// target_date is the day of date_end, the goal's target date.
var FHIRGoal = &Def{
	Name: "fhir_goal", Table: "form_care_plan", ID: "uuid", Key: "uuid",
	Where: carePlanWhere("goal"),
	Order: []string{"uuid"},
	Fields: carePlanFields(
		Col("lifecycle", Computed(`CASE LOWER(COALESCE(t.plan_status, ''))
			WHEN 'proposed' THEN 'proposed' WHEN 'draft' THEN 'proposed' WHEN 'planned' THEN 'planned'
			WHEN 'accepted' THEN 'accepted' WHEN 'on-hold' THEN 'on-hold' WHEN 'completed' THEN 'completed'
			WHEN 'cancelled' THEN 'cancelled' WHEN 'canceled' THEN 'cancelled' WHEN 'revoked' THEN 'cancelled'
			WHEN 'entered-in-error' THEN 'entered-in-error' WHEN 'rejected' THEN 'rejected'
			ELSE 'active' END`)),
		Col("target_date", As(Date), Computed("substr(t.date_end, 1, 10)")),
	),
}
