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
	benchAPI(b, "/apis/default/api/patient/"+demoPatient(3)+"/medical_problem")
}

func benchAPI(b *testing.B, path string) {
	e := newAPIEnv(b, emrtest.DBs(b)[0])
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
