package fhir

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// control applies one result parameter (R4 §3.1.1.5).
func (q *search) control(s *Server, m *fhirmap.Mapping, name string, values []string) error {
	v := values[len(values)-1]
	switch name {
	case "_count":
		n, ok := atoiRange(v, 0, 1<<30)
		if !ok {
			return emr.Errorf(emr.EINVALID, "_count must be a whole number ≥ 0, not %q", v)
		}
		q.count = min(n, s.o.MaxCount)
		if n == 0 {
			q.summary = true
		}
	case "_sort":
		sort, err := parseSort(m, v)
		if err != nil {
			return err
		}
		q.sort = sort
	case "_summary":
		switch v {
		case "count":
			q.summary = true
		case "false":
		default:
			q.ignored = append(q.ignored, "_summary="+v)
		}
	case "_elements":
		q.elements = parseElements(v)
	case "_include":
		for _, v := range values {
			if p, ok := parseInclude(m, v); ok {
				q.include = append(q.include, p)
			} else {
				q.ignored = append(q.ignored, "_include="+v)
			}
		}
	case "_revinclude":
		for _, v := range values {
			if v == "Provenance:target" {
				q.revProvenance = true
			} else {
				q.ignored = append(q.ignored, "_revinclude="+v)
			}
		}
	case paramCursor:
		c, err := decodeCursor(v)
		if err != nil {
			return err
		}
		q.cursor = c
	}
	return nil
}

// parseSort reads _sort: parameter names, "-" for descending (R4
// §3.1.1.5.3). A parameter sorts by its first field.
func parseSort(m *fhirmap.Mapping, v string) ([]emr.SortKey, error) {
	var out []emr.SortKey
	for _, name := range strings.Split(v, ",") {
		desc := strings.HasPrefix(name, "-")
		name = strings.TrimPrefix(name, "-")
		p := paramOf(m, name)
		if p == nil || p.Type == fhirmap.Reference || len(p.Fields) == 0 {
			return nil, emr.Errorf(emr.EINVALID, "_sort: %s cannot be sorted by %q", m.Type, name)
		}
		out = append(out, emr.SortKey{Field: p.Fields[0], Desc: desc})
	}
	return out, nil
}
