package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// benchGroupSize is the size of the groups read: a large practice's
// provider, or a registry.
const benchGroupSize = 10000

// BenchmarkFHIRGroupRead reads groups of 10,000 patients of both kinds
// (the demo admin's patients, and a stored group of the same patients):
// GET /fhir/Group/{id} through the whole handler chain, each request a
// new URI so that the response cache never answers, and
// resource.GroupMembers, what a group-level export reads
// (go test -run '^$' -bench FHIRGroupRead -benchtime 20x ./cmd/goemr).
func BenchmarkFHIRGroupRead(b *testing.B) {
	for _, d := range emrtest.DBs(b) {
		b.Run(d.Name, func(b *testing.B) {
			e := newAPIEnv(b, d)
			groups := benchGroups(b, e)
			for _, kind := range []string{resource.GroupProvider, resource.GroupStored} {
				id := groups[kind]
				b.Run(kind+"/http", func(b *testing.B) {
					for i := 0; b.Loop(); i++ {
						req := httptest.NewRequest("GET", "/apis/default/fhir/Group/"+id+"?n="+strconv.Itoa(i), nil)
						req.Header.Set("Authorization", "Bearer "+e.Admin)
						w := httptest.NewRecorder()
						e.app.handler.ServeHTTP(w, req)
						if w.Code != http.StatusOK || w.Body.Len() < benchGroupSize*50 {
							b.Fatalf("%d %.300s", w.Code, w.Body)
						}
					}
				})
				b.Run(kind+"/members", func(b *testing.B) {
					for b.Loop() {
						ms, found, err := resource.GroupMembers(context.Background(), e.Store, id)
						if err != nil || !found || len(ms) != benchGroupSize {
							b.Fatalf("%d members, found %v, %v", len(ms), found, err)
						}
					}
				})
			}
		})
	}
}

// benchGroups writes benchGroupSize patients of the demo admin and a
// stored group of them, and returns the ids of both groups by kind.
func benchGroups(b *testing.B, e *apiEnv) map[string]string {
	ctx := context.Background()
	admin := demo.ID("user", 1)
	u, err := e.Store.UserByUUID(ctx, admin)
	if err != nil {
		b.Fatal(err)
	}
	var stored string
	err = e.Store.Bulk(ctx, func(w resource.Writer) error {
		var pids []string
		for i := range benchGroupSize {
			rec, err := w.Insert(ctx, resource.Patient, map[string]any{"fname": "Member", "lname": fmt.Sprint("No", i),
				"DOB": "1970-01-01", "sex": "Female", "providerID": strconv.FormatInt(u.ID, 10)})
			if err != nil {
				return err
			}
			pids = append(pids, fmt.Sprint(rec["pid"]))
		}
		g, err := w.Insert(ctx, resource.PatientGroup, map[string]any{"name": "Registry", "active": "1"})
		if err != nil {
			return err
		}
		stored = g.Str("uuid")
		_, err = resource.AddGroupMembers(ctx, w, fmt.Sprint(g["id"]), pids, "2026-01-01 00:00:00")
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if n, err := e.Store.Count(ctx, resource.Patient, emr.Eq("providerID", strconv.FormatInt(u.ID, 10))); err != nil || n != benchGroupSize {
		b.Fatalf("%d patients of the admin, %v", n, err)
	}
	return map[string]string{resource.GroupProvider: admin, resource.GroupStored: stored}
}
