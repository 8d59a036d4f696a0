package ccdacheck

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shared is the project's shared/data folder, seen from this package.
const shared = "../../../../shared/data"

// TestOfficialExamples runs both checks on HL7's example CCDs: the
// schema accepts them, and with this voc.xml the schematron fails only
// a-1098-28042, the errata rule (2025-07-25) the examples predate (see
// shared/data/README.md). A check that passed everything would pass the
// examples too, so a broken copy must fail both.
func TestOfficialExamples(t *testing.T) {
	c := Require(t, shared)
	want := map[string][]string{
		"C-CDA_R2-1_CCD.xml":      {"a-1098-28042"},
		"C-CDA-Examples_CCD1.xml": {"a-1098-28042"},
		"C-CDA-Examples_CCD2.xml": nil,
	}
	for name, ids := range want {
		file := filepath.Join(shared, "ccda", "examples", name)
		if problems, err := c.ValidateSchema(file); err != nil || problems != nil {
			t.Errorf("%s: schema: %v %v", name, err, problems)
		}
		fails, err := c.Errors(file)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fails {
			if !slices.Contains(got, f.ID) {
				got = append(got, f.ID)
			}
		}
		if !slices.Equal(got, ids) {
			t.Errorf("%s: failed asserts %v, want %v\n%v", name, got, ids, fails)
		}
	}

	raw, err := os.ReadFile(filepath.Join(shared, "ccda", "examples", "C-CDA-Examples_CCD2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(raw), `<templateId root="2.16.840.1.113883.10.20.22.1.1"`, `<templateId root="2.16.840.1.113883.10.20.22.1.1"/><bogus`, 1)
	broken = strings.Replace(broken, `<recordTarget>`, `<recordTarget typeCode="XX">`, 1)
	file := filepath.Join(t.TempDir(), "broken.xml")
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if problems, _ := c.ValidateSchema(file); problems == nil {
		t.Error("the schema accepted an unknown element")
	}
}
