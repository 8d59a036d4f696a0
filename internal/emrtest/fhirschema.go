package emrtest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// fhirSchemaURL names HL7's R4 JSON schema inside the compiler.
const fhirSchemaURL = "http://hl7.org/fhir/json-schema/4.0"

var (
	fhirSchemaOnce sync.Once
	fhirSchemas    *jsonschema.Compiler
	fhirSchemaErr  error
	fhirCompiled   sync.Map // resourceType → *jsonschema.Schema
)

// ValidateFHIR checks a FHIR JSON resource against HL7's official R4 JSON
// schema (shared/data/fhir/fhir.schema.json), at the definition of its own
// resourceType, and fails the test with the schema's findings. The schema
// rejects fhirVersion 4.0.1 in conformance resources (data/README.md), so
// CapabilityStatements are not passed here.
func ValidateFHIR(t testing.TB, body []byte) {
	t.Helper()
	fhirSchemaOnce.Do(loadFHIRSchema)
	if fhirSchemaErr != nil {
		t.Fatalf("FHIR schema: %v", fhirSchemaErr)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	typ, _ := doc.(map[string]any)["resourceType"].(string)
	if typ == "" {
		t.Fatalf("no resourceType in %.200s", body)
	}
	sch, ok := fhirCompiled.Load(typ)
	if !ok {
		s, err := fhirSchemas.Compile(fhirSchemaURL + "#/definitions/" + typ)
		if err != nil {
			t.Fatalf("compile schema for %s: %v", typ, err)
		}
		fhirCompiled.Store(typ, s)
		sch = s
	}
	if err := sch.(*jsonschema.Schema).Validate(doc); err != nil {
		t.Errorf("%s does not match the FHIR R4 schema: %v\n%.2000s", typ, err, body)
	}
}

func loadFHIRSchema() {
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "data", "fhir", "fhir.schema.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		fhirSchemaErr = err
		return
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		fhirSchemaErr = err
		return
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(fhirSchemaURL, doc); err != nil {
		fhirSchemaErr = err
		return
	}
	fhirSchemas = c
}
