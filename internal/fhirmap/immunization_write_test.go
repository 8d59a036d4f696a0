package fhirmap

import "testing"

func TestImmunizationFromFHIR(t *testing.T) {
	const flu = `"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"Patient/p1"}`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"full", `{"resourceType":"Immunization","status":"completed",` + flu + `,"occurrenceDateTime":"2020-04-19T06:41:36-04:00","recorded":"2020-04-20","primarySource":true,"lotNumber":"FLU123","expirationDate":"2021-06-30","manufacturer":{"display":"Sanofi"},"site":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActSite","code":"LD"}]},"route":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration","code":"IM"}]},"doseQuantity":{"value":0.5,"unit":"mL","system":"http://unitsofmeasure.org","code":"mL"},"note":[{"text":"no reaction"}]}`,
			map[string]any{"patient_id": "7", "cvx_code": "140", "completion_status": "Completed", "added_erroneously": "0",
				"administered_date": "2020-04-19 10:41:36", "create_date": "2020-04-20", "information_source": "new_immunization_record",
				"administered_by": "", "lot_number": "FLU123", "expiration_date": "2021-06-30", "manufacturer": "Sanofi",
				"administration_site": "left_deltoid", "route": "intramuscular", "amount_administered": "0.5",
				"amount_administered_unit": "mL", "note": "no reaction", "encounter_id": "", "administered_by_id": ""}, ""},
		{"historical, partial, text site", `{"resourceType":"Immunization","status":"completed","isSubpotent":true,` + flu + `,"occurrenceDateTime":"2019-10-01","primarySource":false,"site":{"text":"upper arm"}}`,
			map[string]any{"completion_status": "Partially_Administered", "information_source": "hist_inf_src_unspecified",
				"administered_date": "2019-10-01", "administration_site": "upper arm"}, ""},
		{"refused", `{"resourceType":"Immunization","status":"not-done","statusReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"RELIG"}]},` + flu + `,"occurrenceDateTime":"2019-10-01"}`,
			map[string]any{"completion_status": "Not_Administered", "refusal_reason": "religious_exemption"}, ""},
		{"in error", `{"resourceType":"Immunization","status":"entered-in-error",` + flu + `,"occurrenceDateTime":"2019-10-01"}`,
			map[string]any{"added_erroneously": "1"}, ""},
		{"not done, out of stock", `{"resourceType":"Immunization","status":"not-done","statusReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"OSTOCK"}]},` + flu + `}`, nil, "Immunization.statusReason"},
		{"no status", `{"resourceType":"Immunization",` + flu + `}`, nil, "Immunization.status"},
		{"no CVX code", `{"resourceType":"Immunization","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/ndc","code":"49281012165"}]},"patient":{"reference":"Patient/p1"}}`, nil, "Immunization.vaccineCode"},
		{"no patient", `{"resourceType":"Immunization","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]}}`, nil, "Immunization.patient"},
		{"occurrence as text", `{"resourceType":"Immunization","status":"completed",` + flu + `,"occurrenceString":"last fall"}`, nil, "Immunization.occurrence[x]"},
		{"unknown encounter", `{"resourceType":"Immunization","status":"completed",` + flu + `,"encounter":{"reference":"Encounter/e9"}}`, nil, "Immunization.encounter"},
		{"two performers", `{"resourceType":"Immunization","status":"completed",` + flu + `,"performer":[{"actor":{"reference":"Practitioner/a"}},{"actor":{"reference":"Practitioner/b"}}]}`, nil, "Immunization.performer"},
		{"ordering provider", `{"resourceType":"Immunization","status":"completed",` + flu + `,"performer":[{"function":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0443","code":"OP"}]},"actor":{"reference":"Practitioner/a"}}]}`, nil, "Immunization.performer.function"},
		{"unknown route code", `{"resourceType":"Immunization","status":"completed",` + flu + `,"route":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration","code":"TRNSDERMD"}]}}`, nil, "Immunization.route"},
		{"manufacturer without a name", `{"resourceType":"Immunization","status":"completed",` + flu + `,"manufacturer":{"reference":"Organization/o1"}}`, nil, "Immunization.manufacturer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := immunizationFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

func TestImmunizationFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "Immunization", immunizationFromFHIR) {
		if v["cvx_code"] == "" || v["administered_date"] == "" || v["encounter_id"] != "1" || v["information_source"] != "new_immunization_record" {
			t.Errorf("a Synthea immunization lost its code, date, encounter or primary source: %v", v)
		}
	}
}
