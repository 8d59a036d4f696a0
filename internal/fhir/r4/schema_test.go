package r4

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"goemr/internal/fhir/r4/internal/gen"
)

// TestFieldsInOfficialSchema walks every generated resource and checks
// that each JSON member it can write exists in HL7's fhir.schema.json at
// that place: no element the definitions' publisher added leaks into
// goemr's output or is accepted on input.
func TestFieldsInOfficialSchema(t *testing.T) {
	raw, err := os.ReadFile("../../../../shared/data/fhir/fhir.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Definitions map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(typ reflect.Type, def string)
	walk = func(typ reflect.Type, def string) {
		key := typ.String() + "@" + def
		if seen[key] {
			return
		}
		seen[key] = true
		d, ok := schema.Definitions[def]
		if !ok {
			t.Errorf("%s: no schema definition %s", typ, def)
			return
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			prop, ok := d.Properties[name]
			if !ok && schemaOmits(name, d.Properties) {
				continue
			}
			if !ok {
				t.Errorf("%s.%s: %s has no member %q", typ.Name(), f.Name, def, name)
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct || ft.PkgPath() != typ.PkgPath() {
				continue
			}
			if ref := schemaRef(prop); ref != "" {
				walk(ft, ref)
			}
		}
	}
	for _, name := range resourceNames(t) {
		r, _ := New(name)
		walk(reflect.TypeOf(r).Elem(), name)
	}
}

// schemaOmits reports members R4 defines that HL7's schema leaves out
// (data/README.md lists its defects): the _xxx sibling of a canonical
// element, and valueMeta of the open type list (R4 §2.24.0.1 lists Meta
// among the types an Extension value may have).
func schemaOmits(name string, props map[string]json.RawMessage) bool {
	if base, ok := strings.CutPrefix(name, "_"); ok {
		_, hasBase := props[base]
		return hasBase
	}
	return name == "valueMeta"
}

// schemaRef is the definition a property refers to, directly or through
// its items.
func schemaRef(prop json.RawMessage) string {
	var p struct {
		Ref   string `json:"$ref"`
		Items struct {
			Ref string `json:"$ref"`
		} `json:"items"`
	}
	_ = json.Unmarshal(prop, &p)
	ref := p.Ref
	if ref == "" {
		ref = p.Items.Ref
	}
	return strings.TrimPrefix(ref, "#/definitions/")
}

// resourceNames are the generated resources.
func resourceNames(t *testing.T) []string {
	t.Helper()
	return gen.Resources
}
