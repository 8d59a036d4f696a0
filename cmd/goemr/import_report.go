package main

import (
	"fmt"
	"regexp"
	"time"

	"goemr/internal/fhir"
	"goemr/internal/fhir/r4"
)

// usCoreTypes are the resource types US Core 6.1.0 profiles: refusing one
// of these fails the import.
var usCoreTypes = map[string]bool{
	"AllergyIntolerance": true, "CarePlan": true, "CareTeam": true, "Condition": true, "Coverage": true,
	"Device": true, "DiagnosticReport": true, "DocumentReference": true, "Encounter": true, "Goal": true,
	"Immunization": true, "Location": true, "Medication": true, "MedicationDispense": true,
	"MedicationRequest": true, "Observation": true, "Organization": true, "Patient": true,
	"Practitioner": true, "PractitionerRole": true, "Procedure": true, "Provenance": true,
	"QuestionnaireResponse": true, "RelatedPerson": true, "ServiceRequest": true, "Specimen": true,
}

// importReport counts what an import did, per resource type.
type importReport struct {
	start      time.Time
	files      int
	types      map[string]*typeCounts
	fileErrors []string // files that could not be run at all
	notFHIR    []string
}

// typeCounts are the outcomes of one type's resources. Undone ones were
// fine but in a file whose transaction another resource failed.
type typeCounts struct {
	written, existing, skipped, refused, undone int
	reasons                                     map[string]*importReason
}

type importReason struct {
	n       int
	example string // where it happened first
}

func newImportReport() *importReport {
	return &importReport{start: time.Now(), types: map[string]*typeCounts{}}
}

func (r *importReport) of(typ string) *typeCounts {
	tc := r.types[typ]
	if tc == nil {
		tc = &typeCounts{reasons: map[string]*importReason{}}
		r.types[typ] = tc
	}
	return tc
}

// add counts the results of a file; it returns how many were refused.
func (r *importReport) add(file string, results []fhir.EntryResult) int {
	refused := 0
	for i, res := range results {
		tc := r.of(res.Type)
		switch {
		case res.Skipped:
			tc.skipped++
		case res.Reason != "":
			tc.refused++
			refused++
			key := reasonKey(res.Reason)
			why := tc.reasons[key]
			if why == nil {
				why = &importReason{example: fmt.Sprintf("%s, entry %d", file, i)}
				tc.reasons[key] = why
			}
			why.n++
		case res.Existing:
			tc.existing++
		case res.Written:
			tc.written++
		default:
			tc.undone++
		}
	}
	return refused
}

// Reasons are grouped without what differs from one resource to the next:
// ids, and the entry's position.
var (
	reasonIDs     = regexp.MustCompile(`[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}`)
	reasonEntries = regexp.MustCompile(`Bundle\.entry\[\d+\]`)
)

func reasonKey(reason string) string {
	return reasonEntries.ReplaceAllString(reasonIDs.ReplaceAllString(reason, "…"), "Bundle.entry[…]")
}

// fileError records a file that could not be run; the resources of b,
// when it was read, count as undone.
func (r *importReport) fileError(file string, err error, b *r4.Bundle) {
	r.fileErrors = append(r.fileErrors, file+": "+err.Error())
	if b != nil {
		for _, e := range b.Entry {
			r.of(resourceTypeOf(e.Resource)).undone++
		}
	}
}

// refusedUSCore counts the resources of US Core types not imported.
func (r *importReport) refusedUSCore() int {
	n := 0
	for typ, tc := range r.types {
		if usCoreTypes[typ] {
			n += tc.refused + tc.undone
		}
	}
	return n
}

func (r *importReport) summary() string {
	var written, refused int
	for _, tc := range r.types {
		written, refused = written+tc.written, refused+tc.refused
	}
	return fmt.Sprintf("%d files: %d resources written, %d refused", r.files, written, refused)
}
