package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Encounter is form_encounter as US Core Encounter
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-encounter.html).
var Encounter = &Mapping{
	Type:     "Encounter",
	Profiles: encounterProfiles,
	Def:      resource.FHIREncounter,
	WriteDef: resource.FHIREncounterWrite,
	ID:       "uuid", Updated: "last_update", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "provider", Field: "provider_id", Def: resource.FHIRPractitioner, By: "id", Take: "uuid"},
		{Name: "referrer", Field: "referring_provider_id", Def: resource.FHIRPractitioner, By: "id", Take: "uuid"},
		{Name: "facility", Field: "facility_id", Def: resource.Facility, By: "id", Take: "uuid"},
		VersionRef("form_encounter", "id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "date", Type: Date, Fields: []string{"date"}, Doc: "When the encounter began"},
		{Code: "identifier", Type: Token, Fields: []string{"uuid"}, Tokens: encounterIdentifierSearch},
		{Code: "type", Type: Token, Fields: []string{"encounter_type_code", "pc_catid"}, Tokens: encounterTypeSearch, Doc: "A SNOMED CT or CPT code"},
		{Code: "class", Type: Token, Fields: []string{"class_code"}, Tokens: encounterClassSearch, Doc: "A v3 ActCode (AMB, VR…)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: encounterStatusSearch},
		{Code: "location", Type: Reference, Fields: []string{"facility_id"}, Target: "Location", TargetKey: "id"},
		{Code: "discharge-disposition", Type: Token, Fields: []string{"discharge_disposition"}, Tokens: encounterDischargeSearch},
		{Code: "practitioner", Type: Reference, Fields: []string{"provider_id", "referring_provider_id"}, Target: "Practitioner", TargetKey: "id"},
	},
	ToFHIR:   encounterToFHIR,
	FromFHIR: encounterFromFHIR,
	Store:    encounterStore,
	Paths: map[string]string{
		"pid": "Encounter.subject", "status": "Encounter.status", "class_code": "Encounter.class",
		"encounter_type_code": "Encounter.type", "date": "Encounter.period.start", "date_end": "Encounter.period.end",
		"provider_id": "Encounter.participant", "referring_provider_id": "Encounter.participant",
		"facility_id": "Encounter.serviceProvider", "discharge_disposition": "Encounter.hospitalization.dischargeDisposition",
	},
}

var encounterProfiles = profiles("us-core-encounter")

// encounterToFHIR builds the Encounter. OpenEMR keeps no encounter status:
// a form_encounter row documents a visit that took place, so an encounter
// is finished, as OpenEMR's FHIR API says too, unless a FHIR write gave it
// another status (form_encounter.status, migration 0027).
func encounterToFHIR(rec emr.Record, c *Context) r4.Resource {
	uuid := rec.Str("uuid")
	e := &r4.Encounter{
		ID:         text(uuid),
		Meta:       meta(encounterProfiles, rec.Str("last_update")),
		Identifier: []r4.Identifier{rowURIIdentifier(uuid)},
		Status:     ptr(firstOf(rec.Str("status"), "finished")),
		Class:      encounterClass(rec.Str("class_code")),
		Type:       []r4.CodeableConcept{encounterType(rec)},
		Period:     encounterPeriod(rec),
	}
	e.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		e.Subject = reference("Patient", id)
	} else { // subject is required (1..1)
		e.Subject = &r4.Reference{Extension: absent("unknown")}
	}
	for _, p := range []struct{ ref, field, code, display string }{
		{"provider", "provider_id", "PPRF", "primary performer"},
		{"referrer", "referring_provider_id", "REF", "referrer"},
	} {
		if id, ok := c.Ref(p.ref, rec.Str(p.field)); ok {
			e.Participant = append(e.Participant, r4.EncounterParticipant{
				Type:       []r4.CodeableConcept{*concept(systemEncParticipant, p.code, p.display)},
				Period:     e.Period,
				Individual: reference("Practitioner", id),
			})
		}
	}
	if reason := text(rec.Str("reason")); reason != nil {
		e.ReasonCode = []r4.CodeableConcept{{Text: reason}}
	}
	if dd := rec.Str("discharge_disposition"); dd != "" {
		system := systemDischargeDisp
		if nubcCode(dd) {
			system = systemNUBCDischarge
		}
		e.Hospitalization = &r4.EncounterHospitalization{
			DischargeDisposition: concept(system, dd, rec.Str("discharge_disposition_text")),
		}
	}
	// The facility is both where the encounter happened and the
	// organization responsible for it (Location and Organization share the
	// facility's uuid).
	if id, ok := c.Ref("facility", rec.Str("facility_id")); ok {
		e.Location = []r4.EncounterLocation{{Location: reference("Location", id)}}
		e.ServiceProvider = reference("Organization", id)
	}
	return e
}

func encounterClass(code string) *r4.Coding {
	if code == "" {
		code = defaultEncounterClass
	}
	c := coding(systemNullFlav, "UNK", "unknown")
	if d, ok := actEncounterCodes[code]; ok {
		c = coding(systemActEncounter, code, d)
	}
	return &c
}

// encounterType is the stored type code when the encounter has one (or,
// written through FHIR, the type's text alone), else the type of its
// calendar category, with the category's name as text.
func encounterType(rec emr.Record) r4.CodeableConcept {
	desc := text(rec.Str("encounter_type_description"))
	if rec.Str("encounter_type_code") == "" && desc != nil {
		return r4.CodeableConcept{Text: desc}
	}
	if stored := rec.Str("encounter_type_code"); stored != "" {
		system, code := encounterTypeCode(stored)
		if system == "" {
			if desc == nil {
				desc = ptr(stored)
			}
			return r4.CodeableConcept{Text: desc}
		}
		c := r4.CodeableConcept{Coding: []r4.Coding{{System: ptr(system), Code: ptr(code), Display: desc}}, Text: desc}
		return c
	}
	k, ok := categoryTypes[rec.Str("pc_constant_id")]
	if !ok {
		k = anyEncounter
	}
	c := concept(systemSNOMED, k.code, k.display)
	if name := text(rec.Str("pc_catname")); name != nil {
		c.Text = name
	}
	return *c
}

// encounterPeriod runs from date to date_end; an end before the start
// (a data entry slip) is left out, as FHIR requires start ≤ end (per-1).
func encounterPeriod(rec emr.Record) *r4.Period {
	start, end := instant(rec.Str("date")), instant(rec.Str("date_end"))
	if start == nil && end == nil {
		return nil
	}
	if start != nil && end != nil && *end < *start {
		end = nil
	}
	return &r4.Period{Start: start, End: end}
}
