package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// stdEncounters are a patient's encounters as the Standard API lists them.
func stdEncounters(t *testing.T, e *apiEnv, puuid string) []map[string]any {
	t.Helper()
	r := e.Do("GET", "/api/patient/"+puuid+"/encounter", e.Admin, nil).Want(t, 200)
	var out []map[string]any
	for i := 0; i < r.Len("data"); i++ {
		out = append(out, r.Get("data", i).(map[string]any))
	}
	if len(out) == 0 {
		t.Fatalf("patient %s has no demo encounters", puuid)
	}
	return out
}

// sameIDs reports whether got and want hold the same ids, in any order.
func sameIDs(got, want []string) bool {
	a, b := slices.Clone(got), slices.Clone(want)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestFHIREncounterRead(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		std := stdEncounters(t, e, demoPatient(1))[0]
		id := std["euuid"].(string)
		r := e.Do("GET", "/fhir/Encounter/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		for _, want := range []string{"us-core-encounter|6.1.0", `"status":"finished"`, `"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode"`,
			`"system":"http://snomed.info/sct"`, `"code":"PPRF"`, `"reasonCode":[{"text":`, `"value":"urn:uuid:` + id + `"`} {
			if !strings.Contains(string(r.Body), want) {
				t.Errorf("Encounter lacks %s: %s", want, r.Body)
			}
		}
		if r.Str("subject", "reference") != "Patient/"+demoPatient(1) || r.Str("class", "code") != std["class_code"] {
			t.Errorf("subject or class: %s", r.Body)
		}
		if got, want := r.Str("period", "start"), strings.Replace(std["date"].(string), " ", "T", 1)+"Z"; got != want {
			t.Errorf("period.start %s, want %s", got, want)
		}
		// Every reference resolves (US Core reference resolution).
		for _, ref := range []string{r.Str("participant", 0, "individual", "reference"), r.Str("location", 0, "location", "reference"), r.Str("serviceProvider", "reference")} {
			if ref == "" {
				t.Errorf("a reference is missing: %s", r.Body)
				continue
			}
			got := e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, got.Body)
		}
		if ref := r.Str("participant", 0, "individual", "reference"); ref != "Practitioner/"+std["provider_uuid"].(string) {
			t.Errorf("participant %s, provider %v", ref, std["provider_uuid"])
		}
		if ref := r.Str("serviceProvider", "reference"); ref != "Organization/"+std["facility_uuid"].(string) {
			t.Errorf("serviceProvider %s, facility %v", ref, std["facility_uuid"])
		}
		nf := e.Do("GET", "/fhir/Encounter/00000000-0000-0000-0000-000000000000", e.Admin, nil)
		if nf.Status != 404 || nf.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown encounter: %d %s", nf.Status, nf.Body)
		}
	})
}

// TestFHIREncounterSearch runs the US Core 6.1.0 Encounter searches (SHALL
// and SHOULD combinations) against what the Standard API lists.
func TestFHIREncounterSearch(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		me := demoPatient(1)
		std := stdEncounters(t, e, me)
		var all []string
		byClass := map[string][]string{}
		for _, enc := range std {
			all = append(all, enc["euuid"].(string))
			byClass[enc["class_code"].(string)] = append(byClass[enc["class_code"].(string)], enc["euuid"].(string))
		}
		search := func(query string) []string {
			t.Helper()
			ids, _ := fhirSearch(t, e, e.Admin, query+"&_count=1000")
			return ids
		}
		if got := search("Encounter?patient=" + me); !sameIDs(got, all) {
			t.Errorf("patient: %d encounters, the Standard API lists %d", len(got), len(all))
		}
		if got := search("Encounter?patient=Patient/" + me + "&status=finished"); !sameIDs(got, all) {
			t.Errorf("patient+status=finished: %d of %d", len(got), len(all))
		}
		for class, want := range byClass {
			if got := search("Encounter?patient=" + me + "&class=" + q("http://terminology.hl7.org/CodeSystem/v3-ActCode|"+class)); !sameIDs(got, want) {
				t.Errorf("class %s: %v, want %v", class, got, want)
			}
		}
		first := std[0]
		id := first["euuid"].(string)
		if got := search("Encounter?_id=" + id); !sameIDs(got, []string{id}) {
			t.Errorf("_id: %v", got)
		}
		if got := search("Encounter?identifier=" + q("urn:ietf:rfc:3986|urn:uuid:"+id)); !sameIDs(got, []string{id}) {
			t.Errorf("identifier: %v", got)
		}
		day := first["date"].(string)[:10]
		for _, date := range []string{day, "ge" + day, "le" + day + "T23:59:59Z", "gt" + first["date"].(string)[:4] + "-01-01"} {
			if got := search("Encounter?patient=" + me + "&date=" + q(date)); !slices.Contains(got, id) {
				t.Errorf("date=%s: %s not among %v", date, id, got)
			}
		}
		if got := search("Encounter?patient=" + me + "&date=lt" + day); slices.Contains(got, id) {
			t.Errorf("date=lt%s found the encounter of that day", day)
		}
		// type: the code each encounter shows finds it, and only encounters
		// showing it.
		enc := e.Do("GET", "/fhir/Encounter/"+id, e.Admin, nil).Want(t, 200)
		system, code := enc.Str("type", 0, "coding", 0, "system"), enc.Str("type", 0, "coding", 0, "code")
		byType := search("Encounter?patient=" + me + "&type=" + q(system+"|"+code))
		if !slices.Contains(byType, id) {
			t.Errorf("type %s|%s: %s not among %v", system, code, id, byType)
		}
		for _, other := range byType {
			if r := e.Do("GET", "/fhir/Encounter/"+other, e.Admin, nil); r.Str("type", 0, "coding", 0, "code") != code {
				t.Errorf("type %s found %s of type %s", code, other, r.Str("type", 0, "coding", 0, "code"))
			}
		}
		if got := search("Encounter?patient=" + me + "&type=" + q("http://www.ama-assn.org/go/cpt|99213")); len(got) != 0 {
			t.Errorf("a CPT type no encounter has: %v", got)
		}
		// location: the facility each encounter happened at.
		fac := first["facility_uuid"].(string)
		var atFac []string
		for _, enc := range std {
			if enc["facility_uuid"] == fac {
				atFac = append(atFac, enc["euuid"].(string))
			}
		}
		if got := search("Encounter?patient=" + me + "&location=Location/" + fac); !sameIDs(got, atFac) {
			t.Errorf("location: %v, want %v", got, atFac)
		}
		// discharge-disposition: the demo's outpatient visits have none, so
		// one is recorded through the Standard API.
		if got := search("Encounter?patient=" + me + "&discharge-disposition=home"); len(got) != 0 {
			t.Errorf("discharge-disposition before any was recorded: %v", got)
		}
		e.Do("PUT", "/api/patient/"+me+"/encounter/"+id, e.Admin, map[string]any{"discharge_disposition": "home"}).Want(t, 200)
		if got := search("Encounter?patient=" + me + "&discharge-disposition=" + q("http://terminology.hl7.org/CodeSystem/discharge-disposition|home")); !sameIDs(got, []string{id}) {
			t.Errorf("discharge-disposition: %v", got)
		}
		if r := e.Do("GET", "/fhir/Encounter/"+id, e.Admin, nil); r.Str("hospitalization", "dischargeDisposition", "coding", 0, "code") != "home" {
			t.Errorf("dischargeDisposition: %s", r.Body)
		}
		// Another patient's encounters are not this patient's.
		if got := search("Encounter?patient=" + demoPatient(2) + "&_id=" + id); len(got) != 0 {
			t.Errorf("patient 2 with patient 1's encounter: %v", got)
		}
	})
}

// TestFHIREncounterCompartment: a patient token reads its own encounters
// only, and the practitioners, organizations and locations they name.
func TestFHIREncounterCompartment(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me, other := demoPatient(1), demoPatient(2)
		mine, theirs := stdEncounters(t, e, me), stdEncounters(t, e, other)
		phil := e.Token("patient", "openid patient/Encounter.rs patient/Practitioner.rs patient/Organization.rs patient/Location.rs")
		r := e.Do("GET", "/fhir/Encounter/"+mine[0]["euuid"].(string), phil, nil).Want(t, 200)
		if r := e.Do("GET", "/fhir/Encounter/"+theirs[0]["euuid"].(string), phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("another patient's encounter: %d %s", r.Status, r.Body)
		}
		for _, query := range []string{"Encounter?patient=" + other, "Encounter?_id=" + theirs[0]["euuid"].(string), "Encounter?_count=1000"} {
			ids, _ := fhirSearch(t, e, phil, query)
			for _, id := range ids {
				if !slices.ContainsFunc(mine, func(m map[string]any) bool { return m["euuid"] == id }) {
					t.Errorf("%s: the patient token saw %s", query, id)
				}
			}
			if strings.Contains(query, other) && len(ids) != 0 {
				t.Errorf("%s: %v", query, ids)
			}
		}
		if ids, _ := fhirSearch(t, e, phil, "Encounter?_count=1000"); len(ids) != len(mine) {
			t.Errorf("the patient's own encounters: %d, want %d", len(ids), len(mine))
		}
		for _, ref := range []string{r.Str("participant", 0, "individual", "reference"), r.Str("location", 0, "location", "reference"), r.Str("serviceProvider", "reference")} {
			e.Do("GET", "/fhir/"+ref, phil, nil).Want(t, 200)
		}
		if r := e.Do("GET", "/fhir/Encounter", e.Token("patient", "openid patient/Patient.rs"), nil); r.Status != 403 {
			t.Errorf("patient token without Encounter scope: %d", r.Status)
		}
	})
}
