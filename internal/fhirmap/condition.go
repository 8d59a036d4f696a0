package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Condition is the problem list and the health concerns of lists as US
// Core Condition Problems and Health Concerns
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-condition-problems-health-concerns.html),
// and the problems issue_encounter links to encounters as US Core
// Condition Encounter Diagnosis
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-condition-encounter-diagnosis.html),
// over the view fhir_condition.
var Condition = &Mapping{
	Type:     "Condition",
	Profiles: conditionProfiles,
	Def:      resource.FHIRCondition,
	WriteDef: resource.FHIRIssueWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.Encounter, By: "encounter", Take: "uuid"},
		// An encounter diagnosis shows its problem: the lists row's
		// counter is its version too.
		VersionRef("lists", "list_id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"category"}, Tokens: conditionCategoryTokens,
			Doc: "problem-list-item (the problem list), health-concern or encounter-diagnosis"},
		{Code: "encounter", Type: Reference, Fields: []string{"encounter"}, Target: "Encounter", TargetKey: "encounter",
			Doc: "The encounter an encounter diagnosis was made at"},
		{Code: "clinical-status", Type: Token, Fields: []string{"enddate", "outcome", "verification"},
			Tokens: issueClinicalTokens(systemConditionClinical), Doc: "active, resolved or inactive, from the end date and outcome"},
		{Code: "verification-status", Type: Token, Fields: []string{"verification"}, Tokens: conditionVerificationTokens},
		{Code: "code", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "An ICD-10-CM or SNOMED CT code of the condition"},
		{Code: "onset-date", Type: Date, Fields: []string{"begdate"}},
		{Code: "abatement-date", Type: Date, Fields: []string{"enddate"}},
		{Code: "recorded-date", Type: Date, Fields: []string{"date"}, Doc: "When the condition was entered"},
		{Code: "asserted-date", Type: Date, Fields: []string{"date"}, Doc: "When the condition was entered (the assertedDate extension)"},
	},
	ToFHIR:   conditionToFHIR,
	FromFHIR: conditionFromFHIR,
	Store:    conditionStore,
	Paths: map[string]string{
		"title": "Condition.code", "diagnosis": "Condition.code.coding", "type": "Condition.category",
		"begdate": "Condition.onsetDateTime", "enddate": "Condition.abatementDateTime",
		"date": "Condition.recordedDate", "pid": "Condition.subject",
	},
}

var (
	conditionListProfiles      = profiles("us-core-condition-problems-health-concerns")
	conditionDiagnosisProfiles = profiles("us-core-condition-encounter-diagnosis")
	conditionProfiles          = append(append([]string(nil), conditionListProfiles...), conditionDiagnosisProfiles...)
)

func conditionToFHIR(rec emr.Record, c *Context) r4.Resource {
	now := issueNow()
	claims := conditionListProfiles
	if rec.Str("category") == categoryEncounterDiagnosis {
		claims = conditionDiagnosisProfiles
	}
	cond := &r4.Condition{
		ID:            text(rec.Str("uuid")),
		Meta:          meta(claims, rec.Str("last_updated")),
		Category:      []r4.CodeableConcept{conditionCategory(rec.Str("category"))},
		Code:          issueConcept(rec.Str("diagnosis"), rec.Str("title")),
		Subject:       issueSubject(rec, c),
		OnsetDateTime: dateTime(rec.Str("begdate")),
		RecordedDate:  dateTime(rec.Str("date")),
	}
	cond.Meta.VersionId = ptr(c.Version(rec.Str("list_id")))
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		cond.Encounter = reference("Encounter", id)
	}
	// OpenEMR records when a problem was entered, not a separate moment
	// it was first asserted; the entry is that assertion.
	if d := dateTime(rec.Str("date")); d != nil {
		cond.Extension = []r4.Extension{{Url: ptr(extConditionAsserted), ValueDateTime: d}}
	}
	if s := issueClinical(rec, now); s != "" {
		cond.ClinicalStatus = concept(systemConditionClinical, s, issueStatusDisplay[s])
	}
	// Only a past end date is an abatement: a condition that is still
	// active cannot be abated (Condition con-4).
	if end := rec.Str("enddate"); issueEnded(end, now) {
		cond.AbatementDateTime = dateTime(end)
	}
	if v := rec.Str("verification"); conditionVerification[v] {
		cond.VerificationStatus = concept(systemConditionVerStatus, v, issueStatusDisplay[v])
	}
	if note := text(rec.Str("comments")); note != nil {
		cond.Note = []r4.Annotation{{Text: note}}
	}
	return cond
}

// issueSubject is the reference to the patient of a lists row. The pid
// always names a patient; should the row outlive it, the required
// reference says it is unknown instead of pointing nowhere.
func issueSubject(rec emr.Record, c *Context) *r4.Reference {
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		return reference("Patient", id)
	}
	return &r4.Reference{Extension: absent("unknown")}
}
