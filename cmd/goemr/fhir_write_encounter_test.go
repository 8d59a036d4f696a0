package main

import (
	"strings"
	"testing"

	"goemr/internal/demo"
)

const newEncounter = `{"resourceType":"Encounter","status":"finished",
 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
 "type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003","display":"Encounter for check up"}],"text":"Check-up"}],
 "subject":{"reference":"Patient/PATIENT"},
 "participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF"}]}],"individual":{"reference":"Practitioner/PRACTITIONER"}}],
 "period":{"start":"2024-03-04T09:00:00-05:00","end":"2024-03-04T09:30:00-05:00"},
 "reasonCode":[{"text":"Annual physical"}],
 "serviceProvider":{"reference":"Organization/FACILITY"}}`

// Synthea v2.5 encounters (an emergency visit with a discharge
// disposition, an inpatient stay, an office visit), their references
// pointed at demo records.
var syntheaEncounters = []string{
	`{"resourceType":"Encounter","id":"93cc5f38-fe83-4ef2-b895-810d70395d09","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},"type":[{"coding":[{"system":"http://snomed.info/sct","code":"50849002","display":"Emergency Room Admission"}],"text":"Emergency Room Admission"}],"subject":{"reference":"Patient/PATIENT","display":"Mrs. Aleta Wintheiser"},"participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF","display":"primary performer"}],"text":"primary performer"}],"period":{"start":"1984-04-01T16:48:38-05:00","end":"1984-04-01T19:30:38-05:00"},"individual":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Jani Swift"}}],"period":{"start":"1984-04-01T16:48:38-05:00","end":"1984-04-01T19:30:38-05:00"},"reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"128613002","display":"Seizure disorder"}]}],"hospitalization":{"dischargeDisposition":{"coding":[{"system":"http://www.nubc.org/patient-discharge","code":"01","display":"Discharged to home care or self care (routine discharge)"}],"text":"Discharged to home care or self care (routine discharge)"}},"serviceProvider":{"reference":"Organization/FACILITY","display":"HALLMARK HEALTH SYSTEM"}}`,
	`{"resourceType":"Encounter","id":"c97cf30f-9871-40aa-a612-7f00fe234a06","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},"type":[{"coding":[{"system":"http://snomed.info/sct","code":"183452005","display":"Encounter Inpatient"}],"text":"Encounter Inpatient"}],"subject":{"reference":"Patient/PATIENT","display":"Mr. Chad Pfeffer"},"participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF","display":"primary performer"}],"text":"primary performer"}],"period":{"start":"2010-05-22T17:45:30-04:00","end":"2010-05-23T17:45:30-04:00"},"individual":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Adriana Borrego"}}],"period":{"start":"2010-05-22T17:45:30-04:00","end":"2010-05-23T17:45:30-04:00"},"reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"124171000119105","display":"Chronic intractable migraine without aura"}]}],"serviceProvider":{"reference":"Organization/FACILITY","display":"MORTON HOSPITAL"}}`,
	`{"resourceType":"Encounter","id":"0953dd44-90bb-4805-badd-169a761a6ab3","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"type":[{"coding":[{"system":"http://snomed.info/sct","code":"162673000","display":"General examination of patient (procedure)"}],"text":"General examination of patient (procedure)"}],"subject":{"reference":"Patient/PATIENT","display":"Mr. Abram Lemke"},"participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF","display":"primary performer"}],"text":"primary performer"}],"period":{"start":"2005-01-19T16:30:49-05:00","end":"2005-01-19T16:45:49-05:00"},"individual":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Virgil Bins"}}],"period":{"start":"2005-01-19T16:30:49-05:00","end":"2005-01-19T16:45:49-05:00"},"serviceProvider":{"reference":"Organization/FACILITY","display":"PCP265675"}}`,
}

// careRefs points the placeholders of a test body at demo records.
func careRefs(body string) string {
	return strings.NewReplacer("Practitioner/PRACTITIONER", "Practitioner/"+demo.ID("practitioner", 1),
		"Organization/FACILITY", "Organization/"+demo.ID("facility", 2),
		"Location/FACILITY", "Location/"+demo.ID("facility", 2)).Replace(body)
}

// TestFHIREncounterWrite: Encounter create and update land in
// form_encounter with its forms row, seen by the Standard API, with
// versions; the official examples and Synthea's encounters are stored.
func TestFHIREncounterWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		doc, clinic := demo.ID("practitioner", 1), demo.ID("facility", 2)
		id := runWriteCase(t, e, writeCase{
			typ: "Encounter", body: careRefs(newEncounter),
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "finished", "class.code": "AMB", "type.0.coding.0.system": "http://snomed.info/sct",
					"type.0.coding.0.code": "185349003", "type.0.text": "Check-up", "subject.reference": "Patient/" + demoPatient(2),
					"participant.0.individual.reference": "Practitioner/" + doc, "participant.0.type.0.coding.0.code": "PPRF",
					"period.start": "2024-03-04T14:00:00Z", "period.end": "2024-03-04T14:30:00Z", "reasonCode.0.text": "Annual physical",
					"serviceProvider.reference": "Organization/" + clinic, "location.0.location.reference": "Location/" + clinic,
				})
			},
			update: [2]string{`"status":"finished"`, `"status":"cancelled"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "cancelled", "class.code": "AMB"})
			},
			bad: map[string]string{
				"no class":        strings.Replace(newEncounter, `"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},`, "", 1),
				"unknown class":   strings.Replace(newEncounter, `"code":"AMB"`, `"code":"XX"`, 1),
				"no type":         strings.Replace(newEncounter, `"type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003","display":"Encounter for check up"}],"text":"Check-up"}],`, "", 1),
				"bad status":      strings.Replace(newEncounter, `"status":"finished"`, `"status":"done"`, 1),
				"unknown doctor":  strings.Replace(newEncounter, "Practitioner/PRACTITIONER", "Practitioner/nobody", 1),
				"unknown place":   strings.Replace(newEncounter, "Organization/FACILITY", "Organization/nowhere", 1),
				"reversed period": strings.Replace(newEncounter, `"end":"2024-03-04T09:30:00-05:00"`, `"end":"2024-03-03T09:30:00-05:00"`, 1),
			},
		})

		// The Standard API lists it among the patient's encounters, with
		// its facility and provider.
		std := e.Do("GET", "/api/patient/"+demoPatient(2)+"/encounter/"+id, e.Admin, nil).Want(t, 200)
		if std.Str("data", "facility_uuid") != clinic || std.Str("data", "provider_uuid") != doc || std.Str("data", "pc_catname") != "Office Visit" {
			t.Errorf("Standard API encounter: %s", std.Body)
		}
		list := e.Do("GET", "/api/patient/"+demoPatient(2)+"/encounter", e.Admin, nil).Want(t, 200)
		listed := false
		for i := 0; i < list.Len("data"); i++ {
			listed = listed || list.Str("data", i, "euuid") == id
		}
		if !listed {
			t.Errorf("the Standard API does not list encounter %s", id)
		}
		if got := fhirIDs(e, "Encounter?patient="+demoPatient(2)+"&status=cancelled"); len(got) != 1 || got[0] != id {
			t.Errorf("status=cancelled: %v", got)
		}

		// The official examples: an inpatient stay in progress with a
		// discharge disposition, a delivery, an office visit by CPT code.
		for file, want := range map[string]map[string]string{
			"Encounter-1036.json": {"status": "in-progress", "class.code": "IMP", "type.0.coding.0.code": "261665006",
				"hospitalization.dischargeDisposition.coding.0.system": "http://www.nubc.org/patient-discharge",
				"hospitalization.dischargeDisposition.coding.0.code":   "01", "location.0.location.reference": "Location/" + clinic},
			"Encounter-delivery.json": {"status": "finished", "class.code": "IMP", "type.0.coding.0.code": "177184002",
				"type.0.text": "Normal delivery procedure (procedure)"},
			"Encounter-example-1.json": {"class.code": "AMB", "type.0.coding.0.system": "http://www.ama-assn.org/go/cpt",
				"type.0.coding.0.code": "99201", "type.0.text": "Office Visit", "period.start": "2015-11-01T22:00:14Z", "period.end": "2015-11-01T23:00:14Z"},
		} {
			body := strings.ReplaceAll(usCoreExample(t, file, demoPatient(3)), `"Location/hospital"`, `"Location/`+clinic+`"`)
			r := e.DoHeader("POST", "/fhir/Encounter", e.Admin, body, fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Encounter/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			want["subject.reference"] = "Patient/" + demoPatient(3)
			checkPaths(t, r, want)
		}

		for i, s := range syntheaEncounters {
			r := e.DoHeader("POST", "/fhir/Encounter", e.Admin, careRefs(forPatient(s, demoPatient(4))), fhirJSONHeader...).Want(t, 201)
			if r.Str("id") == "" || r.Str("participant", 0, "individual", "reference") != "Practitioner/"+doc || r.Str("serviceProvider", "reference") != "Organization/"+clinic {
				t.Errorf("Synthea encounter %d: %s", i, r.Body)
			}
		}
	})
}

// fhirIDs are the ids of a search's matches.
func fhirIDs(e *apiEnv, query string) []string {
	r := e.Do("GET", "/fhir/"+query, e.Admin, nil).Want(e.t, 200)
	var ids []string
	for i := 0; i < r.Len("entry"); i++ {
		ids = append(ids, r.Str("entry", i, "resource", "id"))
	}
	return ids
}
