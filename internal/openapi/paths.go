package openapi

import (
	"fmt"
	"strings"

	"goemr/internal/resource"
)

// pathItem returns the path item of r and its OpenAPI path, making it on
// first use. OpenAPI forbids two templated paths that differ only in their
// parameter names (OpenAPI 3.0.3 §4.7.8), while OpenEMR declares some item
// routes under two names (…/insurance/:uuid and …/insurance/:insuranceUuid);
// both name one position and the server matches positionally, so such
// routes share the path of the first one and its parameter names.
func (b *builder) pathItem(r *resource.Route) (*pathItem, string) {
	var shape, path strings.Builder
	path.WriteString("/apis/{site}")
	for _, s := range r.Segments() {
		shape.WriteString("/")
		path.WriteString("/")
		if name, ok := strings.CutPrefix(s, ":"); ok {
			shape.WriteString("{}")
			path.WriteString("{" + name + "}")
			continue
		}
		shape.WriteString(s)
		path.WriteString(s)
	}
	if p, ok := b.shapes[shape.String()]; ok {
		return b.paths[p], p
	}
	p := path.String()
	b.shapes[shape.String()] = p
	item := &pathItem{Parameters: []*parameter{paramRef("site")}}
	for _, name := range r.Params() {
		item.Parameters = append(item.Parameters, pathParameter(r, name))
	}
	b.paths[p] = item
	return item, p
}

// pathParameter types a path parameter by OpenEMR's naming
// (openemr-standard-api.md §3.0): names ending in uuid take a uuid, other
// names ending in id a numeric id; the rest (list_name, name) are plain
// strings.
func pathParameter(r *resource.Route, name string) *parameter {
	p := &parameter{Name: name, In: "path", Required: true, Schema: &schema{Type: "string"}}
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, "uuid"):
		p.Schema.Format = "uuid"
	case strings.HasSuffix(lower, "id"):
		p.Schema.Pattern = "^[0-9]+$"
	}
	p.Description = paramColumn(r, name)
	return p
}

// paramColumn names the column a path parameter is matched against: a
// parent bound by the resource (patient_data.uuid) or, for the last
// parameter, the resource's own key.
func paramColumn(r *resource.Route, name string) string {
	d := r.Def
	if d == nil {
		return ""
	}
	for _, bd := range d.Binds {
		if bd.Param == name && bd.Table != "" {
			return fmt.Sprintf("Matched against %s.%s.", bd.Table, bd.By)
		}
	}
	ps := r.Params()
	if d.Table != "" && d.Key != "" && ps[len(ps)-1] == name && isItemOp(r.Op) {
		return fmt.Sprintf("Matched against %s.%s.", d.Table, d.Key)
	}
	return ""
}

func isItemOp(op string) bool {
	return op == resource.OpRead || op == resource.OpUpdate || op == resource.OpDelete
}

// operationID joins the method and the path's words:
// GET /api/patient/:puuid/encounter is get_api_patient_puuid_encounter.
func operationID(r *resource.Route) string {
	words := []string{strings.ToLower(r.Method)}
	for _, s := range r.Segments() {
		s = strings.TrimLeft(s, ":$")
		words = append(words, strings.Map(func(c rune) rune {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				return c
			}
			return '_'
		}, s))
	}
	return strings.Join(words, "_")
}

// renamed reports whether r names its path parameters differently from
// the OpenAPI path it shares.
func renamed(r *resource.Route, path string) bool {
	var names []string
	for _, s := range strings.Split(path, "/") {
		if n, ok := strings.CutPrefix(s, "{"); ok && n != "site}" {
			names = append(names, strings.TrimSuffix(n, "}"))
		}
	}
	return strings.Join(names, ",") != strings.Join(r.Params(), ",")
}

// commonParameters are the parameters every path or list shares.
func commonParameters() map[string]*parameter {
	zero := 0.0
	return map[string]*parameter{
		"site": {
			Name: "site", In: "path", Required: true,
			Description: "The OpenEMR site (multisite id); default unless the server hosts several.",
			Schema:      &schema{Type: "string", Pattern: "^[A-Za-z0-9.-]{1,64}$", Default: "default"},
		},
		"limit": {
			Name: "_limit", In: "query",
			Description: "Page size (alias _maxresults). 0 or absent means the server's cap (200 unless configured); larger values are capped.",
			Schema:      &schema{Type: "integer", Minimum: &zero},
		},
		"offset": {
			Name: "_offset", In: "query",
			Description: "Number of records to skip. Enveloped lists link the first, previous and next pages in links; raw lists in a Link header (RFC 8288).",
			Schema:      &schema{Type: "integer", Minimum: &zero},
		},
	}
}
