package fhirmap

import (
	"strings"

	"goemr/internal/emr"
)

// Encounter code systems.
const (
	systemActEncounter   = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	systemEncParticipant = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	systemDischargeDisp  = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
	systemEncStatus      = "http://hl7.org/fhir/encounter-status"
	systemAMACPT         = "http://www.ama-assn.org/go/cpt"
)

// actEncounterCodes are the v3 ActEncounterCode classes with their HL7
// displays, the codes of OpenEMR's _ActEncounterCode list
// (form_encounter.class_code).
var actEncounterCodes = map[string]string{
	"AMB": "ambulatory", "EMER": "emergency", "FLD": "field", "HH": "home health",
	"IMP": "inpatient encounter", "ACUTE": "inpatient acute", "NONAC": "inpatient non-acute",
	"OBSENC": "observation encounter", "PRENC": "pre-admission", "SS": "short stay", "VR": "virtual",
}

// defaultEncounterClass is the class of an encounter that records none: OpenEMR's
// encounter form defaults to ambulatory, and its calendar categories are
// office visits.
const defaultEncounterClass = "AMB"

// encounterKind is a SNOMED CT code of US Core's encounter type value set
// (descendants of 308335008 |Patient encounter procedure|).
type encounterKind struct{ code, display string }

// anyEncounter is the type of an encounter whose category says no more
// than that a patient was seen.
var anyEncounter = encounterKind{"308335008", "Patient encounter procedure (procedure)"}

// categoryTypes are the encounter types of OpenEMR's calendar categories,
// by their constant id (pc_constant_id, the same on every install). A
// category not listed is anyEncounter.
var categoryTypes = map[string]encounterKind{
	"office_visit":                     anyEncounter,
	"established_patient":              anyEncounter,
	"new_patient":                      anyEncounter,
	"health_and_behavioral_assessment": anyEncounter,
	"ophthalmological_services":        anyEncounter,
	"group_therapy":                    anyEncounter,
	"preventive_care_services":         {"185349003", "Encounter for check up (procedure)"},
}

// typePrefixes are the code system prefixes encounter_type_code may hold.
var typePrefixes = map[string][]string{systemSNOMED: {"SNOMED-CT:", "SNOMED:", "SCT:"}, systemAMACPT: {"CPT4:", "CPT:"}}

// encounterTypeCode splits form_encounter.encounter_type_code, which
// OpenEMR keeps as "SNOMED-CT:code", "CPT4:code" or a bare code, into its
// FHIR system and code: a bare code of five characters is CPT, one of six
// digits or more SNOMED CT. system is "" when the code says neither.
func encounterTypeCode(stored string) (system, code string) {
	stored = strings.TrimSpace(stored)
	for system, prefixes := range typePrefixes {
		for _, p := range prefixes {
			if len(stored) > len(p) && strings.EqualFold(stored[:len(p)], p) {
				return system, stored[len(p):]
			}
		}
	}
	switch {
	case len(stored) == 5 && !strings.Contains(stored, ":"):
		return systemAMACPT, stored
	case len(stored) >= 6 && strings.Trim(stored, "0123456789") == "":
		return systemSNOMED, stored
	}
	return "", stored
}

// encounterTypeSearch finds encounters of type code: those whose stored
// type code is it, and those without one whose category maps to it.
func encounterTypeSearch(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemSNOMED && system != systemAMACPT || code == "" {
		return nil
	}
	var out []emr.Cond
	for _, s := range []string{systemSNOMED, systemAMACPT} {
		if hasSystem && system != s {
			continue
		}
		for _, prefix := range typePrefixes[s] {
			out = append(out, emr.Eq("encounter_type_code", prefix+code))
		}
		if sys, _ := encounterTypeCode(code); sys == s {
			out = append(out, emr.Eq("encounter_type_code", code))
		}
	}
	if hasSystem && system != systemSNOMED {
		return out // categories map to SNOMED CT only
	}
	// Without a stored code: the categories of this type, or for
	// anyEncounter every category but those of another type.
	byCategory := []emr.Cond{{Field: "encounter_type_code", Match: emr.Missing, Value: true}}
	var cats []string
	for c, k := range categoryTypes {
		switch {
		case k.code == code:
			cats = append(cats, c)
		case code == anyEncounter.code:
			byCategory = append(byCategory, emr.Cond{Field: "pc_constant_id", Match: emr.NotEq, Value: c})
		}
	}
	switch {
	case code == anyEncounter.code:
	case len(cats) > 0:
		byCategory = append(byCategory, emr.Cond{Field: "pc_constant_id", Match: emr.In, Value: cats})
	default:
		return out
	}
	return append(out, emr.And(byCategory...))
}

// encounterClassSearch finds encounters of class code (v3 ActCode).
func encounterClassSearch(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemActEncounter || actEncounterCodes[code] == "" {
		return nil
	}
	out := []emr.Cond{emr.Eq("class_code", code)}
	if code == defaultEncounterClass {
		out = append(out, emr.Cond{Field: "class_code", Match: emr.Missing, Value: true})
	}
	return out
}

// encounterStatusSearch finds encounters by their status: the one a FHIR
// write stored, finished for those without (see encounterToFHIR).
func encounterStatusSearch(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemEncStatus || code == "" {
		return nil
	}
	out := []emr.Cond{emr.Eq("status", code)}
	if code == "finished" {
		out = append(out, emr.Cond{Field: "status", Match: emr.Missing, Value: true})
	}
	return out
}

// encounterIdentifierSearch finds an encounter by its urn:uuid identifier.
func encounterIdentifierSearch(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != identifierSystemURI {
		return nil
	}
	return []emr.Cond{emr.Eq("uuid", strings.TrimPrefix(code, "urn:uuid:"))}
}

// encounterDischargeSearch matches OpenEMR's discharge-disposition option
// ids, which are the HL7 discharge-disposition codes, and the NUBC codes
// FHIR writes keep.
func encounterDischargeSearch(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemDischargeDisp && system != systemNUBCDischarge || hasSystem && (system == systemNUBCDischarge) != nubcCode(code) {
		return nil
	}
	return []emr.Cond{emr.Eq("discharge_disposition", code)}
}
