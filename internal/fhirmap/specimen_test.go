package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestSpecimenToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("collector", "6", "nurse-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"serum", emr.Record{"uuid": "s1", "pid": "1", "status": "available", "specimen_identifier": "CRL210817-000011-02",
			"accession_identifier": "CRL210817-000011", "specimen_type_code": "119364003", "specimen_type": "Serum specimen",
			"collection_method_code": "28520004", "collection_method": "Venipuncture for blood test",
			"specimen_location": "Left antecubital vein", "collected_date": "2021-08-17 15:25:00", "volume_value": "5", "volume_unit": "mL",
			"request": "o1-2", "collector_id": "6", "last_updated": "2021-08-17 15:25:00"},
			[]string{`"identifier":[{"value":"CRL210817-000011-02"}]`,
				`"accessionIdentifier":{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"`,
				`"value":"CRL210817-000011"}`, `"status":"available"`,
				`"type":{"coding":[{"system":"http://snomed.info/sct","code":"119364003","display":"Serum specimen"}],"text":"Serum specimen"}`,
				`"subject":{"reference":"Patient/pat-uuid"}`, `"request":[{"reference":"ServiceRequest/o1-2"}]`,
				`"collector":{"reference":"Practitioner/nurse-uuid"}`, `"collectedDateTime":"2021-08-17T15:25:00Z"`,
				`"quantity":{"value":5,"unit":"mL","system":"http://unitsofmeasure.org","code":"mL"}`,
				`"method":{"coding":[{"system":"http://snomed.info/sct","code":"28520004"`,
				`"bodySite":{"text":"Left antecubital vein"}`, "us-core-specimen|6.1.0"},
			[]string{"condition", "note"}},
		{"hemolyzed, collected over a period", emr.Record{"uuid": "s2", "pid": "1", "status": "entered-in-error", "specimen_type": "Urine",
			"collection_date_low": "2024-01-01 08:00:00", "collection_date_high": "2024-01-02 08:00:00", "condition_code": "HEM",
			"specimen_condition": "Hemolyzed", "comments": "Recollect", "volume_value": "two"},
			[]string{`"type":{"text":"Urine"}`, `"collectedPeriod":{"start":"2024-01-01T08:00:00Z","end":"2024-01-02T08:00:00Z"}`,
				`"condition":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0493","code":"HEM","display":"Hemolyzed"}]`,
				`"note":[{"text":"Recollect"}]`, `"status":"entered-in-error"`},
			[]string{"quantity", "accessionIdentifier", "request"}},
		{"nothing known", emr.Record{"uuid": "s3", "pid": "2", "status": "available"},
			[]string{`"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`},
			[]string{"collection", "identifier"}},
	} {
		checkFragments(t, tc.name, specimenToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
