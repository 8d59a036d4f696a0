package ccda

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// builder holds what every section builder reads: the input, its
// resources by reference, and the counters that keep narrative ids
// unique in the document.
type builder struct {
	in    *Input
	refs  map[string]r4.Resource // "Practitioner/{id}"
	nids  map[string]int         // narrative id prefix → last number
	root  string                 // id root for resource ids that are not UUIDs
	start time.Time
	end   time.Time
}

// fallbackRoot is the id root of resource ids that are no UUIDs when the
// custodian's id is none either: a UUID of goemr's (an II root may be a
// UUID, CDA R2 datatypes "II").
const fallbackRoot = "6f0e7d1c-4b55-4f3c-9e8e-2f6a1c0b7d42"

func newBuilder(in *Input) *builder {
	b := &builder{in: in, refs: map[string]r4.Resource{}, nids: map[string]int{}, root: fallbackRoot,
		start: in.Start, end: in.End}
	if id := deref(in.Custodian.ID); isUUID(id) {
		b.root = id
	}
	for _, r := range in.Resources {
		if id := resourceID(r); id != "" {
			b.refs[r.ResourceType()+"/"+id] = r
		}
	}
	if id := deref(in.Patient.ID); id != "" {
		b.refs["Patient/"+id] = in.Patient
	}
	if in.Custodian.ID != nil {
		b.refs["Organization/"+*in.Custodian.ID] = in.Custodian
	}
	return b
}

// resourceID is a resource's id: every generated resource type has an ID
// *string field (internal/fhir/r4 doc.go).
func resourceID(r r4.Resource) string {
	v := reflect.ValueOf(r)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return ""
	}
	f := v.Elem().FieldByName("ID")
	if !f.IsValid() || f.IsNil() {
		return ""
	}
	return f.Elem().String()
}

// each lists the input's resources of type T in input order.
func each[T r4.Resource](b *builder) []T {
	var out []T
	for _, r := range b.in.Resources {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// resolve finds the resource a reference names ("Type/id", relative or
// absolute), nil when the input does not hold it.
func (b *builder) resolve(ref *r4.Reference) r4.Resource {
	if ref == nil || ref.Reference == nil {
		return nil
	}
	parts := strings.Split(strings.TrimRight(*ref.Reference, "/"), "/")
	if len(parts) < 2 {
		return nil
	}
	return b.refs[parts[len(parts)-2]+"/"+parts[len(parts)-1]]
}

// nid is a new narrative ID, unique in the document (CDA R2 §4.3.5.1: an
// entry's reference points at the ID of the narrative it corresponds to).
func (b *builder) nid(prefix string) string {
	b.nids[prefix]++
	return prefix + strconv.Itoa(b.nids[prefix])
}

// isUUID reports whether s is a UUID in its 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'):
			return false
		}
	}
	return true
}

// id is the II of a resource: its UUID as root, else the id under the
// custodian's root with the type, so that every entry keeps the identity
// of the FHIR resource it comes from.
func (b *builder) id(typ, fhirID string) *node {
	switch {
	case fhirID == "":
		return el("id", "nullFlavor", "NI")
	case isUUID(fhirID):
		return el("id", "root", strings.ToLower(fhirID))
	}
	return el("id", "root", b.root, "extension", typ+"/"+fhirID)
}

// subID is the II of a part of a resource that C-CDA gives its own id
// (the observation inside a concern act, a reaction…).
func (b *builder) subID(typ, fhirID, part string) *node {
	return el("id", "root", b.root, "extension", typ+"/"+fhirID+"/"+part)
}
