package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// pq is a PQ element of a FHIR Quantity, its unit the UCUM code (else
// the unit text, else "1", the unity of UCUM); a value element also
// needs xsi:type PQ (pqValue).
func pq(name string, q *r4.Quantity) *node {
	if q == nil || q.Value == nil {
		return el(name, "nullFlavor", "UNK")
	}
	return el(name, "value", q.Value.String(), "unit", unit(q))
}

// pqValue is an observation value of type PQ.
func pqValue(q *r4.Quantity) *node {
	n := pq("value", q)
	n.attrs = append([]string{"xsi:type", "PQ"}, n.attrs...)
	return n
}

// unit is a Quantity's UCUM unit.
func unit(q *r4.Quantity) string {
	u := firstOf(deref(q.Code), deref(q.Unit))
	if u == "" || strings.ContainsAny(u, " ") {
		return "1"
	}
	return u
}

// quantityText is a Quantity as people read it.
func quantityText(q *r4.Quantity) string {
	if q == nil || q.Value == nil {
		return ""
	}
	return strings.TrimSpace(deref(q.Comparator) + q.Value.String() + " " + firstOf(deref(q.Unit), deref(q.Code)))
}
