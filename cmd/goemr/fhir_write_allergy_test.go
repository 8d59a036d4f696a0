package main

import (
	"testing"
)

const newAllergy = `{"resourceType":"AllergyIntolerance",
 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},
 "criticality":"low",
 "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7980","display":"Penicillin G"}],"text":"Penicillin G"},
 "patient":{"reference":"Patient/PATIENT"},
 "onsetDateTime":"2019-04-02",
 "reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"247472004"}],"text":"Hives"}],"severity":"mild"}],
 "note":[{"text":"Noted at intake"}]}`

// TestFHIRAllergyWrite: AllergyIntolerance create and update land in
// lists (type allergy), seen by the Standard API, with versions.
func TestFHIRAllergyWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		runWriteCase(t, e, writeCase{
			typ: "AllergyIntolerance", body: newAllergy, std: "allergy",
			check: func(t *testing.T, r *Resp) {
				want := map[string]string{
					"clinicalStatus.coding.0.code": "active", "verificationStatus.coding.0.code": "confirmed",
					"code.coding.0.code": "7980", "code.text": "Penicillin G", "category.0": "medication",
					"patient.reference": "Patient/" + demoPatient(2), "onsetDateTime": "2019-04-02",
					"criticality": "low", "reaction.0.severity": "mild", "reaction.0.manifestation.0.coding.0.code": "247472004",
					"note.0.text": "Noted at intake",
				}
				checkPaths(t, r, want)
			},
			update: [2]string{`"code":"active"`, `"code":"resolved"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"clinicalStatus.coding.0.code": "resolved"})
			},
			bad: map[string]string{
				"no code":           `{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/PATIENT"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}`,
				"no patient":        `{"resourceType":"AllergyIntolerance","code":{"text":"Peanuts"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}`,
				"no clinicalStatus": `{"resourceType":"AllergyIntolerance","code":{"text":"Peanuts"},"patient":{"reference":"Patient/PATIENT"}}`,
				"unknown system":    `{"resourceType":"AllergyIntolerance","code":{"coding":[{"system":"urn:x","code":"1"}]},"patient":{"reference":"Patient/PATIENT"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}`,
				"two reactions":     `{"resourceType":"AllergyIntolerance","code":{"text":"Peanuts"},"patient":{"reference":"Patient/PATIENT"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},"reaction":[{"manifestation":[{"text":"Hives"}]},{"manifestation":[{"text":"Nausea"}]}]}`,
				"short title":       `{"resourceType":"AllergyIntolerance","code":{"text":"P"},"patient":{"reference":"Patient/PATIENT"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}`,
				"partial onset":     `{"resourceType":"AllergyIntolerance","code":{"text":"Peanuts"},"patient":{"reference":"Patient/PATIENT"},"onsetDateTime":"2019","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}`,
			},
		})

		// The official US Core example is accepted and reads back with
		// its codes, statuses and patient.
		r := e.DoHeader("POST", "/fhir/AllergyIntolerance", e.Admin, usCoreExample(t, "AllergyIntolerance-example.json", demoPatient(3)), fhirJSONHeader...).Want(t, 201)
		r = e.Do("GET", "/fhir/AllergyIntolerance/"+r.Str("id"), e.Admin, nil).Want(t, 200)
		checkPaths(t, r, map[string]string{
			"clinicalStatus.coding.0.code": "active", "verificationStatus.coding.0.code": "confirmed",
			"code.coding.0.system": "http://snomed.info/sct", "code.coding.0.code": "763875007", "code.text": "sulfonamide antibacterial",
			"patient.reference": "Patient/" + demoPatient(3), "criticality": "high", "reaction.0.manifestation.0.text": "skin rash",
		})
	})
}
