package fhir

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// exportReferenced are the types outside patient compartments that a
// Patient or Group export adds when the compartments refer to them.
var exportReferenced = []string{"Practitioner", "Organization", "Location", "Medication"}

// exportParams validates the kick-off parameters (export.html#query-
// parameters) into what the job runs with. Unknown parameters are ignored,
// or refused with Prefer: handling=strict.
func (s *Server) exportParams(c *call, level, group string, params url.Values) (*emr.ExportParams, error) {
	ep := &emr.ExportParams{Site: c.site, Level: level, Group: group, Scopes: scopeString(c.p.Scopes), Context: c.scopeCtx,
		OutputFormat: "application/fhir+ndjson"}
	for key, values := range params {
		switch key {
		case "_outputFormat":
			for _, f := range values {
				switch f {
				case "application/fhir+ndjson", "application/ndjson", "ndjson":
				default:
					return nil, emr.Errorf(emr.EINVALID, "_outputFormat %q is not supported: use application/fhir+ndjson", f)
				}
			}
		case "_since":
			if len(values) > 1 {
				return nil, emr.Errorf(emr.EINVALID, "_since may be given once")
			}
			if _, err := time.Parse(time.RFC3339Nano, values[0]); err != nil {
				return nil, emr.Errorf(emr.EINVALID, "_since must be a FHIR instant such as 2024-01-02T03:04:05Z, not %q", values[0])
			}
			ep.Since = values[0]
		case "_type", "_typeFilter", "_elements", "patient":
		case "_format", "_pretty":
		default:
			if preferStrict(c.r) {
				return nil, emr.Errorf(emr.EINVALID, "the export parameter %q is not supported", key)
			}
		}
	}
	types, err := s.exportTypes(c, level, commaList(params["_type"]))
	if err != nil {
		return nil, err
	}
	ep.Types = types
	if ep.TypeFilters, err = s.exportTypeFilters(c, types, params["_typeFilter"]); err != nil {
		return nil, err
	}
	if ep.Elements, err = exportElements(types, commaList(params["_elements"])); err != nil {
		return nil, err
	}
	if ep.Patients, err = s.exportPatients(c, level, commaList(params["patient"])); err != nil {
		return nil, err
	}
	if level == emr.ExportGroup {
		if err := s.exportGroupExists(c, group); err != nil {
			return nil, err
		}
	}
	return ep, nil
}

// exportable reports whether a type can be exported at level: every type
// served but Binary and OperationDefinition at system level; the
// compartment types, Provenance and the referenced types at the others.
func (s *Server) exportable(level, typ string) bool {
	if typ == "Provenance" {
		return true
	}
	m := s.mappings[typ]
	if m == nil {
		return false
	}
	return level == emr.ExportSystem || m.Patient != "" || slices.Contains(exportReferenced, typ)
}

// exportTypes resolves _type: the types asked for (each exportable and
// readable with the token), or without it every exportable type the token
// may read (export.html: "the server SHALL return all supported resources
// within the scope of the client authorization").
func (s *Server) exportTypes(c *call, level string, asked []string) ([]string, error) {
	var out []string
	for _, t := range asked {
		if !s.exportable(level, t) {
			if s.mappings[t] != nil {
				return nil, emr.Errorf(emr.EINVALID, "%s is outside the patient compartments a %s-level export covers", t, level)
			}
			return nil, emr.Errorf(emr.EINVALID, "_type %q is not a resource type goemr exports", t)
		}
		if !c.p.Scopes.Allows(c.scopeCtx, t, scope.R) {
			return nil, emr.Errorf(emr.EFORBIDDEN, "the token may not read %s (it needs %s/%s.read or .rs)", t, c.scopeCtx, t)
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	if len(asked) > 0 {
		return out, nil
	}
	for _, m := range append(s.o.Mappings, provenanceType) {
		if s.exportable(level, m.Type) && c.p.Scopes.Allows(c.scopeCtx, m.Type, scope.R) {
			out = append(out, m.Type)
		}
	}
	if len(out) == 0 {
		return nil, emr.Errorf(emr.EFORBIDDEN, "the token may read none of the types a %s-level export covers", level)
	}
	return out, nil
}

// exportTypeFilters checks each _typeFilter ("Type?search", export.html
// #_typefilter-experimental-query-parameter) parses as a strict search of
// an exported type.
func (s *Server) exportTypeFilters(c *call, types, filters []string) ([]string, error) {
	for _, f := range filters {
		typ, query, _ := strings.Cut(f, "?")
		m := s.mappings[typ]
		if m == nil || !slices.Contains(types, typ) {
			return nil, emr.Errorf(emr.EINVALID, "_typeFilter %q names a type that is not exported", f)
		}
		values, err := url.ParseQuery(query)
		if err != nil || len(values) == 0 {
			return nil, emr.Errorf(emr.EINVALID, "_typeFilter %q is not Type?search-parameters", f)
		}
		if _, err := s.typeFilterConds(c, m, values); err != nil {
			return nil, err
		}
	}
	return filters, nil
}

// typeFilterConds are the conditions of one _typeFilter's search.
func (s *Server) typeFilterConds(c *call, m *fhirmap.Mapping, values url.Values) ([]emr.Cond, error) {
	for key := range values {
		if controls[key] {
			return nil, emr.Errorf(emr.EINVALID, "_typeFilter takes search parameters, not %s", key)
		}
	}
	q, err := s.parseSearch(c.r.Context(), m, values, true)
	if err != nil {
		return nil, err
	}
	return q.conds, nil
}

var elementName = regexp.MustCompile(`^([A-Z][A-Za-z]+\.)?[a-z][A-Za-z0-9]*$`)

// exportElements checks _elements: "element" for every type or
// "Type.element" for one (export.html#query-parameters).
func exportElements(types, elements []string) ([]string, error) {
	for _, e := range elements {
		if !elementName.MatchString(e) {
			return nil, emr.Errorf(emr.EINVALID, "_elements %q is not an element name or Type.element", e)
		}
		if typ, _, ok := strings.Cut(e, "."); ok && !slices.Contains(types, typ) {
			return nil, emr.Errorf(emr.EINVALID, "_elements %q names a type that is not exported", e)
		}
	}
	return elements, nil
}

// commaList splits repeated, comma-separated values.
func commaList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
