package openapi

import (
	"fmt"
	"slices"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// operation describes route r, served at the OpenAPI path path.
func (b *builder) operation(r *resource.Route, path string) (*operation, error) {
	tag := tagStandard
	if r.Portal() {
		tag = tagPortal
	}
	security, err := b.security(r)
	if err != nil {
		return nil, err
	}
	return &operation{
		Tags:        []string{tag},
		Summary:     r.Summary,
		Description: describe(r, path),
		OperationID: operationID(r),
		Parameters:  queryParameters(r),
		RequestBody: b.requestBody(r),
		Responses:   b.responses(r),
		Security:    security,
	}, nil
}

// describe tells what the route serves and who may call it.
func describe(r *resource.Route, path string) string {
	var lines []string
	if r.Def != nil && r.Def.Summary != "" {
		lines = append(lines, r.Def.Summary+".")
	}
	switch {
	case r.Public:
		lines = append(lines, "Public: no access token is needed.")
	case r.Portal():
		lines = append(lines, "Answers for the patient the access token was issued to.")
	case r.ACL.Section != "":
		access := "view"
		if r.ACL.Write {
			access = "write"
		}
		lines = append(lines, fmt.Sprintf("The user needs the OpenEMR ACL %s/%s (%s).", r.ACL.Section, r.ACL.Value, access))
	}
	if renamed(r, path) {
		lines = append(lines, "OpenEMR declares this route as "+r.Path+"; path parameters are matched by position.")
	}
	return strings.Join(lines, "\n\n")
}

// isList reports whether r answers a collection: the generic list and the
// hand-written operations named *.list.
func isList(r *resource.Route) bool {
	return r.Op == resource.OpList || strings.HasSuffix(r.Op, ".list")
}

// queryParameters are a list's search fields and paging (§4.4: goemr pages
// every list the way OpenEMR pages patients).
func queryParameters(r *resource.Route) []*parameter {
	if !isList(r) {
		return nil
	}
	var ps []*parameter
	var sortable []string
	if d := r.Def; d != nil {
		for _, f := range d.Fields {
			if f.Sort {
				sortable = append(sortable, f.Name)
			}
			if !f.Filter {
				continue
			}
			how := "Exact match"
			if f.Match == emr.Contains {
				how = "Contains, case-insensitive"
			}
			ps = append(ps, &parameter{Name: f.Name, In: "query", Description: how + ".", Schema: &schema{Type: "string"}})
		}
	}
	sort := "Sort keys, comma-separated; a leading - sorts descending. Other names are ignored."
	if len(sortable) > 0 {
		sort += " Sortable: " + strings.Join(sortable, ", ") + "."
	} else {
		sort += " This list has no sortable field."
	}
	return append(ps, paramRef("limit"), paramRef("offset"),
		&parameter{Name: "_sort", In: "query", Description: sort, Schema: &schema{Type: "string"}})
}

// requestBody is the JSON object a create (POST) or update (PUT) takes:
// the resource's writable fields under the rules of that operation.
func (b *builder) requestBody(r *resource.Route) *requestBody {
	if r.Def == nil || (r.Method != "POST" && r.Method != "PUT" && r.Method != "PATCH") {
		return nil
	}
	if s := b.request(r, r.Method == "POST"); s != nil {
		return &requestBody{Required: true, Content: jsonContent(s)}
	}
	// A resource without writable fields is written by a hand-written
	// operation in a format of its own (a file upload, for one).
	return &requestBody{Required: true, Description: "The body the operation defines.", Content: map[string]mediaType{"*/*": {Schema: &schema{}}}}
}

// security is the scope r requires: the API's gate scope and the scope
// derived from the route (§1.2), in SMART v2 form.
func (b *builder) security(r *resource.Route) ([]map[string][]string, error) {
	if r.Public {
		return []map[string][]string{}, nil
	}
	ctx, res, perm := r.Scope()
	if res == "" || perm == "" {
		return nil, fmt.Errorf("no scope can be derived")
	}
	scope := ctx + "/" + res + "." + perm
	b.scopes[scope] = scopeDescription(ctx, res, perm)
	gate := "api:oemr"
	if r.Portal() {
		gate = "api:port"
	}
	return []map[string][]string{{securitySchemeName: {gate, scope}}}, nil
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
