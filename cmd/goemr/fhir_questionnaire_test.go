package main

import (
	"context"
	"net/url"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// questionnaireRepo is the FHIR id of the demo's PHQ-9.
func questionnaireRepo(t *testing.T, e *apiEnv) string {
	t.Helper()
	recs, err := e.Store.List(context.Background(), resource.FHIRQuestionnaire, emr.Query{Where: []emr.Cond{emr.Eq("code", "44249-1")}})
	if err != nil || len(recs) != 1 {
		t.Fatalf("the demo PHQ-9: %v %v", recs, err)
	}
	return recs[0].Str("uuid")
}

// TestFHIRQuestionnaire: the questionnaire repository as FHIR
// Questionnaire, searched by title and by OpenEMR's questionnaire-code,
// readable with a patient's token too (it is in no compartment).
func TestFHIRQuestionnaire(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		id := questionnaireRepo(t, e)
		r := e.Do("GET", "/fhir/Questionnaire/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("url") != e.URL+"/apis/default/fhir/Questionnaire/"+id || r.Str("title") != "PHQ-9" || r.Str("status") != "active" ||
			r.Str("code", 0, "code") != "44249-1" || r.Len("item") != 10 || r.Str("item", 0, "answerOption", 3, "valueCoding", "code") != "LA6571-9" ||
			r.Str("item", 9, "linkId") != "/44261-6" || r.Str("meta", "lastUpdated") == "" {
			t.Errorf("read: %.800s", r.Body)
		}
		for query, want := range map[string][]string{
			"_id=" + id: {id}, "title=PHQ": {id}, "title=phq-9": {id}, "title=GAD": nil,
			"questionnaire-code=44249-1": {id}, "questionnaire-code=" + q("http://loinc.org|44249-1"): {id},
			"questionnaire-code=" + q("http://snomed.info/sct|44249-1"): nil, "questionnaire-code=44261-6": nil,
		} {
			clinicalWant(t, e, e.Admin, "Questionnaire?"+query, want)
		}
		// A questionnaire taken out of use is retired.
		old := recStr(storeInsert(t, e, resource.QuestionnaireRepository, map[string]any{
			"name": "Retired screen", "active": "0", "status": "active", "created_date": "2020-01-02 03:04:05",
		}), "uuid")
		r = e.Do("GET", "/fhir/Questionnaire/"+old, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("status") != "retired" || r.Str("title") != "Retired screen" || r.Str("meta", "lastUpdated") != "2020-01-02T03:04:05Z" {
			t.Errorf("retired: %s", r.Body)
		}
		phil := e.Token("patient", "openid patient/Questionnaire.rs")
		e.Do("GET", "/fhir/Questionnaire/"+id, phil, nil).Want(t, 200)
		clinicalWant(t, e, phil, "Questionnaire?questionnaire-code=44249-1", []string{id})
		r = e.Do("GET", "/fhir/Questionnaire/00000000-0000-0000-0000-000000000000", e.Admin, nil)
		if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown id: %d %s", r.Status, r.Body)
		}
	})
}
