package fhirmap

import "goemr/internal/fhir/r4"

// Provenance is computed, never stored: every clinical resource has one
// saying who authored it and who transmitted it, as US Core Provenance
// asks (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-provenance.html)
// and OpenEMR builds it. goemr records no per-row author, so the author
// is the organization that keeps the record, as for OpenEMR rows without
// a known practitioner.

var provenanceProfiles = profiles("us-core-provenance")

// ProvenanceProfiles are the profiles Provenance resources claim.
func ProvenanceProfiles() []string { return provenanceProfiles }

// ProvenanceID is the id of the Provenance of targetType/targetID, from
// which the target can be found again (OpenEMR's "-PSK-" surrogate key).
func ProvenanceID(targetType, targetID string) string {
	return targetType + "-PSK-" + targetID
}

// Provenance code systems.
const (
	systemParticipant       = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
	systemUSCoreParticipant = "http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type"
)

// ProvenanceFor is the Provenance of targetType/targetID, last changed at
// recorded (a FHIR instant), kept and sent by organization org (an
// Organization id).
func ProvenanceFor(targetType, targetID, recorded, org string) *r4.Provenance {
	orgRef := reference("Organization", org)
	agent := func(system, code, display string) r4.ProvenanceAgent {
		return r4.ProvenanceAgent{
			Type: &r4.CodeableConcept{Coding: []r4.Coding{coding(system, code, display)}},
			Who:  orgRef, OnBehalfOf: orgRef,
		}
	}
	return &r4.Provenance{
		ID:       ptr(ProvenanceID(targetType, targetID)),
		Meta:     &r4.Meta{Profile: provenanceProfiles, LastUpdated: ptr(recorded)},
		Target:   []r4.Reference{*reference(targetType, targetID)},
		Recorded: ptr(recorded),
		Agent: []r4.ProvenanceAgent{
			agent(systemParticipant, "author", "Author"),
			agent(systemUSCoreParticipant, "transmitter", "Transmitter"),
		},
	}
}
