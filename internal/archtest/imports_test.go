package archtest

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "goemr/...")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(out)
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func isStd(path string) bool {
	return !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") && !strings.HasPrefix(path, "goemr")
}

// rules: for each package (prefix), imports that must not appear.
var rules = []struct {
	pkg    string
	forbid func(imp string) bool
	why    string
}{
	{"goemr/internal/emr", func(imp string) bool { return !isStd(imp) }, "emr imports only the standard library"},
	{"goemr/internal/emr", func(imp string) bool { return imp == "net/http" || imp == "database/sql" }, "emr imports no infrastructure"},
	{"goemr/internal/store", func(imp string) bool {
		return imp == "net/http" || strings.HasPrefix(imp, "goemr/internal/fhir") || strings.HasPrefix(imp, "goemr/internal/auth") || strings.HasPrefix(imp, "goemr/internal/restapi")
	}, "store sees no HTTP, FHIR or protocol package"},
	{"goemr/internal/sqldb", func(imp string) bool {
		return strings.HasPrefix(imp, "goemr/internal/") && imp != "goemr/internal/sqldb"
	}, "sqldb is the bottom layer"},
	{"goemr/internal/fhirmap", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "fhirmap sees no SQL"},
	{"goemr/internal/auth/scope", func(imp string) bool { return !isStd(imp) }, "scope is pure"},
	{"goemr/internal/resource", func(imp string) bool {
		return !isStd(imp) && imp != "goemr/internal/emr"
	}, "the resource table is pure data: it imports only emr"},
	{"goemr/internal/restapi", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "the REST front door reaches storage only through interfaces"},
	{"goemr/internal/openapi", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "the OpenAPI document comes from the resource table, not the database"},
	{"goemr/internal/demo", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "demo data is written through the resource writer interface"},
	{"goemr/internal/auth", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "the authorization server reaches storage only through emr services"},
	{"goemr/internal/admin", func(imp string) bool {
		return imp == "database/sql" || strings.HasPrefix(imp, "goemr/internal/store") || strings.HasPrefix(imp, "goemr/internal/sqldb")
	}, "admin pages work on domain services, never SQL"},
	{"goemr/internal/ccda", func(imp string) bool {
		return !isStd(imp) && imp != "goemr/internal/fhir/r4" || imp == "database/sql" || imp == "net/http"
	}, "C-CDA documents are built from FHIR resources alone: no SQL, store or HTTP"},
}

func TestImportRules(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, r := range rules {
			if p.ImportPath != r.pkg && !strings.HasPrefix(p.ImportPath, r.pkg+"/") {
				continue
			}
			if strings.HasSuffix(p.ImportPath, "_test") {
				continue
			}
			for _, imp := range p.Imports {
				if r.forbid(imp) {
					t.Errorf("%s imports %s: %s", p.ImportPath, imp, r.why)
				}
			}
		}
	}
}

// TestOnlyCmdWires: no internal package imports the store implementation
// except cmd/goemr and test-support or benchmark packages.
func TestOnlyCmdWires(t *testing.T) {
	allowed := []string{"goemr/cmd/", "goemr/internal/emrtest", "goemr/internal/store", "goemr/internal/e2e", "goemr/bench"}
	for _, p := range listPackages(t) {
		for _, imp := range p.Imports {
			if imp != "goemr/internal/store" && imp != "goemr/internal/sqldb" {
				continue
			}
			ok := false
			for _, a := range allowed {
				if strings.HasPrefix(p.ImportPath, a) || (imp == "goemr/internal/sqldb" && p.ImportPath == "goemr/internal/store") {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s imports %s; only cmd/goemr wires the store in", p.ImportPath, imp)
			}
		}
	}
}
