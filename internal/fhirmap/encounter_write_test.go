package fhirmap

import (
	"testing"
)

// careWrites resolves the references of the care writes' tests: patient
// p1 (pid 7), practitioners d1 and d2 (users.id 3 and 4), facility f1 (id 2, "Clinic")
// as Location and Organization, insurer i1 (an Organization that is no
// facility), encounters e1 (number 40 of pid 7) and e2 (41 of pid 8),
// documents doc1 (pid 7) and doc2 (pid 8), condition c1 of pid 7.
var careWrites = &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
	known := map[string]string{
		"Patient/p1/pid": "7", "Practitioner/d1/id": "3", "Practitioner/d2/id": "4", "PractitionerRole/d1-2/user_id": "3", "PractitionerRole/d1-2/facility_id": "2",
		"Location/f1/id": "2", "Location/f1/name": "Clinic",
		"Organization/f1/facility_id": "2", "Organization/f1/name": "Clinic", "Organization/i1/facility_id": "",
		"Encounter/e1/encounter": "40", "Encounter/e1/pid": "7", "Encounter/e2/encounter": "41", "Encounter/e2/pid": "8",
		"DocumentReference/doc1/foreign_id": "7", "DocumentReference/doc2/foreign_id": "8",
		"Condition/c1/pid": "7", "Condition/c1/diagnosis": "ICD10:I10;SNOMED-CT:38341003", "Condition/c1/title": "Hypertension",
	}
	v, ok := known[typ+"/"+id+"/"+key]
	return v, ok, nil
}}

const encounterBase = `"resourceType":"Encounter","status":"finished",
 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
 "type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003","display":"Encounter for check up"}]}],
 "subject":{"reference":"Patient/p1"}`

func TestEncounterFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"full", `{` + encounterBase + `,"participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF"}]}],"individual":{"reference":"Practitioner/d1"}}],
		  "period":{"start":"2015-11-01T17:00:14-05:00","end":"2015-11-01T18:00:14-05:00"},"reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"1","display":"Cough"}]}],
		  "hospitalization":{"dischargeDisposition":{"coding":[{"system":"http://www.nubc.org/patient-discharge","code":"01"}]}},
		  "location":[{"location":{"reference":"Location/f1"}}],"serviceProvider":{"reference":"Organization/f1"}}`,
			map[string]any{"pid": "7", "status": "finished", "class_code": "AMB", "encounter_type_code": "SNOMED-CT:185349003",
				"encounter_type_description": "Encounter for check up", "provider_id": "3", "referring_provider_id": "",
				"date": "2015-11-01 22:00:14", "date_end": "2015-11-01 23:00:14", "reason": "Cough",
				"discharge_disposition": "01", "facility_id": "2", "facility": "Clinic", "pc_catid": officeVisit}, ""},
		{"CPT type, referrer by role, in progress", `{"resourceType":"Encounter","status":"in-progress","class":{"code":"IMP"},
		  "type":[{"coding":[{"system":"urn:x","code":"z"},{"system":"http://www.ama-assn.org/go/cpt","code":"99201"}],"text":"Office Visit"}],"subject":{"reference":"Patient/p1"},
		  "participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"REF"}]}],"individual":{"reference":"PractitionerRole/d1-2"}}]}`,
			map[string]any{"status": "in-progress", "class_code": "IMP", "encounter_type_code": "CPT4:99201", "encounter_type_description": "Office Visit",
				"provider_id": "", "referring_provider_id": "3", "date": "", "facility_id": ""}, ""},
		{"text-only type", `{"resourceType":"Encounter","status":"planned","class":{"code":"VR"},"type":[{"text":"Telehealth check-in"}],"subject":{"reference":"Patient/p1"}}`,
			map[string]any{"encounter_type_code": "", "encounter_type_description": "Telehealth check-in"}, ""},
		{"no status", `{"resourceType":"Encounter","class":{"code":"AMB"},"type":[{"text":"x"}],"subject":{"reference":"Patient/p1"}}`, nil, "Encounter.status"},
		{"bad class", `{"resourceType":"Encounter","status":"finished","class":{"code":"XYZ"},"type":[{"text":"x"}],"subject":{"reference":"Patient/p1"}}`, nil, "Encounter.class"},
		{"no type", `{"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/p1"}}`, nil, "Encounter.type"},
		{"type of another system", `{"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},"type":[{"coding":[{"system":"urn:x","code":"1"}]}],"subject":{"reference":"Patient/p1"}}`, nil, "Encounter.type"},
		{"no subject", `{"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},"type":[{"text":"x"}]}`, nil, "Encounter.subject"},
		{"ends before start", `{` + encounterBase + `,"period":{"start":"2020-01-02","end":"2020-01-01"}}`, nil, "Encounter.period"},
		{"days", `{` + encounterBase + `,"period":{"start":"2020-01-02"}}`, map[string]any{"date": "2020-01-02 00:00:00", "date_end": ""}, ""},
		{"two providers", `{` + encounterBase + `,"participant":[{"individual":{"reference":"Practitioner/d1"}},{"individual":{"reference":"Practitioner/d2"}}]}`, nil, "Encounter.participant"},
		{"unknown practitioner", `{` + encounterBase + `,"participant":[{"individual":{"reference":"PractitionerRole/x"}}]}`, nil, "Encounter.participant.individual"},
		{"related person", `{` + encounterBase + `,"participant":[{"individual":{"reference":"RelatedPerson/r1"}}]}`, nil, "Encounter.participant.individual"},
		{"insurer as provider", `{` + encounterBase + `,"serviceProvider":{"reference":"Organization/i1"}}`, nil, "Encounter.serviceProvider"},
		{"reason reference", `{` + encounterBase + `,"reasonReference":[{"reference":"Condition/c1"}]}`, nil, "Encounter.reasonReference"},
		{"other disposition", `{` + encounterBase + `,"hospitalization":{"dischargeDisposition":{"text":"home"}}}`, nil, "Encounter.hospitalization.dischargeDisposition"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := encounterFromFHIR(fromJSON(t, tc.body), careWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}
