package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// importFixture is a small export spread over files that refer to each
// other across files: NDJSON by Type/id and by identifier, a collection
// Bundle, a single resource, a log that is not FHIR, and a type goemr
// does not store. Names sort the referring files first: the import must
// order them itself.
var importFixture = map[string]string{
	"a_conditions.ndjson": forPatient(oneLine(newCondition), "p1") + "\n" +
		referringTo(oneLine(newCondition), "Patient?identifier="+ssnSystem+"|999-12-1002") + "\n",
	"b_more.json": `{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:9d6c2b1a-0000-4000-8000-000000000001","resource":` +
		forPatient(oneLine(newAllergy), "p2") + `},{"resource":{"resourceType":"Claim","status":"active"}}]}`,
	"c_allergy.json": forPatient(oneLine(newAllergy), "p1"),
	"log.ndjson":     `{"exportId":"x","eventId":"kickoff"}` + "\n",
	"z_patients.ndjson": strings.Replace(oneLine(newPatientBody("Importer", "999-12-1001")), `{"resourceType":"Patient",`, `{"resourceType":"Patient","id":"p1",`, 1) + "\n" +
		strings.Replace(oneLine(newPatientBody("Importer", "999-12-1002")), `{"resourceType":"Patient",`, `{"resourceType":"Patient","id":"p2",`, 1) + "\n",
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "") }

// writeFixture writes files into a new folder, or into a .tar.gz of them
// when archive is set, and returns its path.
func writeFixture(t *testing.T, files map[string]string, archive bool) string {
	t.Helper()
	dir := t.TempDir()
	if !archive {
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		tw.WriteHeader(&tar.Header{Name: "export/" + name, Mode: 0o600, Size: int64(len(body)), Typeflag: tar.TypeReg})
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	path := filepath.Join(dir, "export.tar.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runImportCmd runs goemr import on database dsn, returning its output.
func runImportCmd(t *testing.T, dsn string, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	err := run(context.Background(), env, append([]string{"import", "--db", dsn}, args...))
	return out.String() + errOut.String(), err
}

// TestImportFiles: goemr import resolves references across files, in
// dependency order, whatever the files are called; skips what goemr does
// not store when asked (and refuses the file otherwise); a file with a
// refused resource is undone as a whole, the others stay; the result is
// what the FHIR and Standard APIs serve.
func TestImportFiles(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newAPIEnv(t, d)
			claim := map[string]string{"b_more.json": importFixture["b_more.json"]}
			if out, err := runImportCmd(t, d.DSN, writeFixture(t, claim, false)); err == nil ||
				!strings.Contains(out, "goemr does not store Claim resources") {
				t.Errorf("without --skip-unstored the Claim's file must be refused: %v\n%s", err, out)
			}
			out, err := runImportCmd(t, d.DSN, "--skip-unstored", writeFixture(t, importFixture, true))
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !regexp.MustCompile(`(?m)^passed over \(no FHIR resources\): \S*export\.tar\.gz/export/log\.ndjson$`).MatchString(out) {
				t.Errorf("the report does not pass over the log:\n%s", out)
			}
			patients := e.Do("GET", "/fhir/Patient?family=Importer", e.Admin, nil).Want(t, 200)
			if patients.Len("entry") != 2 {
				t.Fatalf("%s\n%s", patients.Body, out)
			}
			for i := range 2 {
				id := patients.Str("entry", i, "resource", "id")
				conditions := e.Do("GET", "/fhir/Condition?_summary=count&patient="+id, e.Admin, nil).Want(t, 200).Str("total")
				allergies := e.Do("GET", "/api/patient/"+id+"/allergy", e.Admin, nil).Want(t, 200).Len("data")
				if conditions != "1" || allergies != 1 {
					t.Errorf("patient %s: %s conditions, %d allergies (Standard API)\n%s", id, conditions, allergies, out)
				}
			}

			// A refused resource undoes its file, and the import fails.
			bad := map[string]string{"conditions.ndjson": forPatient(oneLine(newCondition), "p9") + "\n" +
				strings.Replace(forPatient(oneLine(newCondition), "p9"), `"code":"active"`, `"code":"bogus"`, 1) + "\n"}
			bad["patients.ndjson"] = strings.Replace(oneLine(newPatientBody("Undone", "999-12-1009")), `{"resourceType":"Patient",`, `{"resourceType":"Patient","id":"p9",`, 1) + "\n"
			out, err = runImportCmd(t, d.DSN, writeFixture(t, bad, false))
			if err == nil || !strings.Contains(out, "Condition: 1 refused") {
				t.Errorf("a refused Condition: %v\n%s", err, out)
			}
			if n := e.Do("GET", "/fhir/Patient?family=Undone", e.Admin, nil).Want(t, 200).Len("entry"); n != 1 {
				t.Errorf("the other file's patient: %d", n)
			}
		})
	}
}
