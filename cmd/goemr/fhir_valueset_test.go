package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRValueSet: one ValueSet per option list, whose concepts are the
// list's active options in the order the Standard API's /api/list gives
// them, satisfying shareablevalueset; searched by _id, name, title and
// _lastUpdated; a list changed in the database changes its ValueSet.
func TestFHIRValueSet(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		err := e.Store.Write(ctx, func(w resource.Writer) error {
			for _, o := range []map[string]any{
				{"list_id": "lists", "option_id": "blood_type", "title": "Blood Type", "seq": 99},
				{"list_id": "blood_type", "option_id": "O+", "title": "O positive", "seq": 10, "last_updated": "2025-03-04 05:06:07"},
				{"list_id": "blood_type", "option_id": "A+", "title": "A positive", "seq": 20},
				{"list_id": "blood_type", "option_id": "B+", "title": "B positive", "seq": 30, "activity": "0"},
			} {
				if _, err := w.Insert(ctx, resource.ListOption, o); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Every list with an active option but the list of lists is a ValueSet.
		opts, err := e.Store.List(ctx, resource.ListOption, emr.Query{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, o := range opts {
			id := strings.ReplaceAll(o.Str("list_id"), "_", ".")
			if o.Str("list_id") != "lists" && o.Str("activity") == "1" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		all, r := fhirSearch(t, e, e.Admin, "ValueSet?_count=1000")
		mrWant(t, e, e.Admin, "ValueSet?_count=1000", ids)
		for i := 0; i < r.Len("entry"); i++ {
			valueSetMatchesList(t, e, r, i)
		}
		if !slices.Contains(all, ".ActEncounterCode") || !slices.Contains(all, "care.team.roles") {
			t.Errorf("ids %v", all)
		}

		vs := e.Do("GET", "/fhir/ValueSet/blood.type", e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, vs.Body)
		for path, want := range map[string]string{
			"url": e.URL + "/apis/default/fhir/ValueSet/blood.type", "name": "List_blood_type", "title": "Blood Type",
			"status": "active", "description": "The options of the OpenEMR list `blood_type`.", "date": "2025-03-04T05:06:07Z",
		} {
			if got := vs.Str(path); got != want {
				t.Errorf("%s = %q, want %q", path, got, want)
			}
		}
		if vs.Get("experimental") != false || vs.Str("version") == "" || vs.Str("publisher") == "" || vs.Str("meta", "profile", 0) != "http://hl7.org/fhir/StructureDefinition/shareablevalueset" {
			t.Errorf("shareablevalueset elements: %s", vs.Body)
		}
		version := vs.Str("version")

		q := url.QueryEscape
		for query, want := range map[string][]string{
			"ValueSet?_id=sex,race":                             {"sex", "race"},
			"ValueSet?name=blood":                               {"blood.type"},
			"ValueSet?name:exact=List_blood_type":               {"blood.type"},
			"ValueSet?name:exact=list_blood_type":               nil,
			"ValueSet?title=" + q("blood type"):                 {"blood.type"},
			"ValueSet?title:contains=lood":                      {"blood.type"},
			"ValueSet?_lastUpdated=2025-03-04":                  {"blood.type"},
			"ValueSet?_lastUpdated=gt2025-03-05&name=blood":     nil,
			"ValueSet?name=" + q("_ActEncounterCode") + ",race": {".ActEncounterCode", "race"},
		} {
			mrWant(t, e, e.Admin, query, want)
		}

		// A new option is a new version of the list's ValueSet.
		err = e.Store.Write(ctx, func(w resource.Writer) error {
			_, err := w.Update(ctx, resource.ListOption, map[string]any{"activity": "1"}, emr.Eq("list_id", "blood_type"), emr.Eq("option_id", "B+"))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		vs = e.Do("GET", "/fhir/ValueSet/blood.type", e.Admin, nil).Want(t, 200)
		if vs.Str("version") == version || vs.Len("compose", "include", 0, "concept") != 3 || vs.Get("expansion", "total") != float64(3) {
			t.Errorf("after adding an option: %s", vs.Body)
		}

		// Terminology is no patient's data: a patient token with the scope
		// reads every list, as OpenEMR lets patient/ValueSet.read.
		phil := e.Token("patient", "openid patient/ValueSet.rs")
		mrWant(t, e, phil, "ValueSet?_count=1000", all)
		if r := e.Do("GET", "/fhir/ValueSet/sex", e.Token("patient", "openid patient/Patient.rs"), nil); r.Status != 403 {
			t.Errorf("without a ValueSet scope: %d", r.Status)
		}
		mrUnknown(t, e, "ValueSet")
	})
}

// valueSetMatchesList checks the ValueSet of search entry i against its
// list as the Standard API lists it: the active options, in order.
func valueSetMatchesList(t *testing.T, e *apiEnv, r *Resp, i int) {
	t.Helper()
	id := r.Str("entry", i, "resource", "id")
	list := strings.TrimPrefix(r.Str("entry", i, "resource", "description"), "The options of the OpenEMR list `")
	list = strings.TrimSuffix(list, "`.")
	std := e.Do("GET", "/api/list/"+url.PathEscape(list), e.Admin, nil).Want(t, 200)
	var want, got []string
	for k := 0; k < std.Len(); k++ {
		if std.Str(k, "activity") == "1" {
			want = append(want, std.Str(k, "option_id")+"="+std.Str(k, "title"))
		}
	}
	for k := 0; k < r.Len("entry", i, "resource", "compose", "include", 0, "concept"); k++ {
		c := func(f string) string { return r.Str("entry", i, "resource", "compose", "include", 0, "concept", k, f) }
		got = append(got, c("code")+"="+c("display"))
	}
	if strings.ReplaceAll(list, "_", ".") != id || !slices.Equal(got, want) {
		t.Errorf("ValueSet %s (list %s):\n got %v\nwant %v", id, list, got, want)
	}
	if n := r.Get("entry", i, "resource", "expansion", "total"); n != float64(len(want)) {
		t.Errorf("ValueSet %s: expansion total %v", id, n)
	}
}
