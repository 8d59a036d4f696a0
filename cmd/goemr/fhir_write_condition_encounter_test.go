package main

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// newDiagnosis is an encounter diagnosis of PATIENT at ENCOUNTER.
const newDiagnosis = `{"resourceType":"Condition",` + conditionActive + `,
 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J02.9"}],"text":"Acute pharyngitis"},
 "subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"onsetDateTime":"2024-03-02"}`

// TestFHIRConditionEncounterWrite: an encounter diagnosis is created as a
// problem and its issue_encounter link, and updated through both.
func TestFHIRConditionEncounterWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		encounters := func(pid int) []string {
			recs, err := e.Store.List(context.Background(), resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", pid)}})
			if err != nil || len(recs) < 2 {
				t.Fatalf("patient %d's encounters: %v %v", pid, recs, err)
			}
			return []string{recs[0].Str("uuid"), recs[1].Str("uuid")}
		}
		mine, theirs := encounters(2), encounters(1)
		body := func(enc string) string {
			return strings.ReplaceAll(forPatient(newDiagnosis, demoPatient(2)), "ENCOUNTER", enc)
		}
		post := func(token, b string) *Resp { return e.DoHeader("POST", "/fhir/Condition", token, b, fhirJSONHeader...) }
		r := post(e.Admin, body(mine[0])).Want(t, 201)
		emrtest.ValidateFHIR(t, r.Body)
		id := r.Str("id")
		checkPaths(t, r, map[string]string{
			"category.0.coding.0.code": "encounter-diagnosis", "encounter.reference": "Encounter/" + mine[0],
			"code.coding.0.code": "J02.9", "clinicalStatus.coding.0.code": "active", "meta.versionId": "1",
			"meta.profile.0": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis",
		})
		clinicalWant(t, e, e.Admin, "Condition?encounter="+mine[0]+"&code=J02.9", []string{id})
		// Its problem is on the problem list, and the Standard API's.
		problems, _ := fhirSearch(t, e, e.Admin, "Condition?patient="+demoPatient(2)+"&category=problem-list-item&code=J02.9")
		std := clinicalStd(t, e, "/api/patient/"+demoPatient(2)+"/medical_problem")
		if len(problems) != 1 || !strings.Contains(strings.Join(std, ","), problems[0]) {
			t.Errorf("the diagnosis's problem: %v, Standard API %v", problems, std)
		}

		// An update moves it to another encounter and resolves it.
		updated := strings.Replace(body(mine[1]), `{"resourceType":"Condition",`, `{"resourceType":"Condition","id":"`+id+`",`, 1)
		updated = strings.Replace(updated, `"code":"active"}]}`, `"code":"resolved"}]},"abatementDateTime":"2024-03-20"`, 1)
		put := func(b string, h ...string) *Resp {
			return e.DoHeader("PUT", "/fhir/Condition/"+id, e.Admin, b, append(append([]string(nil), fhirJSONHeader...), h...)...)
		}
		r = put(updated, "If-Match", `W/"1"`).Want(t, 200)
		checkPaths(t, r, map[string]string{"meta.versionId": "2", "encounter.reference": "Encounter/" + mine[1],
			"clinicalStatus.coding.0.code": "resolved", "abatementDateTime": "2024-03-20"})
		clinicalWant(t, e, e.Admin, "Condition?encounter="+mine[0]+"&code=J02.9", nil)
		if r := put(updated, "If-Match", `W/"1"`); r.Status != 412 {
			t.Errorf("stale If-Match: %d %s", r.Status, r.Body)
		}

		// Refused: no encounter, another patient's, both categories, and
		// changing what a Condition is.
		count := func() any {
			return e.Do("GET", "/fhir/Condition?_summary=count&patient="+demoPatient(2), e.Admin, nil).Get("total")
		}
		before := count()
		problem := strings.Replace(updated, `"code":"encounter-diagnosis"`, `"code":"problem-list-item"`, 1)
		for name, r := range map[string]*Resp{
			"no encounter":        post(e.Admin, strings.Replace(body(mine[0]), `"encounter":{"reference":"Encounter/`+mine[0]+`"},`, "", 1)),
			"another's encounter": post(e.Admin, body(theirs[0])),
			"also a problem":      post(e.Admin, strings.Replace(body(mine[0]), `"code":"encounter-diagnosis"}`, `"code":"encounter-diagnosis"},{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}`, 1)),
			"now a problem":       put(problem),
			"problem to diagnosis": e.DoHeader("PUT", "/fhir/Condition/"+problems[0], e.Admin,
				strings.Replace(body(mine[0]), `{"resourceType":"Condition",`, `{"resourceType":"Condition","id":"`+problems[0]+`",`, 1), fhirJSONHeader...),
		} {
			if r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("%s: %d %s, want 400", name, r.Status, r.Body)
			}
		}
		if after := count(); after != before {
			t.Errorf("refused writes changed the count from %v to %v", before, after)
		}

		// A patient records a diagnosis at its own encounters only.
		phil := e.Token("patient", "openid patient/Condition.crus")
		own := strings.ReplaceAll(forPatient(newDiagnosis, demoPatient(1)), "ENCOUNTER", theirs[0])
		post(phil, own).Want(t, 201)
		if r := post(phil, strings.ReplaceAll(own, theirs[0], mine[0])); r.Status != 400 {
			t.Errorf("a patient's diagnosis at another's encounter: %d %s", r.Status, r.Body)
		}
		if r := post(phil, body(mine[0])); r.Status != 403 {
			t.Errorf("a patient's diagnosis for another patient: %d %s", r.Status, r.Body)
		}

		// The official example, at an encounter of patient 3.
		example := strings.ReplaceAll(usCoreExample(t, "Condition-encounter-diagnosis-example1.json", demoPatient(3)),
			"Encounter/example-1", "Encounter/"+encounters(3)[0])
		r = post(e.Admin, example).Want(t, 201)
		checkPaths(t, r, map[string]string{"code.coding.0.code": "39065001", "clinicalStatus.coding.0.code": "resolved",
			"encounter.reference": "Encounter/" + encounters(3)[0], "abatementDateTime": "2015-12-01"})
	})
}
