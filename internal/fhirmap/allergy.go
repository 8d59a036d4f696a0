package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// AllergyIntolerance is lists.type = allergy as US Core AllergyIntolerance
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-allergyintolerance.html).
var AllergyIntolerance = &Mapping{
	Type:     "AllergyIntolerance",
	Profiles: allergyProfiles,
	Def:      resource.FHIRAllergy,
	WriteDef: resource.FHIRIssueWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		VersionRef("lists", "id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "clinical-status", Type: Token, Fields: []string{"enddate", "outcome", "verification"},
			Tokens: issueClinicalTokens(systemAllergyClinical), Doc: "active, resolved or inactive, from the end date and outcome"},
		{Code: "verification-status", Type: Token, Fields: []string{"verification"}, Tokens: allergyVerificationTokens},
		{Code: "code", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "An RxNorm or SNOMED CT code of the substance"},
	},
	ToFHIR:   allergyToFHIR,
	FromFHIR: allergyFromFHIR,
	Paths: map[string]string{
		"title": "AllergyIntolerance.code", "diagnosis": "AllergyIntolerance.code.coding",
		"begdate": "AllergyIntolerance.onsetDateTime", "date": "AllergyIntolerance.recordedDate",
		"pid": "AllergyIntolerance.patient", "reaction": "AllergyIntolerance.reaction.manifestation",
	},
}

var allergyProfiles = profiles("us-core-allergyintolerance")

func allergyToFHIR(rec emr.Record, c *Context) r4.Resource {
	a := &r4.AllergyIntolerance{
		ID:            text(rec.Str("uuid")),
		Meta:          meta(allergyProfiles, rec.Str("last_updated")),
		Code:          issueConcept(rec.Str("diagnosis"), rec.Str("title")),
		Patient:       issueSubject(rec, c),
		OnsetDateTime: dateTime(rec.Str("begdate")),
		RecordedDate:  dateTime(rec.Str("date")),
	}
	a.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	if s := issueClinical(rec, issueNow()); s != "" {
		a.ClinicalStatus = concept(systemAllergyClinical, s, issueStatusDisplay[s])
	}
	if v, ok := allergyVerification[rec.Str("verification")]; ok {
		a.VerificationStatus = concept(systemAllergyVerification, v, issueStatusDisplay[v])
	}
	// A drug allergy is coded in RxNorm; other substances (foods,
	// venoms, pollens) are SNOMED CT concepts whose category the code
	// alone does not tell.
	for _, cd := range a.Code.Coding {
		if *cd.System == issueSystem("RXCUI") {
			a.Category = []string{"medication"}
			break
		}
	}
	sev := allergySeverity[rec.Str("severity_al")]
	if sev.criticality != "" {
		a.Criticality = ptr(sev.criticality)
	}
	if r := allergyReaction(rec, sev.severity); r != nil {
		a.Reaction = []r4.AllergyIntoleranceReaction{*r}
	}
	if note := text(rec.Str("comments")); note != nil {
		a.Note = []r4.Annotation{{Text: note}}
	}
	return a
}

// allergyReaction is the one reaction OpenEMR records (an option of the
// 'reaction' list, coded by the option's codes), or nil when none is:
// "unassigned" says nothing a manifestation could.
func allergyReaction(rec emr.Record, severity string) *r4.AllergyIntoleranceReaction {
	opt := rec.Str("reaction")
	if text(opt) == nil || opt == "unassigned" {
		return nil
	}
	title := rec.Str("reaction_title")
	if title == "" {
		title = opt
	}
	r := &r4.AllergyIntoleranceReaction{
		Manifestation: []r4.CodeableConcept{*issueConcept(rec.Str("reaction_codes"), title)},
	}
	if severity != "" {
		r.Severity = ptr(severity)
	}
	return r
}
