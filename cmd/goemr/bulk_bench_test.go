package main

import (
	"context"
	"testing"

	"goemr/internal/bulk"
	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/fhir"
)

// BenchmarkBulkExport runs a system-level export of 300 demo patients in
// process, for CPU profiles of the export path
// (go test -run '^$' -bench BulkExport -cpuprofile cpu.out ./cmd/goemr);
// resources/s is reported per run. bench/cmd/goemr-load measures the
// whole server at 10,000 and 100,000 patients.
func BenchmarkBulkExport(b *testing.B) {
	e := newAPIEnv(b, emrtest.DBs(b)[0])
	ctx := context.Background()
	if _, err := demo.Generate(ctx, e.Store, demo.Options{Patients: 300}); err != nil {
		b.Fatal(err)
	}
	srv := fhir.New(fhir.Options{Auth: e.app.auth, Records: e.Store})
	job := &emr.ExportJob{ID: "bench", ClientID: "bench", Request: e.URL + "/apis/default/fhir/$export",
		Params: emr.ExportParams{Site: "default", Level: emr.ExportSystem, Context: "system", Scopes: "system/*.rs",
			Types: []string{"Patient", "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Coverage", "Device",
				"DiagnosticReport", "DocumentReference", "Encounter", "Goal", "Immunization", "MedicationRequest",
				"Observation", "Procedure", "ServiceRequest", "Practitioner", "Organization", "Location", "Provenance"}}}
	b.ResetTimer()
	var n int64
	for b.Loop() {
		w, err := bulk.NewWriter(b.TempDir(), bulk.DefaultFileLines)
		if err != nil {
			b.Fatal(err)
		}
		if err := srv.Export(ctx, job, w); err != nil {
			b.Fatal(err)
		}
		n += w.Written()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "resources/s")
}
