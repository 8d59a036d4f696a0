package fhirmap

import (
	"testing"
	"time"
)

func TestMedicationRequestFromFHIR(t *testing.T) {
	const base = `"intent":"order","subject":{"reference":"Patient/p1"}`
	const rx = `"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"476872","display":"Nizatidine 15 MG/ML Oral Solution"}]}`
	today := time.Now().UTC().Format("2006-01-02")
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"US Core coded example", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"authoredOn":"2008-04-05","reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"51868009"}],"text":"Active Duodenal Ulcer"}],"dosageInstruction":[{"text":"10 mL bid","timing":{"repeat":{"boundsPeriod":{"start":"2008-04-05"},"frequency":2,"period":1,"periodUnit":"d"}},"doseAndRate":[{"doseQuantity":{"value":10,"unit":"ml","system":"http://unitsofmeasure.org","code":"mL"}}]}],"dispenseRequest":{"numberOfRepeatsAllowed":1,"quantity":{"value":480,"unit":"mL"}}}`,
			map[string]any{"patient_id": "7", "request_intent": "order", "active": "1", "end_date": "", "rxnorm_drugcode": "476872",
				"drug": "Nizatidine 15 MG/ML Oral Solution", "drug_id": "0", "date_added": "2008-04-05", "diagnosis": "SNOMED-CT:51868009",
				"indication": "Active Duodenal Ulcer", "drug_dosage_instructions": "10 mL bid", "start_date": "2008-04-05",
				"interval_title": "b.i.d.", "dosage": "10", "form_title": "ml", "quantity": "480", "refills": "1", "reported": ""}, ""},
		{"contained", `{"resourceType":"MedicationRequest","contained":[{"resourceType":"Medication","id":"med2","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"582620"}],"text":"Axid"}}],"status":"stopped",` + base + `,"medicationReference":{"reference":"#med2"}}`,
			map[string]any{"rxnorm_drugcode": "582620", "drug": "Axid", "active": "0"}, ""},
		{"self-reported plan", `{"resourceType":"MedicationRequest","status":"completed","intent":"plan","reportedBoolean":true,"subject":{"reference":"Patient/p1"},"requester":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Tylenol PM"},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-category","code":"community"}]}],"dosageInstruction":[{"asNeededBoolean":true,"route":{"text":"Per Oris"}}]}`,
			map[string]any{"request_intent": "plan", "reported": "1", "provider_id": "", "rxnorm_drugcode": "", "drug": "Tylenol PM",
				"usage_category": "community", "usage_category_title": "Community", "end_date": today, "interval_title": "p.r.n.", "route_title": "Per Oris"}, ""},
		{"at bedtime", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"dosageInstruction":[{"timing":{"repeat":{"when":["HS"]}}}]}`,
			map[string]any{"interval_title": "h.s."}, ""},
		{"no status", `{"resourceType":"MedicationRequest",` + base + `,` + rx + `}`, nil, "MedicationRequest.status"},
		{"on hold", `{"resourceType":"MedicationRequest","status":"on-hold",` + base + `,` + rx + `}`, nil, "MedicationRequest.status"},
		{"bad intent", `{"resourceType":"MedicationRequest","status":"active","intent":"wish","subject":{"reference":"Patient/p1"},` + rx + `}`, nil, "MedicationRequest.intent"},
		{"no medication", `{"resourceType":"MedicationRequest","status":"active",` + base + `}`, nil, "MedicationRequest.medication[x]"},
		{"missing contained", `{"resourceType":"MedicationRequest","status":"active",` + base + `,"medicationReference":{"reference":"#nope"}}`, nil, "MedicationRequest.medicationReference"},
		{"do not perform", `{"resourceType":"MedicationRequest","status":"active","doNotPerform":true,` + base + `,` + rx + `}`, nil, "MedicationRequest.doNotPerform"},
		{"two dosages", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"dosageInstruction":[{"text":"a"},{"text":"b"}]}`, nil, "MedicationRequest.dosageInstruction"},
		{"odd schedule", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"dosageInstruction":[{"timing":{"repeat":{"frequency":5,"period":1,"periodUnit":"d"}}}]}`, nil, "MedicationRequest.dosageInstruction.timing.repeat"},
		{"quantity not in the dose's form", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}],"dispenseRequest":{"quantity":{"value":30,"unit":"mL"}}}`, nil, "MedicationRequest.dispenseRequest.quantity"},
		{"organization requester", `{"resourceType":"MedicationRequest","status":"active",` + base + `,` + rx + `,"requester":{"reference":"Organization/o1"}}`, nil, "MedicationRequest.requester"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := medicationRequestFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

func TestMedicationRequestFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "MedicationRequest", medicationRequestFromFHIR) {
		if v["rxnorm_drugcode"] == "" || v["drug"] == "" || v["encounter"] != "1" || v["provider_id"] != "1" || v["date_added"] == "" {
			t.Errorf("a Synthea prescription lost its code, name, encounter, prescriber or date: %v", v)
		}
	}
}
