package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestImmunizationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("practitioner", "5", "doc-uuid")
	c.SetRef("encounter", "77", "enc-uuid")
	given := emr.Record{"uuid": "i1", "patient_id": "1", "administered_date": "2021-10-01 10:00:00", "cvx_code": "140",
		"cvx_code_text": "Influenza, seasonal, injectable, preservative free", "manufacturer": "Seqirus", "lot_number": "FLU1",
		"administered_by_id": "5", "encounter_id": "77", "create_date": "2021-10-01 10:05:00", "update_date": "2021-10-02 00:00:00",
		"amount_administered": "0.5", "amount_administered_unit": "mL", "expiration_date": "2022-06-30", "route": "intramuscular",
		"administration_site": "left_deltoid", "completion_status": "Completed", "added_erroneously": "0", "primarySource": "1"}
	with := func(extra emr.Record) emr.Record {
		rec := emr.Record{}
		for k, v := range given {
			rec[k] = v
		}
		for k, v := range extra {
			rec[k] = v
		}
		return rec
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"given", given, []string{`"status":"completed"`, `"system":"http://hl7.org/fhir/sid/cvx","code":"140"`,
			`"occurrenceDateTime":"2021-10-01T10:00:00Z"`, `"primarySource":true`, `"reference":"Patient/pat-uuid"`,
			`"reference":"Practitioner/doc-uuid"`, `"reference":"Encounter/enc-uuid"`, `"lotNumber":"FLU1"`,
			`"expirationDate":"2022-06-30"`, `"code":"LD"`, `"code":"IM"`, `"value":0.5`, `"code":"mL"`,
			`"manufacturer":{"display":"Seqirus"}`, `"lastUpdated":"2021-10-02T00:00:00Z"`, "us-core-immunization|6.1.0"},
			[]string{"statusReason", "isSubpotent"}},
		{"refused", with(emr.Record{"completion_status": "Refused", "refusal_reason": "religious_exemption", "primarySource": "0"}),
			[]string{`"status":"not-done"`, `"code":"RELIG"`, `"primarySource":false`}, nil},
		{"refusal without a status", with(emr.Record{"completion_status": "", "refusal_reason": "patient_decision"}),
			[]string{`"status":"not-done"`, `"code":"PATOBJ"`}, nil},
		{"partial dose", with(emr.Record{"completion_status": "Partially_Administered"}),
			[]string{`"status":"completed"`, `"isSubpotent":true`}, nil},
		{"in error, no date, no code, odd amount", with(emr.Record{"added_erroneously": "1", "administered_date": "", "cvx_code": "",
			"amount_administered": "half", "administered_by_id": "6", "route": "", "administration_site": ""}),
			[]string{`"status":"entered-in-error"`, `"_occurrenceDateTime":{"extension"`, `"code":"unknown"`},
			[]string{"doseQuantity", "performer", "route", "site"}},
	} {
		checkFragments(t, tc.name, immunizationToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestImmunizationTokens(t *testing.T) {
	for _, code := range []string{"completed", "not-done", "entered-in-error"} {
		if got := immunizationStatusTokens("http://hl7.org/fhir/event-status", code, true); len(got) != 1 {
			t.Errorf("%s: %v", code, got)
		}
		if got := immunizationStatusTokens("urn:x", code, true); got != nil {
			t.Errorf("%s in another system: %v", code, got)
		}
	}
	if got := immunizationVaccineTokens(immunizationCVX, "140", true); len(got) != 1 {
		t.Errorf("vaccine-code: %v", got)
	}
	for _, rec := range []emr.Record{
		{"completion_status": "Completed"}, {"completion_status": ""}, {"completion_status": "Partially Administered"},
	} {
		if got := immunizationStatus(rec); got != "completed" {
			t.Errorf("%v: %s", rec, got)
		}
	}
}
