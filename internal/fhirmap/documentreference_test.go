package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestDocumentReferenceToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("author", "5", "prac-uuid")
	c.SetRef("encounter", "40", "enc-uuid")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"clinical note by a practitioner", emr.Record{"uuid": "doc1", "foreign_id": "1", "date": "2024-03-04 10:11:12",
			"docdate": "2024-03-01", "mimetype": "text/plain", "name": "summary.txt", "size": "398", "owner": "5",
			"encounter_id": "40", "category_name": "Medical Record", "category_codes": "", "clinical_note": "1",
			"custodian_uuid": "org-uuid"},
			[]string{`"identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:uuid:doc1"}]`, `"status":"current"`,
				`"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"UNK","display":"unknown"}]`,
				`"code":"clinical-note"`, `{"text":"Medical Record"}`, `"subject":{"reference":"Patient/pat-uuid"}`,
				`"date":"2024-03-04T10:11:12Z"`, `"author":[{"reference":"Practitioner/prac-uuid"}]`,
				`"custodian":{"reference":"Organization/org-uuid"}`,
				`"url":"https://h/apis/default/fhir/Binary/doc1"`, `"contentType":"text/plain"`, `"size":398`,
				`"title":"summary.txt"`, `"code":"urn:ihe:iti:xds:2017:mimeTypeSufficient"`,
				`"context":{"encounter":[{"reference":"Encounter/enc-uuid"}],"period":{"start":"2024-03-01"}}`,
				`"lastUpdated":"2024-03-04T10:11:12Z"`, "us-core-documentreference|6.1.0"}, nil},
		{"typed document uploaded by staff", emr.Record{"uuid": "doc2", "foreign_id": "1", "date": "2024-03-04 10:11:12",
			"mimetype": "application/pdf", "owner": "2", "encounter_id": "0", "category_name": "Advance Directive",
			"category_codes": "LOINC:42348-3", "clinical_note": "0", "custodian_uuid": "org-uuid", "size": "0"},
			[]string{`"type":{"coding":[{"system":"http://loinc.org","code":"42348-3"}],"text":"Advance Directive"}`,
				`"category":[{"text":"Advance Directive"}]`, `"author":[{"reference":"Organization/org-uuid"}]`},
			[]string{"clinical-note", "context", "NullFlavor", `"size"`}},
		{"uncategorized", emr.Record{"uuid": "doc3", "foreign_id": "1", "clinical_note": "0"},
			[]string{`"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason"`},
			[]string{"author", "custodian", `"date"`}},
	} {
		checkFragments(t, tc.name, documentReferenceToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestDocumentReferenceTokens(t *testing.T) {
	for _, tc := range []struct {
		system, code string
		has          bool
		field        string
	}{
		{systemNullFlav, "UNK", true, "typed"}, {"", "UNK", false, "typed"}, {systemLOINC, "11506-3", true, "category_codes"},
		{"", "11506-3", false, "category_codes"}, {"urn:x", "11506-3", true, ""},
	} {
		got := documentType(tc.system, tc.code, tc.has)
		if tc.field == "" && got != nil || tc.field != "" && (len(got) != 1 || got[0].Field != tc.field) {
			t.Errorf("type %s|%s: %v", tc.system, tc.code, got)
		}
	}
	if got := documentCategory(systemDocRefCategory, "clinical-note", true); len(got) != 1 {
		t.Errorf("category clinical-note: %v", got)
	}
	if documentCategory("", "other", false) != nil || documentCategory("urn:x", "clinical-note", true) != nil {
		t.Error("category matched a foreign code")
	}
}
