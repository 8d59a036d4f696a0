package ccda

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fiveYears is the Input of a patient with five years of history: a visit
// a month (60 encounters, each with 8 vital signs and a diagnosis), a lab
// report of 8 results a quarter, 20 prescriptions, 12 problems, 4
// allergies, 15 immunizations, a PHQ-9 a year, smoking status and goals,
// notes, devices, coverage and a care team.
func fiveYears(t testing.TB) *Input {
	var rs []string
	day := func(m int) time.Time { return time.Date(2019, 1, 10, 9, 0, 0, 0, time.UTC).AddDate(0, m, 0) }
	obs := func(id, cat, code, when, value string) string {
		return fmt.Sprintf(`{"resourceType":"Observation","id":"%s","status":"final","subject":$PATIENT,"performer":[$DR],
			"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"%s"}]}],
			"code":{"coding":[{"system":"http://loinc.org","code":"%s","display":"Test %s"}]},"effectiveDateTime":"%s",%s}`, id, cat, code, code, when, value)
	}
	qty := func(v float64, u string) string {
		return fmt.Sprintf(`"valueQuantity":{"value":%g,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}`, v, u, u)
	}
	for m := 0; m < 60; m++ {
		when := day(m).Format(time.RFC3339)
		enc := fmt.Sprintf("e%d", m)
		rs = append(rs, fmt.Sprintf(`{"resourceType":"Encounter","id":"%s","status":"finished","subject":$PATIENT,
			"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
			"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213","display":"Office visit"}]}],
			"period":{"start":"%s"},"participant":[{"individual":$DR}],"reasonCode":[{"text":"Follow-up"}]}`, enc, when))
		rs = append(rs, fmt.Sprintf(`{"resourceType":"Condition","id":"dx%d","subject":$PATIENT,"encounter":{"reference":"Encounter/%s"},
			"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"38341003","display":"Hypertension"},{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"}]},
			"recordedDate":"%s"}`, m, enc, when))
		rs = append(rs, obs(fmt.Sprintf("bp%d", m), "vital-signs", "85354-9", when, `"component":[
			{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},`+qty(120+float64(m%9), "mm[Hg]")+`},
			{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},`+qty(80, "mm[Hg]")+`}]`))
		for i, v := range []struct {
			code, unit string
			v          float64
		}{{"29463-7", "kg", 70.2}, {"8302-2", "cm", 170}, {"39156-5", "kg/m2", 24.3}, {"8867-4", "/min", 72}, {"9279-1", "/min", 16}, {"8310-5", "Cel", 36.8}, {"59408-5", "%", 98}} {
			rs = append(rs, obs(fmt.Sprintf("v%d-%d", m, i), "vital-signs", v.code, when, qty(v.v, v.unit)))
		}
		if m%3 == 0 {
			var results []string
			for i := 0; i < 8; i++ {
				id := fmt.Sprintf("lab%d-%d", m, i)
				results = append(results, `{"reference":"Observation/`+id+`"}`)
				rs = append(rs, obs(id, "laboratory", fmt.Sprintf("2%03d-%d", i, i), when, qty(4.5+float64(i), "mmol/L")))
			}
			rs = append(rs, fmt.Sprintf(`{"resourceType":"DiagnosticReport","id":"rep%d","status":"final","subject":$PATIENT,
				"code":{"coding":[{"system":"http://loinc.org","code":"51990-0","display":"Basic metabolic panel"}]},"effectiveDateTime":"%s","result":[%s]}`,
				m, when, strings.Join(results, ",")))
		}
		if m%12 == 0 {
			for i := 0; i < 10; i++ {
				rs = append(rs, obs(fmt.Sprintf("phq%d-%d", m, i), "survey", fmt.Sprintf("4425%d-%d", i, i), when, `"valueInteger":1`))
			}
			rs = append(rs, obs(fmt.Sprintf("smk%d", m), "social-history", "72166-2", when,
				`"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"8517006","display":"Former smoker"}]}`))
			rs = append(rs, fmt.Sprintf(`{"resourceType":"Goal","id":"g%d","lifecycleStatus":"active","description":{"text":"Keep BP under 130/80"},
				"subject":$PATIENT,"startDate":"%s","target":[{"dueDate":"%s"}]}`, m, day(m).Format("2006-01-02"), day(m+12).Format("2006-01-02")))
		}
		if m%3 == 1 {
			rs = append(rs, fmt.Sprintf(`{"resourceType":"MedicationRequest","id":"rx%d","status":"active","intent":"order","subject":$PATIENT,
				"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197380","display":"Atenolol 25 MG Oral Tablet"}]},
				"authoredOn":"%s","requester":$DR,"dosageInstruction":[{"text":"1 tablet daily","timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},
				"doseAndRate":[{"doseQuantity":{"value":1}}]}]}`, m, when))
			rs = append(rs, fmt.Sprintf(`{"resourceType":"Immunization","id":"imm%d","status":"completed","patient":$PATIENT,"occurrenceDateTime":"%s",
				"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza"}]},"lotNumber":"L%d"}`, m, when, m))
		}
		if m%5 == 0 {
			rs = append(rs, fmt.Sprintf(`{"resourceType":"Condition","id":"pl%d","subject":$PATIENT,"recordedDate":"%s",
				"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],
				"code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes"}]},"onsetDateTime":"%s"}`, m, when, when))
			rs = append(rs, fmt.Sprintf(`{"resourceType":"DocumentReference","id":"note%d","status":"current","subject":$PATIENT,"date":"%s","author":[$DR],
				"type":{"coding":[{"system":"http://loinc.org","code":"11506-3"}]},"content":[{"attachment":{"contentType":"text/plain","title":"Visit"}}],
				"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category","code":"clinical-note"}]}]}`, m, when))
		}
		if m%15 == 0 {
			rs = append(rs, fmt.Sprintf(`{"resourceType":"AllergyIntolerance","id":"al%d","patient":$PATIENT,"recordedDate":"%s",
				"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7980","display":"Penicillin"}]},
				"reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"247472004","display":"Hives"}]}],"severity":"mild"}]}`, m, when))
		}
	}
	rs = append(rs, `{"resourceType":"CareTeam","id":"ct","status":"active","subject":$PATIENT,"participant":[{"member":$DR,"period":{"start":"2019-01-01"}}]}`,
		`{"resourceType":"Coverage","id":"cov","status":"active","beneficiary":$PATIENT,"subscriberId":"X1","payor":[{"display":"Evergreen"}]}`,
		`{"resourceType":"Device","id":"dev","status":"active","patient":$PATIENT,"type":{"text":"Cane"}}`)
	return fixture(t, rs...)
}

// BenchmarkCCD builds the CCD of five years of history (about 1,000
// resources, a document of about 1.5 MB); the goal is 20 ms or less.
func BenchmarkCCD(b *testing.B) {
	in := fiveYears(b)
	doc, err := CCD(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CCD(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(in.Resources)), "resources")
	b.ReportMetric(float64(len(doc)), "bytes/doc")
}

// TestFiveYears checks the benchmark's document: every section but
// referral has entries, and the narrative references resolve.
func TestFiveYears(t *testing.T) {
	doc := build(t, fiveYears(t))
	for _, code := range []string{"48765-2", "10160-0", "11450-4", "30954-2", "8716-3", "29762-2", "11369-6", "46240-8", "61146-7", "85847-2", "10190-7", "46264-8", "48768-6", "34109-9"} {
		if n := len(sectionOf(t, doc, code).all("entry")); n == 0 {
			t.Errorf("section %s has no entries", code)
		}
	}
	want(t, "vital sign organizers", itoa(len(sectionOf(t, doc, "8716-3").all("entry"))), "60")
}
