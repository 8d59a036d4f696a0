package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"goemr/internal/emrtest"
)

// BenchmarkAPIPatientRead serves GET /api/patient/{puuid} in process,
// through the whole handler chain, for CPU profiles
// (go test -run '^$' -bench APIPatientRead -cpuprofile cpu.out ./cmd/goemr).
func BenchmarkAPIPatientRead(b *testing.B) {
	benchAPI(b, "/apis/default/api/patient/"+demoPatient(3))
}

// BenchmarkAPIProblems serves GET /api/patient/{puuid}/medical_problem.
func BenchmarkAPIProblems(b *testing.B) {
	benchAPI(b, "/apis/default/api/patient/"+demoPatient(3)+"/medical_problem", func(e *apiEnv) {
		for _, p := range []map[string]any{
			{"title": "Essential hypertension", "diagnosis": "ICD10:I10;SNOMED-CT:59621000", "begdate": "2019-04-02"},
			{"title": "Type 2 diabetes mellitus", "diagnosis": "ICD10:E11.9", "begdate": "2020-08-14"},
			{"title": "Hyperlipidemia", "diagnosis": "ICD10:E78.5", "begdate": "2021-01-20"},
		} {
			e.Do("POST", "/api/patient/"+demoPatient(3)+"/medical_problem", e.Admin, p).Want(b, 201)
		}
	})
}

func benchAPI(b *testing.B, path string, setup ...func(*apiEnv)) {
	e := newAPIEnv(b, emrtest.DBs(b)[0])
	for _, f := range setup {
		f(e)
	}
	h := e.app.handler
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Authorization", "Bearer "+e.Admin)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
		}
	})
}
