package main

import (
	"net/url"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRQuestionnaireResponse: the demo PHQ-9 responses as US Core
// QuestionnaireResponse, with the searches of the US Core 6.1.0 matrix
// and OpenEMR's, and a patient token's compartment.
func TestFHIRQuestionnaireResponse(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		repo := questionnaireRepo(t, e)
		canonical := e.URL + "/apis/default/fhir/Questionnaire/" + repo
		other, statuses := 0, map[string]int{}
		for n := 1; n <= len(demo.Patients); n++ {
			recs := careRecs(t, e, resource.FHIRQuestionnaireResponse, n)
			pat := "QuestionnaireResponse?patient=" + demoPatient(n) + "&_count=200"
			clinicalWant(t, e, e.Admin, pat, careIDs(recs, careAll))
			if len(recs) > 0 && n > 1 && other == 0 {
				other = n
			}
			for _, rec := range recs {
				statuses[rec.Str("status")]++
			}
		}
		if other == 0 || statuses["completed"] == 0 {
			t.Fatalf("the demo patients have too few responses: %v", statuses)
		}
		best, recs := careBest(t, e, resource.FHIRQuestionnaireResponse, careAll)
		pat := "QuestionnaireResponse?patient=" + demoPatient(best)
		all := careIDs(recs, careAll)
		clinicalWant(t, e, e.Admin, pat+"&questionnaire="+q(canonical), all)
		clinicalWant(t, e, e.Admin, pat+"&questionnaire=Questionnaire/"+repo, all)
		clinicalWant(t, e, e.Admin, pat+"&questionnaire=Questionnaire/00000000-0000-0000-0000-000000000000", nil)
		for _, status := range []string{"completed", "in-progress", "amended"} {
			want := careIDs(recs, func(r emr.Record) bool { return r.Str("status") == status })
			clinicalWant(t, e, e.Admin, pat+"&status="+status, want)
			clinicalWant(t, e, e.Admin, pat+"&status="+q("http://hl7.org/fhir/questionnaire-answers-status|"+status), want)
		}
		for _, rec := range recs {
			day := rec.Str("create_time")[:10]
			clinicalWant(t, e, e.Admin, pat+"&authored="+day, careIDs(recs, func(r emr.Record) bool { return r.Str("create_time")[:10] == day }))
			clinicalWant(t, e, e.Admin, pat+"&authored=ge"+day, careIDs(recs, func(r emr.Record) bool { return r.Str("create_time")[:10] >= day }))
			clinicalWant(t, e, e.Admin, pat+"&authored=lt"+day, careIDs(recs, func(r emr.Record) bool { return r.Str("create_time")[:10] < day }))
			clinicalWant(t, e, e.Admin, "QuestionnaireResponse?_id="+rec.Str("uuid"), []string{rec.Str("uuid")})
			r := e.Do("GET", "/fhir/QuestionnaireResponse/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			items := 9
			if rec.Str("status") == "completed" {
				items = 10
			}
			if r.Str("questionnaire") != canonical || r.Str("status") != rec.Str("status") ||
				r.Str("subject", "reference") != "Patient/"+demoPatient(best) || r.Str("authored")[:10] != day ||
				r.Str("author", "reference") == "" || r.Str("encounter", "reference") == "" ||
				r.Str("item", 0, "linkId") != "/44250-9" || r.Str("item", 0, "answer", 0, "valueCoding", "system") != "http://loinc.org" ||
				(rec.Str("status") == "completed") != (r.Len("item") == items) {
				t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
			}
		}
		questionnaireResponseCompartment(t, e, other)
	})
}

// questionnaireResponseCompartment: Phil's token sees his responses and
// none of patient other's.
func questionnaireResponseCompartment(t *testing.T, e *apiEnv, other int) {
	t.Helper()
	phil := e.Token("patient", "openid patient/QuestionnaireResponse.rs")
	mine, _ := fhirSearch(t, e, e.Admin, "QuestionnaireResponse?patient="+demoPatient(1)+"&_count=200")
	theirs, _ := fhirSearch(t, e, e.Admin, "QuestionnaireResponse?patient="+demoPatient(other)+"&_count=200")
	if len(mine) == 0 || len(theirs) == 0 {
		t.Fatalf("patients 1 and %d have %d and %d responses", other, len(mine), len(theirs))
	}
	clinicalWant(t, e, phil, "QuestionnaireResponse?_count=200", mine)
	clinicalWant(t, e, phil, "QuestionnaireResponse?patient="+demoPatient(other), nil)
	clinicalWant(t, e, phil, "QuestionnaireResponse?_id="+theirs[0], nil)
	e.Do("GET", "/fhir/QuestionnaireResponse/"+mine[0], phil, nil).Want(t, 200)
	if r := e.Do("GET", "/fhir/QuestionnaireResponse/"+theirs[0], phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("another patient's response: %d %s", r.Status, r.Body)
	}
	r := e.Do("GET", "/fhir/QuestionnaireResponse/00000000-0000-0000-0000-000000000000", e.Admin, nil)
	if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-found" {
		t.Errorf("unknown id: %d %s", r.Status, r.Body)
	}
}
