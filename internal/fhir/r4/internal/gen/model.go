package gen

import (
	"fmt"
	"strings"
)

// goStruct is one generated struct: a resource, a datatype or a backbone
// element.
type goStruct struct {
	Name   string // Go type name
	Path   string // element path it represents
	Doc    string // short text of the element
	Fields []goField
}

// goField is one struct field.
type goField struct {
	Name string // Go field name
	JSON string // JSON member name
	Type string // Go type
	Doc  string // one-line comment
}

// structs turns a StructureDefinition's snapshot into the root struct
// followed by one struct per backbone element, in snapshot order.
// notR4 are elements the definitions' publisher (Medplum) added to the R4
// StructureDefinitions; they are not FHIR R4 (the official fhir.schema.json
// lacks them), so a strict decoder must refuse them and nothing may write
// them.
var notR4 = map[string]bool{
	"Meta.project": true, "Meta.author": true, "Meta.onBehalfOf": true, "Meta.account": true,
	"Meta.accounts": true, "Meta.compartment": true, "Binary.url": true,
}

func (d *definitions) structs(sd *structureDefinition) ([]goStruct, error) {
	els := sd.Snapshot.Element
	if len(els) == 0 || els[0].Path != sd.Name {
		return nil, fmt.Errorf("%s: snapshot does not start at %s", sd.Name, sd.Name)
	}
	children := map[string][]*element{}
	for i := 1; i < len(els); i++ {
		e := &els[i]
		if notR4[e.Path] {
			continue
		}
		dot := strings.LastIndex(e.Path, ".")
		if dot < 0 {
			return nil, fmt.Errorf("%s: second root element %s", sd.Name, e.Path)
		}
		children[e.Path[:dot]] = append(children[e.Path[:dot]], e)
	}
	var out []goStruct
	for i := range els {
		e := &els[i]
		if i > 0 && len(children[e.Path]) == 0 {
			continue
		}
		s := goStruct{Name: typeName(e.Path), Path: e.Path, Doc: oneLine(e.Short, e.Path)}
		seen := map[string]bool{}
		for _, c := range children[e.Path] {
			fields, err := d.fields(c, children)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.Path, err)
			}
			for _, f := range fields {
				if seen[f.Name] || seen["json:"+f.JSON] {
					return nil, fmt.Errorf("%s: duplicate field %s (%s)", c.Path, f.Name, f.JSON)
				}
				seen[f.Name], seen["json:"+f.JSON] = true, true
			}
			s.Fields = append(s.Fields, fields...)
		}
		out = append(out, s)
	}
	return out, nil
}

// fields returns the Go fields of one child element: one per type of a
// choice element, each primitive followed by its extension field.
func (d *definitions) fields(e *element, children map[string][]*element) ([]goField, error) {
	if e.Max == "0" {
		return nil, nil
	}
	repeated := e.Max != "1"
	name := e.Path[strings.LastIndex(e.Path, ".")+1:]
	doc := oneLine(e.Short, e.Path)
	switch {
	case e.ContentReference != "":
		ref := e.ContentReference[strings.Index(e.ContentReference, "#")+1:]
		if len(children[ref]) == 0 {
			return nil, fmt.Errorf("contentReference %s names no backbone element", e.ContentReference)
		}
		return []goField{field(name, typeName(ref), repeated, doc)}, nil
	case len(children[e.Path]) > 0:
		return []goField{field(name, typeName(e.Path), repeated, doc)}, nil
	case strings.HasSuffix(name, "[x]"):
		if repeated {
			return nil, fmt.Errorf("repeated choice element")
		}
		base := strings.TrimSuffix(name, "[x]")
		var out []goField
		for _, t := range e.Type {
			fs, err := d.typed(base+upperFirst(t.Code), t.Code, false, doc)
			if err != nil {
				return nil, err
			}
			out = append(out, fs...)
		}
		return out, nil
	case len(e.Type) != 1:
		return nil, fmt.Errorf("%d types on a non-choice element", len(e.Type))
	}
	return d.typed(name, e.Type[0].Code, repeated, doc)
}

// field is a field holding a single value through a pointer, or repeated
// values in a slice (of values, not pointers).
func field(name, typ string, repeated bool, doc string) goField {
	if repeated {
		return goField{Name: fieldName(name), JSON: name, Type: "[]" + typ, Doc: doc}
	}
	return goField{Name: fieldName(name), JSON: name, Type: "*" + typ, Doc: doc}
}
