package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"slices"
	"testing"

	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// TestAPIResponsesFollowWrites: a read answered from the response cache
// shows a change at once, whether the API made it, another process on the
// same database did (a second handle here), or it touched a related table
// only (an address shown in the patient record).
func TestAPIResponsesFollowWrites(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newAPIEnv(t, d)
			other, err := sqldb.Open(context.Background(), sqldb.Options{DSN: d.DSN, ReadConns: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			path := "/api/patient/" + demoPatient(2)
			fname := func() string {
				t.Helper()
				return e.Do("GET", path, e.Admin, nil).Want(t, 200).Str("data", "fname")
			}
			before := fname()
			if again := fname(); again != before {
				t.Fatalf("a second read changed fname from %q to %q", before, again)
			}
			e.Do("PUT", path, e.Admin, map[string]any{"fname": "Through the API"}).Want(t, 200)
			if got := fname(); got != "Through the API" {
				t.Errorf("after an API update fname = %q", got)
			}
			if _, err := other.Exec(context.Background(), `UPDATE patient_data SET fname = 'Another process' WHERE uuid = $1`, demoPatient(2)); err != nil {
				t.Fatal(err)
			}
			if got := fname(); got != "Another process" {
				t.Errorf("after another process's update fname = %q", got)
			}
			// FHIR answers from the same data versions.
			fhirName := func() string {
				return e.Do("GET", "/fhir/Patient/"+demoPatient(2), e.Admin, nil).Want(t, 200).Str("name", 0, "given", 0)
			}
			fhirName()
			if _, err := other.Exec(context.Background(), `UPDATE patient_data SET fname = 'Via FHIR' WHERE uuid = $1`, demoPatient(2)); err != nil {
				t.Fatal(err)
			}
			if got := fhirName(); got != "Via FHIR" {
				t.Errorf("FHIR after another process's update: given %q", got)
			}
			if _, err := other.Exec(context.Background(), `UPDATE patient_data SET fname = 'Another process' WHERE uuid = $1`, demoPatient(2)); err != nil {
				t.Fatal(err)
			}
			list := "/api/patient?fname=Another"
			if n := e.Do("GET", list, e.Admin, nil).Want(t, 200).Len("data"); n != 1 {
				t.Errorf("search found %d patients", n)
			}
			if _, err := other.Exec(context.Background(), `UPDATE patient_data SET fname = 'Renamed' WHERE uuid = $1`, demoPatient(2)); err != nil {
				t.Fatal(err)
			}
			e.Do("GET", list, e.Admin, nil).Want(t, 200)
			if r := e.Do("GET", list, e.Admin, nil); r.Status != 200 || r.Len("data") != 0 {
				t.Errorf("search after a rename: %d, %d patients", r.Status, r.Len("data"))
			}
		})
	}
}

// TestAPIGzip: a large list is sent gzipped to a client that asks for it,
// identical once decompressed, and plain to one that does not.
func TestAPIGzip(t *testing.T) {
	e := newAPIEnv(t, emrtest.DBs(t)[0])
	get := func(accept string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", e.URL+"/apis/default/api/patient", nil)
		req.Header.Set("Authorization", "Bearer "+e.Admin)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		// A transport of its own, so Go's transparent gzip stays out.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	for range 2 { // the first answer is built, the second cached
		plainResp, plain := get("")
		if plainResp.StatusCode != 200 || plainResp.Header.Get("Content-Encoding") != "" || len(plain) < 1400 {
			t.Fatalf("plain: %d %q, %d bytes", plainResp.StatusCode, plainResp.Header.Get("Content-Encoding"), len(plain))
		}
		zResp, z := get("br;q=1, gzip;q=0.8")
		if zResp.Header.Get("Content-Encoding") != "gzip" || !slices.Contains(zResp.Header.Values("Vary"), "Accept-Encoding") {
			t.Fatalf("gzip: headers %v", zResp.Header)
		}
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		unz, _ := io.ReadAll(zr)
		if !bytes.Equal(unz, plain) {
			t.Errorf("gzipped body differs once decompressed")
		}
		if refused, _ := get("gzip;q=0"); refused.Header.Get("Content-Encoding") != "" {
			t.Errorf("gzip;q=0 got a gzipped body")
		}
	}
}
