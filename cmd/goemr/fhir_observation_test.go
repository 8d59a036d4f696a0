package main

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// vitalColumns are the form_vitals columns each vital Observation is read
// from, by the suffix of its id, as the tests expect them independently
// of the view.
var vitalColumns = []struct {
	short, code string
	columns     []string
}{
	{"bp", "85354-9", []string{"bps", "bpd"}}, {"hr", "8867-4", []string{"pulse"}}, {"rr", "9279-1", []string{"respiration"}},
	{"temp", "8310-5", []string{"temperature"}}, {"height", "8302-2", []string{"height"}}, {"weight", "29463-7", []string{"weight"}},
	{"bmi", "39156-5", []string{"BMI"}}, {"spo2", "59408-5", []string{"oxygen_saturation", "oxygen_flow_rate", "inhaled_oxygen_concentration"}},
	{"head", "9843-4", []string{"head_circ"}}, {"ped-bmi", "59576-9", []string{"ped_bmi"}},
	{"ped-wfl", "77606-2", []string{"ped_weight_height"}}, {"ped-head", "8289-1", []string{"ped_head_circ"}},
}

// patientObservations is what the store holds for a demo patient: its
// pid, the ids its vitals and lab results must have as Observations (by
// LOINC code), and the records they come from.
type patientObservations struct {
	pid           string
	vitals, labs  map[string][]string // code → ids
	vitalRows     []emr.Record
	results       []emr.Record
	reports       []emr.Record
	reportResults map[string][]string // report uuid → result uuids
}

func observationsOf(t *testing.T, e *apiEnv, n int) *patientObservations {
	t.Helper()
	ctx := context.Background()
	v, ok, err := e.Store.Resolve(ctx, resource.PatientByUUID, demoPatient(n), nil)
	if err != nil || !ok {
		t.Fatalf("patient %d: %v", n, err)
	}
	p := &patientObservations{pid: v.(string), vitals: map[string][]string{}, labs: map[string][]string{}, reportResults: map[string][]string{}}
	p.vitalRows = obsStoreList(t, e, resource.Vital, emr.Eq("pid", p.pid))
	for _, row := range p.vitalRows {
		for _, vc := range vitalColumns {
			for _, col := range vc.columns {
				if f, err := strconv.ParseFloat(row.Str(col), 64); err == nil && f != 0 {
					p.vitals[vc.code] = append(p.vitals[vc.code], row.Str("uuid")+"-"+vc.short)
					break
				}
			}
		}
	}
	orders := obsStoreList(t, e, resource.Procedure, emr.Eq("patient_id", p.pid), emr.Eq("procedure_order_type", "laboratory_test"))
	var orderIDs, reportIDs []string
	for _, o := range orders {
		orderIDs = append(orderIDs, o.Str("procedure_order_id"))
	}
	p.reports = obsStoreList(t, e, resource.ProcedureReport, emr.Cond{Field: "procedure_order_id", Match: emr.In, Value: orderIDs})
	byReport := map[string]string{}
	for _, r := range p.reports {
		reportIDs = append(reportIDs, r.Str("procedure_report_id"))
		byReport[r.Str("procedure_report_id")] = r.Str("uuid")
	}
	p.results = obsStoreList(t, e, resource.ProcedureResult, emr.Cond{Field: "procedure_report_id", Match: emr.In, Value: reportIDs})
	for _, r := range p.results {
		p.labs[r.Str("result_code")] = append(p.labs[r.Str("result_code")], r.Str("uuid"))
		rep := byReport[r.Str("procedure_report_id")]
		p.reportResults[rep] = append(p.reportResults[rep], r.Str("uuid"))
	}
	return p
}

func obsStoreList(t *testing.T, e *apiEnv, d *resource.Def, where ...emr.Cond) []emr.Record {
	t.Helper()
	recs, err := e.Store.List(context.Background(), d, emr.Query{Where: where})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// obsIDs is every id of a code map, sorted; with codes, those of the codes.
func obsIDs(m map[string][]string, codes ...string) []string {
	var out []string
	for code, ids := range m {
		if len(codes) == 0 || slices.Contains(codes, code) {
			out = append(out, ids...)
		}
	}
	slices.Sort(out)
	return out
}

// obsSearchAll follows a search's next links to its end and returns every
// match's id, sorted, failing on an id seen twice.
func obsSearchAll(t *testing.T, e *apiEnv, token, query string) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	for page := 0; query != ""; page++ {
		ids, r := fhirSearch(t, e, token, query)
		for _, id := range ids {
			if seen[id] {
				t.Fatalf("%s: %s on two pages", query, id)
			}
			seen[id] = true
		}
		out = append(out, ids...)
		query = ""
		if next := linkOf(r, "next"); next != "" {
			query = next[strings.Index(next, "/fhir/")+len("/fhir/"):]
		}
		if page > 200 {
			t.Fatalf("%s: too many pages", query)
		}
	}
	slices.Sort(out)
	return out
}

func obsSameIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: %d ids, want %d\n got %v\nwant %v", what, len(got), len(want), got, want)
	}
}

// TestFHIRObservationVitals reads a demo patient's vitals as US Core vital
// signs Observations: one per measured vital of each form_vitals row.
func TestFHIRObservationVitals(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me := demoPatient(1)
		p := observationsOf(t, e, 1)
		if len(p.vitals["85354-9"]) == 0 || len(p.vitals["8867-4"]) == 0 {
			t.Fatalf("demo patient 1 has no vitals: %v", p.vitals)
		}
		got := obsSearchAll(t, e, e.Admin, "Observation?patient="+me+"&category=vital-signs&_count=7")
		obsSameIDs(t, "vital-signs", got, obsIDs(p.vitals))

		for _, tc := range []struct {
			code  string
			wants []string
		}{
			{"85354-9", []string{"us-core-blood-pressure|6.1.0", `"code":"8480-6"`, `"code":"8462-4"`, `"code":"mm[Hg]"`, `"code":"vital-signs"`}},
			{"8867-4", []string{"us-core-heart-rate|6.1.0", `"code":"/min"`, `"system":"http://unitsofmeasure.org"`}},
			{"9279-1", []string{"us-core-respiratory-rate", `"code":"/min"`}},
			{"8310-5", []string{"us-core-body-temperature", `"code":"[degF]"`, `"method":{"text":"`}},
			{"8302-2", []string{"us-core-body-height", `"code":"[in_i]"`}},
			{"29463-7", []string{"us-core-body-weight", `"code":"[lb_av]"`}},
			{"39156-5", []string{"us-core-bmi", `"code":"kg/m2"`}},
			{"59408-5", []string{"us-core-pulse-oximetry", `"code":"2708-6"`, `"code":"%"`}},
		} {
			ids := p.vitals[tc.code]
			if len(ids) == 0 {
				t.Errorf("%s: demo patient 1 has none", tc.code)
				continue
			}
			r := e.Do("GET", "/fhir/Observation/"+ids[0], e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			body := string(r.Body)
			for _, w := range append(tc.wants, `"status":"final"`, `"reference":"Patient/`+me+`"`, "us-core-vital-signs", `"effectiveDateTime":"`, `"reference":"Encounter/`) {
				if !strings.Contains(body, w) {
					t.Errorf("%s: no %s in %s", tc.code, w, body)
				}
			}
		}
		// A vital's value is the stored one, in OpenEMR's units.
		row := p.vitalRows[0]
		r := e.Do("GET", "/fhir/Observation/"+row.Str("uuid")+"-weight", e.Admin, nil).Want(t, 200)
		if !obsSameNumber(r.Get("valueQuantity", "value"), row.Str("weight")) {
			t.Errorf("weight %v, stored %s", r.Get("valueQuantity", "value"), row.Str("weight"))
		}
		r = e.Do("GET", "/fhir/Observation/"+row.Str("uuid")+"-bp", e.Admin, nil).Want(t, 200)
		if !obsSameNumber(r.Get("component", 0, "valueQuantity", "value"), row.Str("bps")) || !obsSameNumber(r.Get("component", 1, "valueQuantity", "value"), row.Str("bpd")) {
			t.Errorf("blood pressure %s, stored %s/%s", r.Body, row.Str("bps"), row.Str("bpd"))
		}
		if r := e.Do("GET", "/fhir/Observation/"+row.Str("uuid")+"-nothing", e.Admin, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown vital: %d %s", r.Status, r.Body)
		}
	})
}

// TestFHIRObservationSearch runs the US Core 6.1.0 Observation searches
// (SHALL: patient+category, patient+category+date, patient+code; SHOULD:
// patient+code+date, patient+category+status) on a demo patient with lab
// results, comparing with what the store holds.
func TestFHIRObservationSearch(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		n, p := obsLabPatient(t, e)
		me := demoPatient(n)
		q := url.QueryEscape
		search := func(query string) []string { return obsSearchAll(t, e, e.Admin, query) }

		obsSameIDs(t, "laboratory", search("Observation?patient="+me+"&category=laboratory"), obsIDs(p.labs))
		obsSameIDs(t, "category with system", search("Observation?patient=Patient/"+me+"&category="+q("http://terminology.hl7.org/CodeSystem/observation-category|laboratory")), obsIDs(p.labs))
		obsSameIDs(t, "both categories", search("Observation?patient="+me+"&category=laboratory,vital-signs&_count=50"), obsIDs(obsMerge(p.labs, p.vitals)))
		if ids := search("Observation?patient=" + me + "&category=" + q("urn:other|laboratory")); len(ids) != 0 {
			t.Errorf("another category system: %v", ids)
		}

		// patient+code: a LOINC code with and without its system, lists of
		// codes, and the second code of a pulse oximetry.
		lab := p.results[0].Str("result_code")
		obsSameIDs(t, "lab code", search("Observation?patient="+me+"&code="+q("http://loinc.org|"+lab)), obsIDs(p.labs, lab))
		obsSameIDs(t, "heart rate", search("Observation?patient="+me+"&code="+q("http://loinc.org|8867-4")), obsIDs(p.vitals, "8867-4"))
		obsSameIDs(t, "code list", search("Observation?patient="+me+"&code="+q("http://loinc.org|8867-4,http://loinc.org|85354-9,"+lab)),
			obsIDs(obsMerge(p.vitals, p.labs), "8867-4", "85354-9", lab))
		obsSameIDs(t, "O2 saturation", search("Observation?patient="+me+"&code=2708-6"), obsIDs(p.vitals, "59408-5"))
		if ids := search("Observation?patient=" + me + "&code=" + q("http://snomed.info/sct|8867-4")); len(ids) != 0 {
			t.Errorf("a LOINC code under another system: %v", ids)
		}

		// Dates: the day of a vitals row and of a lab result's collection.
		day := p.vitalRows[0].Str("date")[:10]
		var thatDay []string
		for _, row := range p.vitalRows {
			if strings.HasPrefix(row.Str("date"), day) {
				for _, vc := range vitalColumns {
					if slices.Contains(p.vitals[vc.code], row.Str("uuid")+"-"+vc.short) {
						thatDay = append(thatDay, row.Str("uuid")+"-"+vc.short)
					}
				}
			}
		}
		slices.Sort(thatDay)
		obsSameIDs(t, "category+date", search("Observation?patient="+me+"&category=vital-signs&date="+day), thatDay)
		obsSameIDs(t, "category+date range", search("Observation?patient="+me+"&category=vital-signs&date=ge"+day+"T00:00:00Z&date=lt"+day+"T23:59:59Z"), thatDay)
		var hr []string
		for _, id := range thatDay {
			if strings.HasSuffix(id, "-hr") {
				hr = append(hr, id)
			}
		}
		obsSameIDs(t, "code+date", search("Observation?patient="+me+"&code="+q("http://loinc.org|8867-4")+"&date="+day), hr)
		first := e.Do("GET", "/fhir/Observation/"+p.results[0].Str("uuid"), e.Admin, nil).Want(t, 200)
		collected := first.Str("effectiveDateTime")[:10]
		if got := search("Observation?patient=" + me + "&category=laboratory&date=" + collected); !slices.Contains(got, p.results[0].Str("uuid")) {
			t.Errorf("lab result not found on %s: %v", collected, got)
		}
		if got := search("Observation?patient=" + me + "&category=laboratory&date=lt1900-01-01"); len(got) != 0 {
			t.Errorf("lab results before 1900: %v", got)
		}

		// patient+category+status.
		obsSameIDs(t, "category+status", search("Observation?patient="+me+"&category=laboratory&status=final"), obsIDs(p.labs))
		obsSameIDs(t, "vitals status", search("Observation?patient="+me+"&category=vital-signs&status="+q("http://hl7.org/fhir/observation-status|final")+"&_count=100"), obsIDs(p.vitals))
		if ids := search("Observation?patient=" + me + "&category=laboratory&status=preliminary"); len(ids) != 0 {
			t.Errorf("preliminary results: %v", ids)
		}
		if ids := search("Observation?patient=" + demoPatient(9999) + "&category=laboratory"); len(ids) != 0 {
			t.Errorf("unknown patient: %v", ids)
		}
	})
}

// obsSameNumber reports whether a JSON number is the stored number.
func obsSameNumber(got any, stored string) bool {
	f, err := strconv.ParseFloat(stored, 64)
	g, ok := got.(float64)
	return err == nil && ok && f == g
}

func obsMerge(a, b map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, m := range []map[string][]string{a, b} {
		for k, v := range m {
			out[k] = append(out[k], v...)
		}
	}
	return out
}

// obsLabPatient is the first demo patient with lab results and vitals.
func obsLabPatient(t *testing.T, e *apiEnv) (int, *patientObservations) {
	t.Helper()
	for n := 1; n <= 22; n++ {
		if p := observationsOf(t, e, n); len(p.results) > 0 && len(p.vitals) > 0 {
			return n, p
		}
	}
	t.Fatal("no demo patient has lab results")
	return 0, nil
}

// TestFHIRObservationLab reads lab results as US Core Laboratory Result
// Observations, and checks that a patient token sees only its own.
func TestFHIRObservationLab(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		n, p := obsLabPatient(t, e)
		res := p.results[0]
		r := e.Do("GET", "/fhir/Observation/"+res.Str("uuid"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-observation-lab|6.1.0", `"code":"laboratory"`, `"system":"http://loinc.org","code":"` + res.Str("result_code") + `"`,
			`"reference":"Patient/` + demoPatient(n) + `"`, `"system":"http://unitsofmeasure.org","code":"` + res.Str("units") + `"`,
			`"referenceRange":[{`, `"text":"` + res.Str("range") + `"`, `"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"`,
			`"specimen":{`, `"status":"final"`, `"effectiveDateTime":"`, `"issued":"`, `"reference":"Encounter/`} {
			if !strings.Contains(body, w) {
				t.Errorf("lab result lacks %s: %s", w, body)
			}
		}
		if !obsSameNumber(r.Get("valueQuantity", "value"), res.Str("result")) {
			t.Errorf("value %v, stored %s", r.Get("valueQuantity", "value"), res.Str("result"))
		}

		// Phil's token: his own vitals, nobody else's observations.
		phil := e.Token("patient", "openid patient/Observation.rs")
		me := observationsOf(t, e, 1)
		mine := obsIDs(obsMerge(me.vitals, me.labs))
		obsSameIDs(t, "patient token, own search", obsSearchAll(t, e, phil, "Observation?patient="+demoPatient(1)+"&_count=100"),
			obsIDs(obsMerge(obsMerge(me.vitals, me.labs), socialOf(t, e, 1).byCode)))
		obsSameIDs(t, "patient token, no patient", obsSearchAll(t, e, phil, "Observation?category=vital-signs,laboratory&_count=100"), mine)
		other := observationsOf(t, e, 2)
		for _, id := range []string{obsIDs(other.vitals)[0], obsIDs(other.labs)[0]} {
			if r := e.Do("GET", "/fhir/Observation/"+id, phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("another patient's %s: %d %s", id, r.Status, r.Body)
			}
		}
		for _, q := range []string{"Observation?patient=" + demoPatient(2) + "&category=laboratory", "Observation?patient=" + demoPatient(2) + "&code=8867-4",
			"Observation?_id=" + obsIDs(other.vitals)[0]} {
			if ids := obsSearchAll(t, e, phil, q); len(ids) != 0 {
				t.Errorf("%s with Phil's token: %v", q, ids)
			}
		}
		if r := e.Do("GET", "/fhir/Observation/00000000-0000-0000-0000-000000000000", e.Admin, nil); r.Status != 404 || r.Str("issue", 0, "code") != "not-found" {
			t.Errorf("unknown id: %d %s", r.Status, r.Body)
		}
		// A token limited to laboratory results (SMART granular scopes)
		// sees no vitals.
		labOnly := e.Token("patient", "openid patient/Observation.rs?category="+url.QueryEscape("http://terminology.hl7.org/CodeSystem/observation-category|laboratory"))
		obsSameIDs(t, "laboratory scope", obsSearchAll(t, e, labOnly, "Observation?patient="+demoPatient(1)+"&_count=100"), obsIDs(me.labs))
	})
}
