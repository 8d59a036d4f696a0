package openapi

import (
	"context"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"goemr/internal/resource"
)

const testBase = "http://127.0.0.1:9300"

func load(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return doc
}

func generated(t *testing.T) *openapi3.T {
	t.Helper()
	data, err := Document(testBase)
	if err != nil {
		t.Fatal(err)
	}
	return load(t, data)
}

func TestDocumentIsValidOpenAPI3(t *testing.T) {
	doc := generated(t)
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	// Every optional check on: formats are known, patterns compile, and
	// defaults and examples satisfy their schemas.
	err := doc.Validate(context.Background(), openapi3.EnableSchemaFormatValidation(),
		openapi3.EnableSchemaPatternValidation(), openapi3.EnableSchemaDefaultsValidation(),
		openapi3.EnableExamplesValidation())
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
}

// TestDocumentDescribesEveryRoute checks each route's operation: its path,
// tag, scope and the parameters the server reads.
func TestDocumentDescribesEveryRoute(t *testing.T) {
	doc := generated(t)
	ops := operations(doc)
	if len(ops) != len(resource.Routes) {
		t.Errorf("%d operations for %d routes", len(ops), len(resource.Routes))
	}
	for _, r := range resource.Routes {
		key := r.Method + " " + shape("/apis/{site}"+openAPIPath(r.Path))
		op := ops[key]
		if op == nil {
			t.Errorf("%s %s: no operation %s", r.Method, r.Path, key)
			continue
		}
		wantTag := tagStandard
		if r.Portal() {
			wantTag = tagPortal
		}
		if len(op.Tags) != 1 || op.Tags[0] != wantTag {
			t.Errorf("%s %s: tags %v, want %s", r.Method, r.Path, op.Tags, wantTag)
		}
		if op.Summary != r.Summary {
			t.Errorf("%s %s: summary %q", r.Method, r.Path, op.Summary)
		}
		checkSecurity(t, doc, r, op)
		if isList(r) {
			for _, q := range []string{"_limit", "_offset", "_sort"} {
				if findParam(op, q) == nil {
					t.Errorf("%s %s: list without %s", r.Method, r.Path, q)
				}
			}
			if r.Def != nil {
				for _, f := range r.Def.Fields {
					if f.Filter && findParam(op, f.Name) == nil {
						t.Errorf("%s %s: no query parameter for filter %s", r.Method, r.Path, f.Name)
					}
				}
			}
		}
		if (r.Method == "POST" || r.Method == "PUT") && r.Def != nil && op.RequestBody == nil {
			t.Errorf("%s %s: no request body", r.Method, r.Path)
		}
	}
}

func checkSecurity(t *testing.T, doc *openapi3.T, r *resource.Route, op *openapi3.Operation) {
	t.Helper()
	if r.Public {
		if op.Security == nil || len(*op.Security) != 0 {
			t.Errorf("%s %s: public route with security %v", r.Method, r.Path, op.Security)
		}
		return
	}
	ctx, res, perm := r.Scope()
	want := ctx + "/" + res + "." + perm
	if op.Security == nil || len(*op.Security) != 1 {
		t.Fatalf("%s %s: security %v", r.Method, r.Path, op.Security)
	}
	got := (*op.Security)[0][securitySchemeName]
	if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+want+" ") {
		t.Errorf("%s %s: scopes %v, want %s", r.Method, r.Path, got, want)
	}
	flow := doc.Components.SecuritySchemes[securitySchemeName].Value.Flows.AuthorizationCode
	for _, s := range got {
		if _, ok := flow.Scopes[s]; !ok {
			t.Errorf("%s %s: scope %s is not declared by the security scheme", r.Method, r.Path, s)
		}
	}
}

func findParam(op *openapi3.Operation, name string) *openapi3.Parameter {
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.Name == name {
			return p.Value
		}
	}
	return nil
}

// operations indexes doc's operations by method and path shape.
func operations(doc *openapi3.T) map[string]*openapi3.Operation {
	out := map[string]*openapi3.Operation{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			out[method+" "+shape(path)] = op
		}
	}
	return out
}

// shape replaces every {param} of an OpenAPI path with {}.
func shape(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// openAPIPath turns OpenEMR's :param segments into {param}.
func openAPIPath(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if name, ok := strings.CutPrefix(s, ":"); ok {
			segs[i] = "{" + name + "}"
		}
	}
	return strings.Join(segs, "/")
}
