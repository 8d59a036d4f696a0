package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestMedicationRequestToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("requester", "7", "prac-uuid")
	c.SetRef("encounter", "12", "enc-uuid")
	c.SetRef("medication", "3", "drug-uuid")
	rx := emr.Record{"uuid": "rx1", "source": "prescriptions", "pid": "1", "intent": "order", "status": "active",
		"category": "community", "drug": "lisinopril 10 MG Oral Tablet", "rxnorm": "314076", "drug_id": "3",
		"authored_on": "2024-01-02 10:00:00", "updated": "2024-01-03 11:00:00", "requester_id": "7", "encounter": "12",
		"sig": "Take 1 tablet by mouth once daily", "dosage": "1", "form_title": "tablet", "route_title": "Per Oris",
		"route_codes": "SNOMED-CT:26643006", "interval_title": "q.d.", "quantity": "90", "refills": "3",
		"diagnosis": "ICD10:I10", "indication": "Essential hypertension", "reported": "0", "custodian_uuid": "org-uuid"}
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"prescription of a formulary drug", rx, []string{
			`"status":"active"`, `"intent":"order"`, `"reportedBoolean":false`, `"code":"community"`,
			`"medicationReference":{"reference":"Medication/drug-uuid","display":"lisinopril 10 MG Oral Tablet"}`,
			`"subject":{"reference":"Patient/pat-uuid"}`, `"encounter":{"reference":"Encounter/enc-uuid"}`,
			`"requester":{"reference":"Practitioner/prac-uuid"}`, `"authoredOn":"2024-01-02T10:00:00Z"`,
			`"lastUpdated":"2024-01-03T11:00:00Z"`, `"text":"Take 1 tablet by mouth once daily"`,
			`"repeat":{"frequency":1,"period":1,"periodUnit":"d"}`, `"code":"26643006"`,
			`"doseQuantity":{"value":1,"unit":"tablet"}`, `"numberOfRepeatsAllowed":3`, `"quantity":{"value":90,"unit":"tablet"}`,
			`"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"`, "us-core-medicationrequest|6.1.0",
		}, []string{"medicationCodeableConcept", "Organization"}},
		{"list entry reported by the patient", emr.Record{"uuid": "l1", "source": "lists", "pid": "1", "intent": "plan",
			"status": "completed", "category": "community", "drug": "omeprazole 20 MG", "rxnorm": "198053",
			"authored_on": "2020-05-01 08:00:00", "note": "before breakfast", "diagnosis": "ICD10:K21.9", "reported": "1",
			"custodian_uuid": "org-uuid"},
			[]string{`"intent":"plan"`, `"status":"completed"`, `"reportedBoolean":true`,
				`"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"198053"}],"text":"omeprazole 20 MG"}`,
				`"note":[{"text":"before breakfast"}]`},
			[]string{"requester", "dosageInstruction", "dispenseRequest", "medicationReference"}},
		{"order without prescriber or code", emr.Record{"uuid": "rx2", "pid": "9", "intent": "bogus", "status": "",
			"drug": "compounded cream", "rxnorm": "not-a-code", "requester_id": "99", "dosage": "2", "form_title": "",
			"route_title": "", "interval_title": "p.r.n.", "custodian_uuid": "org-uuid", "reported": "0"},
			[]string{`"intent":"plan"`, `"status":"unknown"`, `"medicationCodeableConcept":{"text":"compounded cream"}`,
				`"asNeededBoolean":true`, `"text":"2 p.r.n."`, "data-absent-reason"},
			[]string{"requester", "timing"}},
		{"order falls back to the organization", emr.Record{"uuid": "rx3", "pid": "1", "intent": "order", "status": "stopped",
			"drug": "x", "custodian_uuid": "org-uuid", "interval_title": "b.i.d.", "refills": "none"},
			[]string{`"requester":{"reference":"Organization/org-uuid"}`, `"frequency":2`, `"code":{"text":"b.i.d."}`},
			[]string{"dispenseRequest", "doseAndRate"}},
		{"order with no one to name", emr.Record{"uuid": "rx4", "pid": "1", "intent": "order", "status": "active", "drug": ""},
			[]string{`"requester":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}`,
				`"medicationCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`},
			nil},
	} {
		checkFragments(t, tc.name, medicationRequestToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestMedicationRequestCodes(t *testing.T) {
	for in, want := range map[string]int{"314076": 1, "RXCUI:314076;RXNORM:198053": 2, "ICD10:I10": 0, "abc": 0, "": 0} {
		if got := rxNormCodings(in); len(got) != want {
			t.Errorf("rxNormCodings(%q) = %v", in, got)
		}
	}
	got := prefixedCodings("ICD10:E11.9;SNOMED-CT:44054006;CPT4:99213")
	if len(got) != 2 || *got[0].System != systemICD10CMCode || *got[1].Code != "44054006" {
		t.Errorf("prefixedCodings: %v", got)
	}
	for in, ok := range map[string]bool{"1": true, "0.5": true, "90": true, "1/2": false, "": false, "1e3": false, "01": false} {
		if got := decimalOf(in); (got != nil) != ok {
			t.Errorf("decimalOf(%q) = %v", in, got)
		}
	}
	intent := tokenOfSystem("intent", systemMedReqIntent)
	if len(intent("", "order", false)) != 1 || len(intent(systemMedReqIntent, "order", true)) != 1 ||
		intent("urn:other", "order", true) != nil || intent("", "order", true) != nil {
		t.Error("intent tokens")
	}
}
