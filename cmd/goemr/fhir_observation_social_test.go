package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// What the store holds of a patient's social history and screenings, read
// from OpenEMR's tables independently of the view.
var (
	historyRows = &resource.Def{Name: "history_data", Table: "history_data", Order: []string{"id"},
		Fields: []resource.Field{resource.Col("id"), resource.Col("uuid"), resource.Col("pid"), resource.Col("tobacco"), resource.Col("date")}}
	formObservationRows = &resource.Def{Name: "form_observation", Table: "form_observation", Order: []string{"id"},
		Fields: []resource.Field{resource.Col("id"), resource.Col("uuid"), resource.Col("pid"), resource.Col("ob_code"), resource.Col("ob_type"),
			resource.Col("category"), resource.Col("ob_value"), resource.Col("ob_unit"), resource.Col("date"),
			resource.Col("parent_observation_id"), resource.Col("questionnaire_response_id"), resource.Col("activity")}}
	responseRows = &resource.Def{Name: "questionnaire_response", Table: "questionnaire_response",
		Fields: []resource.Field{resource.Col("id"), resource.Col("uuid")}}
)

// socialObservations are the ids a demo patient's social history and
// screening Observations must have, by LOINC code and by category
// (observation-category codes; "us-core|" before a us-core-category one).
type socialObservations struct {
	pid                string
	byCode, byCategory map[string][]string
	smoking, forms     []emr.Record
	occupations        []emr.Record
}

func socialOf(t *testing.T, e *apiEnv, n int) *socialObservations {
	t.Helper()
	s := &socialObservations{pid: observationsOf(t, e, n).pid, byCode: map[string][]string{}, byCategory: map[string][]string{}}
	add := func(id, code string, categories ...string) {
		s.byCode[code] = append(s.byCode[code], id)
		for _, c := range categories {
			s.byCategory[c] = append(s.byCategory[c], id)
		}
	}
	// A tobacco entry is one smoking status, from the row that first holds it.
	seen := map[string]bool{}
	for _, h := range obsStoreList(t, e, historyRows, emr.Eq("pid", s.pid)) {
		if h.Str("tobacco") != "" && !seen[h.Str("tobacco")] {
			seen[h.Str("tobacco")] = true
			s.smoking = append(s.smoking, h)
			add(h.Str("uuid"), "72166-2", "social-history")
		}
	}
	for _, f := range obsStoreList(t, e, formObservationRows, emr.Eq("pid", s.pid), emr.Eq("activity", "1")) {
		s.forms = append(s.forms, f)
		cats := []string{f.Str("ob_type")}
		if f.Str("category") != "" {
			cats = append(cats, "us-core|"+f.Str("category"))
		}
		add(f.Str("uuid"), f.Str("ob_code"), cats...)
	}
	for _, j := range obsStoreList(t, e, resource.Employer, emr.Eq("pid", s.pid)) {
		if j.Str("occupation") != "" || j.Str("industry") != "" {
			s.occupations = append(s.occupations, j)
			add(j.Str("uuid"), "11341-5", "social-history")
		}
	}
	for _, m := range []map[string][]string{s.byCode, s.byCategory} {
		for _, ids := range m {
			slices.Sort(ids)
		}
	}
	return s
}

// all is every id, sorted.
func (s *socialObservations) all() []string { return obsIDs(s.byCode) }

// form is the patient's first Observation form row of code.
func (s *socialObservations) form(t *testing.T, code string) emr.Record {
	t.Helper()
	for _, f := range s.forms {
		if f.Str("ob_code") == code {
			return f
		}
	}
	t.Fatalf("patient %s has no observation %s", s.pid, code)
	return nil
}

// items are the ids of the rows of panel, in order.
func (s *socialObservations) items(panel emr.Record) []string {
	var out []string
	for _, f := range s.forms {
		if f.Str("parent_observation_id") == panel.Str("id") {
			out = append(out, f.Str("uuid"))
		}
	}
	return out
}

// obsRead reads Observation id and checks it is valid and holds every
// fragment of want.
func obsRead(t *testing.T, e *apiEnv, id string, want ...string) *Resp {
	t.Helper()
	r := e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	for _, w := range want {
		if !strings.Contains(string(r.Body), w) {
			t.Errorf("Observation/%s lacks %s: %s", id, w, r.Body)
		}
	}
	return r
}

// TestFHIRObservationSocialSearch runs the US Core Observation searches
// over the social history and screening Observations of demo patients,
// comparing with what OpenEMR's tables hold.
func TestFHIRObservationSocialSearch(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me, s := demoPatient(1), socialOf(t, e, 1)
		q := url.QueryEscape
		search := func(query string) []string { return obsSearchAll(t, e, e.Admin, query) }
		if len(s.smoking) == 0 || len(s.byCode["44249-1"]) == 0 || len(s.byCategory["us-core|sdoh"]) == 0 || len(s.occupations) == 0 {
			t.Fatalf("demo patient 1 lacks social history or screenings: %v", s.byCode)
		}
		for _, tc := range []struct{ query, want string }{
			{"category=social-history", "social-history"},
			{"category=" + q("http://terminology.hl7.org/CodeSystem/observation-category|social-history"), "social-history"},
			{"category=survey", "survey"},
			{"category=activity", "activity"},
			{"category=sdoh", "us-core|sdoh"},
			{"category=" + q("http://hl7.org/fhir/us/core/CodeSystem/us-core-category|sdoh"), "us-core|sdoh"},
			{"category=social-history&status=final", "social-history"},
		} {
			if len(s.byCategory[tc.want]) == 0 {
				t.Errorf("%s: demo patient 1 has none", tc.want)
			}
			obsSameIDs(t, tc.query, search("Observation?patient="+me+"&"+tc.query), s.byCategory[tc.want])
		}
		if ids := search("Observation?patient=" + me + "&category=" + q("http://terminology.hl7.org/CodeSystem/observation-category|sdoh")); len(ids) != 0 {
			t.Errorf("sdoh is no observation-category code: %v", ids)
		}
		for _, code := range []string{"72166-2", "44249-1", "88124-3", "76690-7", "11341-5"} {
			obsSameIDs(t, "code "+code, search("Observation?patient="+me+"&code="+q("http://loinc.org|"+code)), s.byCode[code])
		}
		obsSameIDs(t, "code list", search("Observation?patient="+me+"&code=72166-2,76690-7"), obsIDs(s.byCode, "72166-2", "76690-7"))

		// patient+category+date: the day the smoking status was recorded.
		day := s.smoking[0].Str("date")[:10]
		var thatDay []string
		for _, id := range s.byCategory["social-history"] {
			if slices.ContainsFunc(s.smoking, func(h emr.Record) bool { return h.Str("uuid") == id && strings.HasPrefix(h.Str("date"), day) }) ||
				slices.ContainsFunc(s.forms, func(f emr.Record) bool { return f.Str("uuid") == id && strings.HasPrefix(f.Str("date"), day) }) {
				thatDay = append(thatDay, id)
			}
		}
		obsSameIDs(t, "category+date", search("Observation?patient="+me+"&category=social-history&date="+day), thatDay)
		obsSameIDs(t, "code+date", search("Observation?patient="+me+"&code=72166-2&date=ge"+day), s.byCode["72166-2"])
		if ids := search("Observation?patient=" + me + "&category=social-history&date=lt1900-01-01"); len(ids) != 0 {
			t.Errorf("social history before 1900: %v", ids)
		}
		// Every Observation of the patient: vitals, lab results and these.
		p := observationsOf(t, e, 1)
		obsSameIDs(t, "everything", search("Observation?patient="+me+"&_count=200"), obsIDs(obsMerge(obsMerge(p.vitals, p.labs), s.byCode)))
	})
}
