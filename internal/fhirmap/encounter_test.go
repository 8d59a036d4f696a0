package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestEncounterToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("provider", "7", "doc-uuid")
	c.SetRef("referrer", "8", "ref-uuid")
	c.SetRef("facility", "3", "fac-uuid")
	base := func(extra emr.Record) emr.Record {
		r := emr.Record{"uuid": "e1", "pid": "1", "date": "2025-03-04 09:30:00", "last_update": "2025-03-04 10:00:00",
			"pc_constant_id": "established_patient", "pc_catname": "Established Patient"}
		for k, v := range extra {
			r[k] = v
		}
		return r
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"full", base(emr.Record{"class_code": "VR", "provider_id": "7", "referring_provider_id": "8", "facility_id": "3",
			"reason": "Follow-up: hypertension", "date_end": "2025-03-04 10:15:00", "discharge_disposition": "home", "discharge_disposition_text": "Home"}),
			[]string{`"status":"finished"`, `"code":"VR","display":"virtual"`, `"reference":"Patient/pat-uuid"`,
				`"value":"urn:uuid:e1"`, `"code":"308335008"`, `"text":"Established Patient"`,
				`"start":"2025-03-04T09:30:00Z","end":"2025-03-04T10:15:00Z"`,
				`"code":"PPRF"`, `"individual":{"reference":"Practitioner/doc-uuid"}`, `"code":"REF"`, `"reference":"Practitioner/ref-uuid"`,
				`"reasonCode":[{"text":"Follow-up: hypertension"}]`, `"dischargeDisposition":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/discharge-disposition","code":"home"`,
				`"location":[{"location":{"reference":"Location/fac-uuid"}}]`, `"serviceProvider":{"reference":"Organization/fac-uuid"}`,
				`"lastUpdated":"2025-03-04T10:00:00Z"`},
			nil},
		{"defaults: no class, unknown provider, end before start", base(emr.Record{"provider_id": "99", "date_end": "2025-03-03 00:00:00"}),
			[]string{`"code":"AMB","display":"ambulatory"`},
			[]string{"participant", "hospitalization", "serviceProvider", `"end"`, "reasonCode"}},
		{"preventive category", base(emr.Record{"pc_constant_id": "preventive_care_services", "pc_catname": "Preventive Care Services"}),
			[]string{`"code":"185349003"`, `"text":"Preventive Care Services"`}, nil},
		{"stored CPT type", base(emr.Record{"encounter_type_code": "CPT4:99213", "encounter_type_description": "Office visit, est."}),
			[]string{`"system":"http://www.ama-assn.org/go/cpt","code":"99213","display":"Office visit, est."`}, []string{"308335008"}},
		{"stored bare SNOMED type", base(emr.Record{"encounter_type_code": "185347001"}),
			[]string{`"system":"http://snomed.info/sct","code":"185347001"`}, nil},
		{"stored type of no known system", base(emr.Record{"encounter_type_code": "LOCAL:x"}),
			[]string{`"type":[{"text":"LOCAL:x"}]`}, []string{"coding"}},
		{"unknown class, no patient", emr.Record{"uuid": "e2", "pid": "5", "class_code": "XYZ"},
			[]string{`"code":"UNK"`, `"subject":{"extension"`}, nil},
	} {
		checkFragments(t, tc.name, encounterToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestEncounterTokens(t *testing.T) {
	fields := func(cs []emr.Cond) map[string]int {
		out := map[string]int{}
		var walk func([]emr.Cond)
		walk = func(cs []emr.Cond) {
			for _, c := range cs {
				if c.Field != "" {
					out[c.Field]++
				}
				walk(c.Any)
				walk(c.All)
			}
		}
		walk(cs)
		return out
	}
	for _, tc := range []struct {
		system, code string
		has          bool
		want         map[string]int // conditions per field
	}{
		{systemAMACPT, "99213", true, map[string]int{"encounter_type_code": 3}},
		{systemSNOMED, "185349003", true, map[string]int{"encounter_type_code": 5, "pc_constant_id": 1}},
		{"", "185349003", false, map[string]int{"encounter_type_code": 7, "pc_constant_id": 1}},
		// anyEncounter: every category but the preventive one.
		{systemSNOMED, "308335008", true, map[string]int{"encounter_type_code": 5, "pc_constant_id": 1}},
		{systemSNOMED, "185347001", true, map[string]int{"encounter_type_code": 4}},
		{"urn:x", "1", true, map[string]int{}},
	} {
		got := fields(encounterTypeSearch(tc.system, tc.code, tc.has))
		if len(got) != len(tc.want) {
			t.Errorf("type %s|%s: %v, want %v", tc.system, tc.code, got, tc.want)
		}
		for f, n := range tc.want {
			if got[f] != n {
				t.Errorf("type %s|%s: %v, want %v", tc.system, tc.code, got, tc.want)
			}
		}
	}
	if got := encounterClassSearch("", "AMB", false); len(got) != 2 {
		t.Errorf("class AMB (the default) should match a missing class: %v", got)
	}
	if got := encounterClassSearch(systemActEncounter, "VR", true); len(got) != 1 {
		t.Errorf("class VR: %v", got)
	}
	if got := encounterClassSearch("", "BOGUS", false); got != nil {
		t.Errorf("class BOGUS: %v", got)
	}
	if got := encounterStatusSearch("", "planned", false); len(got) != 1 || got[0].Value != "planned" {
		t.Errorf("status planned (stored by a FHIR write): %v", got)
	}
	if got := encounterStatusSearch(systemEncStatus, "finished", true); len(got) != 2 {
		t.Errorf("status finished should match a missing status: %v", got)
	}
	if got := encounterStatusSearch("urn:x", "finished", true); got != nil {
		t.Errorf("status of another system: %v", got)
	}
	if got := encounterIdentifierSearch(identifierSystemURI, "urn:uuid:abc", true); len(got) != 1 || got[0].Value != "abc" {
		t.Errorf("identifier: %v", got)
	}
	if got := encounterDischargeSearch("urn:x", "home", true); got != nil {
		t.Errorf("discharge-disposition of another system: %v", got)
	}
}
