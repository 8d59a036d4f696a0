package gen

import (
	"fmt"
	"strings"
)

// goPrimitives maps each FHIR primitive datatype to its Go type. A
// primitive missing here stops the generator rather than guessing.
var goPrimitives = map[string]string{
	"boolean":      "bool",
	"integer":      "int64",
	"positiveInt":  "int64",
	"unsignedInt":  "int64",
	"decimal":      "json.Number", // keeps the exact digits, written as a number
	"string":       "string",
	"code":         "string",
	"id":           "string",
	"uri":          "string",
	"url":          "string",
	"canonical":    "string",
	"oid":          "string",
	"uuid":         "string",
	"markdown":     "string",
	"date":         "string",
	"dateTime":     "string",
	"instant":      "string",
	"time":         "string",
	"base64Binary": "string",
	"xhtml":        "string",
}

// systemString is the type of element ids, resource ids and Extension.url:
// plain JSON strings that, unlike FHIR primitives, carry no extensions.
const systemString = "http://hl7.org/fhirpath/System.String"

// typed returns the field(s) for an element named name of the single
// FHIR type code.
func (d *definitions) typed(name, code string, repeated bool, doc string) ([]goField, error) {
	if base, ok := d.aliases[code]; ok {
		code = base
	}
	switch {
	case code == systemString:
		return []goField{field(name, "string", repeated, doc)}, nil
	case d.primitives[code]:
		t, ok := goPrimitives[code]
		if !ok {
			return nil, fmt.Errorf("primitive %s has no Go type", code)
		}
		f := field(name, t, repeated, doc)
		if code == "xhtml" { // the narrative div carries no extensions
			return []goField{f}, nil
		}
		ext := goField{Name: f.Name + "Ext", JSON: "_" + name, Type: "*Element", Doc: "Extensions for " + name}
		if repeated {
			ext.Type = "[]*Element" // null where an item has none
		}
		return []goField{f, ext}, nil
	case code == "Resource" || code == "DomainResource" || d.resources[code] != nil:
		// A nested resource stays raw JSON; Decode reads it.
		t := "json.RawMessage"
		if repeated {
			t = "[]" + t
		}
		return []goField{{Name: fieldName(name), JSON: name, Type: t, Doc: doc}}, nil
	case d.isComplex(code):
		return []goField{field(name, code, repeated, doc)}, nil
	}
	return nil, fmt.Errorf("unknown type %s", code)
}

func (d *definitions) isComplex(code string) bool {
	for _, sd := range d.complex {
		if sd.Name == code {
			return true
		}
	}
	return false
}

// typeName is the Go type of an element path: each segment with its first
// letter upper-cased, joined (Bundle.entry.request → BundleEntryRequest).
func typeName(path string) string {
	var b strings.Builder
	for seg := range strings.SplitSeq(path, ".") {
		b.WriteString(upperFirst(seg))
	}
	return b.String()
}

// fieldName is the Go field of an element name; "id" is spelled ID.
func fieldName(name string) string {
	if name == "id" {
		return "ID"
	}
	return upperFirst(name)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	return strings.ToLower(s[:1]) + s[1:]
}

// oneLine is text trimmed and folded to a single line, or fallback when
// it is empty.
func oneLine(text, fallback string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return fallback
	}
	return text
}
