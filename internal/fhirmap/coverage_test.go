package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestCoverageToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"own commercial policy", emr.Record{"uuid": "c1", "pid": "1", "type": "primary", "provider": "5", "plan_name": "Gold PPO",
			"policy_number": "BC123", "group_number": "G1", "subscriber_relationship": "self", "copay": "20",
			"date": "2020-01-01", "date_end": "2024-12-31", "payer_uuid": "org-1", "payer_name": "Blue Crest",
			"payer_type": "11", "payer_type_name": "Preferred Provider Organization (PPO)"},
			[]string{`"identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MB"`,
				`"value":"BC123"`, `"subscriberId":"BC123"`, `"status":"active"`,
				`"type":{"coding":[{"system":"https://nahdo.org/sopt","code":"512"}],"text":"Preferred Provider Organization (PPO)"}`,
				`"subscriber":{"reference":"Patient/pat-uuid"}`, `"beneficiary":{"reference":"Patient/pat-uuid"}`,
				`"code":"self"`, `"period":{"start":"2020-01-01","end":"2024-12-31"}`,
				`"payor":[{"reference":"Organization/org-1","display":"Blue Crest"}]`,
				`"code":"group","display":"Group"}],"text":"Group"},"value":"G1"`,
				`"code":"plan","display":"Plan"}],"text":"Plan"},"value":"Gold PPO","name":"Gold PPO"`,
				`"order":1`, `"valueMoney":{"value":20,"currency":"USD"}`, "us-core-coverage|6.1.0"},
			[]string{"lastUpdated"}},
		{"child on a parent's policy", emr.Record{"uuid": "c2", "pid": "1", "type": "secondary", "policy_number": "M1",
			"subscriber_relationship": "child", "subscriber_fname": "Ann", "subscriber_lname": "Lee",
			"payer_type": "20", "payer_type_name": "Liability"},
			[]string{`"subscriber":{"display":"Ann Lee"}`, `"code":"child"`, `"subscriberId":"M1"`, `"order":2`,
				`"type":{"text":"Liability"}`, `"payor":[{"extension"`},
			[]string{"identifier", "nahdo", "class", "costToBeneficiary"}},
		{"relationship unknown", emr.Record{"uuid": "c3", "pid": "2", "subscriber_relationship": ""},
			[]string{`"relationship":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`,
				`"beneficiary":{"extension"`},
			[]string{`"type"`, "period", "order"}},
	} {
		checkFragments(t, tc.name, coverageToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestCoverageTypeTokens(t *testing.T) {
	if got := coverageType(systemSOPT, "512", true); len(got) != 1 || got[0].Field != "payer_type" {
		t.Errorf("SOPT 512: %v", got)
	}
	if got := coverageType("", "95", false); len(got) != 1 || len(got[0].Value.([]string)) != 1 {
		t.Errorf("SOPT 95: %v", got)
	}
	if coverageType("urn:x", "512", true) != nil || coverageType("", "0000", false) != nil {
		t.Error("foreign system or unknown code matched")
	}
}
