package openapi

import (
	"fmt"
	"strings"

	"goemr/internal/resource"
)

// numericPattern is what OpenEMR's Numeric rule admits as a string: a
// decimal number, without hex, infinities or digit separators.
const numericPattern = `^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$`

const dateTimePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$`

// record returns the name of the record schema of r's resource, made on
// first use. Two resources may share a name (the portal's appointment has
// its own shape); the later one is prefixed with portal_ when it is served
// by the portal, else numbered.
func (b *builder) record(r *resource.Route) string {
	d := r.Def
	if n, ok := b.names[d]; ok {
		return n
	}
	n := b.free(d.Name, r.Portal())
	b.names[d] = n
	b.schemas[n] = recordSchema(d)
	return n
}

func (b *builder) free(base string, portal bool) string {
	if base == "" {
		base = "resource"
	}
	try := []string{base}
	if portal {
		try = append(try, "portal_"+base)
	}
	for _, n := range try {
		if _, taken := b.schemas[n]; !taken {
			return n
		}
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s_%d", base, i); b.schemas[n] == nil {
			return n // taken names always hold a schema
		}
	}
}

// recordSchema is a record as the API sends it: every field that is not
// hidden, as a string or null (database values are sent as strings, §4.1).
// Records may carry more keys than their columns (a patient's addresses and
// previous_names), hence additionalProperties.
func recordSchema(d *resource.Def) *schema {
	s := &schema{Type: "object", Description: d.Summary, AdditionalProperties: true}
	for i := range d.Fields {
		f := &d.Fields[i]
		if f.Hidden {
			continue
		}
		if s.Properties == nil {
			s.Properties = map[string]*schema{}
		}
		if f.Shaped {
			s.Properties[f.Name] = &schema{Nullable: true, Description: "Shaped by the resource (a map of codes, a number or a boolean)."}
			continue
		}
		s.Properties[f.Name] = &schema{Type: "string", Nullable: true, Description: kindNote(f)}
	}
	return s
}

func kindNote(f *resource.Field) string {
	var note string
	switch f.Kind {
	case resource.Int:
		note = "A whole number."
	case resource.Decimal:
		note = "A decimal number."
	case resource.Date:
		note = "A date, Y-m-d."
	case resource.DateTime, resource.Unix:
		note = "A date and time, Y-m-d H:i:s."
	}
	if f.Label != "" {
		note = strings.TrimSpace(f.Label + ". " + note)
	}
	return note
}

type requestKey struct {
	def    *resource.Def
	create bool
}

// request returns a reference to the body schema of a create or an update
// of r's resource, or nil when the resource declares no writable field.
func (b *builder) request(r *resource.Route, create bool) *schema {
	d := r.Def
	key := requestKey{d, create}
	if n, ok := b.requests[key]; ok {
		return schemaRef(n)
	}
	s := &schema{Type: "object", Properties: map[string]*schema{}}
	for i := range d.Fields {
		f := &d.Fields[i]
		if !f.Write || !f.Stored() {
			continue // dropped by resource.Decode
		}
		rule := f.Update
		if create {
			rule = f.Create
		}
		if rule.Required {
			s.Required = append(s.Required, f.Name)
		}
		s.Properties[f.Name] = inputSchema(f, rule)
	}
	if len(s.Properties) == 0 {
		return nil
	}
	what := "update"
	if create {
		what = "create"
	}
	s.Description = "The fields a " + what + " may set; other keys are ignored. Values may be strings or " +
		"numbers (true and false are stored as 1 and 0). An optional field sent empty or null skips its other rules."
	n := b.free(b.record(r)+"_"+what, false)
	b.requests[key] = n
	b.schemas[n] = s
	return schemaRef(n)
}

// inputSchema is one writable field under rule: its length, format and
// allowed values (resource.Validate). Numbers may be sent as JSON numbers
// or as numeric strings.
func inputSchema(f *resource.Field, rule resource.Rule) *schema {
	str := &schema{Type: "string", MinLength: rule.Min, MaxLength: rule.Max, Nullable: !rule.Required}
	var notes []string
	if f.Label != "" {
		notes = append(notes, f.Label+".")
	}
	format := rule.Format
	if format == resource.AnyFormat {
		switch f.Kind {
		case resource.Date:
			format = resource.FormatDate
		case resource.DateTime, resource.Unix:
			format = resource.FormatDateTime
		case resource.Int, resource.Decimal:
			format = resource.FormatNumeric
		}
	}
	switch format {
	case resource.FormatDate:
		str.Format = "date"
	case resource.FormatDateTime:
		// Not OpenAPI's date-time: that is RFC 3339, which the rule rejects.
		str.Pattern, str.Example = dateTimePattern, "2024-01-31 13:45:00"
		notes = append(notes, "Y-m-d H:i:s.")
	case resource.FormatTime:
		str.Pattern = "^[0-9]{2}:[0-9]{2}$"
		notes = append(notes, "HH:MM.")
	case resource.FormatEmail:
		str.Format = "email"
	case resource.FormatURL:
		str.Format = "uri"
	}
	for _, v := range rule.OneOf {
		str.Enum = append(str.Enum, v)
	}
	if str.Enum != nil && str.Nullable {
		str.Enum = append(str.Enum, nil) // an enum admits null only when it lists it
	}
	if rule.List != "" {
		notes = append(notes, "An option_id of the list "+rule.List+".")
	}
	if rule.Exists != "" {
		notes = append(notes, "Must match an existing "+rule.Exists+".")
	}
	note := strings.Join(notes, " ")
	if format != resource.FormatNumeric || len(rule.OneOf) > 0 {
		str.Description = note
		return str
	}
	str.Pattern = numericPattern
	return &schema{Description: note, OneOf: []*schema{{Type: "number", Nullable: str.Nullable}, str}}
}
