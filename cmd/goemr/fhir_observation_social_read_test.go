package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
)

// TestFHIRObservationSocialRead reads each kind of social history and
// screening Observation of demo patients as its US Core profile.
func TestFHIRObservationSocialRead(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me, s := demoPatient(1), socialOf(t, e, 1)
		subject := `"subject":{"reference":"Patient/` + me + `"}`

		// Smoking status: the smoking_status option the tobacco entry names.
		h := s.smoking[len(s.smoking)-1]
		option := h.Str("tobacco")[strings.LastIndex(h.Str("tobacco"), "|")+1:]
		snomed := map[string]string{"1": "449868002", "2": "428041000124106", "3": "8517006", "4": "266919005",
			"5": "77176002", "9": "266927001", "15": "428071000124103", "16": "428061000124105"}[option]
		obsRead(t, e, h.Str("uuid"), "us-core-smokingstatus|6.1.0", `"code":"social-history"`, `"code":"72166-2"`, subject,
			`"status":"final"`, `"system":"http://snomed.info/sct","code":"`+snomed+`"`,
			`"effectiveDateTime":"`+strings.Replace(h.Str("date"), " ", "T", 1)+`Z"`)

		// A PHQ-9 panel lists its items and comes from the questionnaire
		// response; its items hold the answers, its total the score.
		panel := s.form(t, "44249-1")
		resp := obsStoreList(t, e, responseRows, emr.Eq("id", panel.Str("questionnaire_response_id")))
		if len(resp) != 1 {
			t.Fatalf("panel %s names no questionnaire response", panel.Str("uuid"))
		}
		r := obsRead(t, e, panel.Str("uuid"), "us-core-observation-screening-assessment|6.1.0", `"code":"survey"`, subject,
			`"derivedFrom":[{"reference":"QuestionnaireResponse/`+resp[0].Str("uuid")+`"}]`, `"performer":[{"reference":"Practitioner/`)
		items := s.items(panel)
		if r.Len("hasMember") != len(items) || len(items) != 10 {
			t.Errorf("panel members %s, items %v", r.Body, items)
		}
		for i, id := range items {
			if r.Str("hasMember", i, "reference") != "Observation/"+id {
				t.Errorf("member %d: %s, want %s", i, r.Str("hasMember", i, "reference"), id)
			}
		}
		e.Do("GET", "/fhir/QuestionnaireResponse/"+resp[0].Str("uuid"), e.Admin, nil).Want(t, 200)
		item := s.form(t, "44250-9")
		obsRead(t, e, item.Str("uuid"), `"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"`+strings.TrimPrefix(item.Str("ob_value"), "LOINC:")+`"`,
			"us-core-observation-screening-assessment")
		total := s.form(t, "44261-6")
		obsRead(t, e, total.Str("uuid"), `"valueQuantity":{"value":`+total.Str("ob_value")+`,"unit":"{score}"`)

		// Hunger Vital Sign: a survey with US Core's sdoh category.
		obsRead(t, e, s.form(t, "88124-3").Str("uuid"), `"code":"survey"`,
			`"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"sdoh"`, `"valueCodeableConcept"`)
		obsRead(t, e, s.form(t, "76690-7").Str("uuid"), "us-core-observation-sexual-orientation|6.1.0", `"valueCodeableConcept"`)
		obsRead(t, e, s.form(t, "89555-7").Str("uuid"), "us-core-simple-observation|6.1.0", `"code":"activity"`, `"code":"d/wk"`)

		// Occupation: the job's period, ODH occupation and industry.
		job := s.occupations[0]
		obsRead(t, e, job.Str("uuid"), "us-core-observation-occupation|6.1.0", `"code":"11341-5"`, subject,
			`"effectivePeriod":{"start":"`+job.Str("start_date")+`","end":"`+job.Str("end_date")+`"}`,
			`"system":"http://terminology.hl7.org/CodeSystem/PHOccupationalDataForHealthODH","code":"`+job.Str("occupation")+`"`,
			`"code":"86188-0"`, `"code":"`+job.Str("industry")+`"`)

		// Pregnancy status and intent of a woman of 15 to 50.
		maria := socialOf(t, e, 11)
		obsRead(t, e, maria.form(t, "82810-3").Str("uuid"), "us-core-observation-pregnancystatus|6.1.0", `"effectiveDateTime"`)
		obsRead(t, e, maria.form(t, "86645-9").Str("uuid"), "us-core-observation-pregnancyintent|6.1.0", `"system":"http://snomed.info/sct"`)
		if r := e.Do("GET", "/fhir/Observation/00000000-0000-0000-0000-00000000dead", e.Admin, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown id: %d %s", r.Status, r.Body)
		}
	})
}

// TestFHIRObservationSocialAccess: a patient token sees its own social
// history and no one else's, and a token granted one category (SMART
// granular scopes) sees that category only.
func TestFHIRObservationSocialAccess(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me, s, p := demoPatient(1), socialOf(t, e, 1), observationsOf(t, e, 1)
		category := func(system, code string) string {
			return e.Token("patient", "openid patient/Observation.rs?category="+url.QueryEscape(system+"|"+code))
		}
		social := category("http://terminology.hl7.org/CodeSystem/observation-category", "social-history")
		obsSameIDs(t, "social-history scope", obsSearchAll(t, e, social, "Observation?patient="+me+"&_count=100"), s.byCategory["social-history"])
		obsSameIDs(t, "social-history scope, no patient", obsSearchAll(t, e, social, "Observation?code=72166-2"), s.byCode["72166-2"])
		for _, id := range []string{s.form(t, "44249-1").Str("uuid"), obsIDs(p.vitals)[0]} {
			if r := e.Do("GET", "/fhir/Observation/"+id, social, nil); r.Status != 404 {
				t.Errorf("social-history scope reads %s: %d", id, r.Status)
			}
		}
		e.Do("GET", "/fhir/Observation/"+s.smoking[0].Str("uuid"), social, nil).Want(t, 200)
		sdoh := category("http://hl7.org/fhir/us/core/CodeSystem/us-core-category", "sdoh")
		obsSameIDs(t, "sdoh scope", obsSearchAll(t, e, sdoh, "Observation?patient="+me), s.byCategory["us-core|sdoh"])
		exam := category("http://terminology.hl7.org/CodeSystem/observation-category", "exam")
		obsSameIDs(t, "exam scope", obsSearchAll(t, e, exam, "Observation?patient="+me), s.byCategory["exam"])

		// Phil's token: his own, nobody else's.
		phil := e.Token("patient", "openid patient/Observation.rs")
		obsSameIDs(t, "own social history", obsSearchAll(t, e, phil, "Observation?category=social-history,survey,activity"),
			obsIDs(s.byCategory, "social-history", "survey", "activity"))
		other := socialOf(t, e, 2)
		if len(other.smoking) == 0 || len(other.forms) == 0 {
			t.Fatalf("demo patient 2 has no social history: %v", other.byCode)
		}
		for _, id := range []string{other.smoking[0].Str("uuid"), other.forms[0].Str("uuid")} {
			if r := e.Do("GET", "/fhir/Observation/"+id, phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("another patient's %s: %d %s", id, r.Status, r.Body)
			}
		}
		for _, q := range []string{"category=social-history", "code=72166-2", "category=sdoh"} {
			if ids := obsSearchAll(t, e, phil, "Observation?patient="+demoPatient(2)+"&"+q); len(ids) != 0 {
				t.Errorf("patient 2 %s with Phil's token: %v", q, ids)
			}
		}
	})
}
