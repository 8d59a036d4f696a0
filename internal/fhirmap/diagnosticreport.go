package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// DiagnosticReport is the view fhir_diagnostic_reports: the reports of
// laboratory orders as US Core DiagnosticReport for Laboratory Results
// Reporting
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-diagnosticreport-lab.html),
// one per procedure_report, its results the lab Observations of the
// report's procedure_result rows.
var DiagnosticReport = &Mapping{
	Type:     "DiagnosticReport",
	Profiles: reportProfiles,
	Def:      resource.FHIRDiagnosticReport,
	ID:       "id", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.FHIREncounterKey, By: "encounter", Take: "uuid"},
		{Name: "director", Field: "lab_director", Def: resource.Practitioner, By: "id", Take: "uuid"},
		VersionRef("procedure_report", "report_id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"category"}, Tokens: reportCategory, Doc: "LAB"},
		{Code: "code", Type: Token, Fields: []string{"code"}, Tokens: tokenOfLOINC, Doc: "The LOINC code of the ordered test"},
		{Code: "date", Type: Date, Fields: []string{"date"}, Doc: "When the specimen was collected"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: reportStatusTokens},
	},
	ToFHIR:   reportToFHIR,
	FromFHIR: reportFromFHIR,
	Store:    storeReport,
}

var reportProfiles = profiles("us-core-diagnosticreport-lab")

// DiagnosticReport statuses of OpenEMR's report statuses (list_options
// proc_rep_status: a reviewed report is final); FHIR's own codes are taken
// as they are.
var reportStatuses = map[string]string{
	"final": "final", "review": "final", "reviewed": "final", "prelim": "preliminary", "preliminary": "preliminary",
	"partial": "partial", "correct": "corrected", "corrected": "corrected", "amended": "amended", "appended": "appended",
	"registered": "registered", "error": "entered-in-error", "entered-in-error": "entered-in-error",
	"cancel": "cancelled", "canceled": "cancelled", "cancelled": "cancelled",
}

var reportStatusTokens = statusTokens("http://hl7.org/fhir/diagnostic-report-status", reportStatuses)

func reportCategory(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemDiagnosticSection {
		return nil
	}
	return []emr.Cond{emr.Eq("category", code)}
}

func tokenOfLOINC(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemLOINC {
		return nil
	}
	return []emr.Cond{emr.Eq("code", code)}
}

func reportToFHIR(rec emr.Record, c *Context) r4.Resource {
	status, ok := reportStatuses[strings.ToLower(strings.TrimSpace(rec.Str("status")))]
	if !ok {
		status = "unknown"
	}
	d := &r4.DiagnosticReport{
		ID:         text(rec.Str("id")),
		Meta:       meta(reportProfiles, rec.Str("last_updated")),
		Status:     &status,
		Category:   []r4.CodeableConcept{*concept(systemDiagnosticSection, "LAB", "Laboratory")},
		Code:       loincConcept(rec.Str("code"), rec.Str("code_text")),
		Conclusion: text(rec.Str("conclusion")),
	}
	d.Meta.VersionId = ptr(c.Version(rec.Str("report_id")))
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		d.Subject = reference("Patient", id)
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		d.Encounter = reference("Encounter", id)
	}
	// A released report has both times (us-core-8, us-core-9); the view
	// falls back from one to the other, so only a report without any time
	// says why.
	if d.EffectiveDateTime = dateTime(rec.Str("date")); d.EffectiveDateTime == nil {
		d.EffectiveDateTimeExt = &r4.Element{Extension: absent("unknown")}
	}
	if d.Issued = instant(rec.Str("issued")); d.Issued == nil {
		d.IssuedExt = &r4.Element{Extension: absent("unknown")}
	}
	// The performer is the lab that issued the report, as OpenEMR's
	// Organization of procedure_providers, and its director.
	if lab := text(rec.Str("lab_uuid")); lab != nil {
		ref := reference("Organization", *lab)
		ref.Display = text(rec.Str("lab_name"))
		d.Performer = append(d.Performer, *ref)
	}
	if id, ok := c.Ref("director", rec.Str("lab_director")); ok {
		d.Performer = append(d.Performer, *reference("Practitioner", id))
	}
	// The ordered test (US Core 6.1 does not require it; later versions
	// and OpenEMR give it).
	if req := text(rec.Str("request")); req != nil {
		d.BasedOn = []r4.Reference{*reference("ServiceRequest", *req)}
	}
	for _, id := range strings.Split(rec.Str("results"), ",") {
		if id != "" {
			d.Result = append(d.Result, *reference("Observation", id))
		}
	}
	return d
}
