package fhirmap

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// text returns a pointer to s trimmed, or nil when nothing is left: FHIR
// forbids empty strings (R4 §2.6.2, "strings SHALL NOT be empty").
func text(s string) *string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return &s
}

func ptr[T any](v T) *T { return &v }

// date returns a stored Y-m-d (or the date part of a datetime) as a FHIR
// date, or nil for OpenEMR's empty and zero dates.
func date(s string) *string {
	if len(s) < 10 {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return nil
	}
	return ptr(s[:10])
}

// instant returns a stored "Y-m-d H:i:s" (UTC, as goemr stores times) as
// a FHIR instant, a date-only value as a FHIR date-time at midnight UTC,
// or nil.
func instant(s string) *string {
	switch len(s) {
	case 19:
		t, err := time.Parse("2006-01-02 15:04:05", s)
		if err != nil || t.Year() < 1 {
			return nil
		}
		return ptr(t.Format("2006-01-02T15:04:05Z"))
	case 10:
		if date(s) == nil {
			return nil
		}
		return ptr(s + "T00:00:00Z")
	}
	return nil
}

// dateTime is a stored datetime as a FHIR dateTime (the same as an
// instant for goemr's UTC times), or a stored date as a FHIR date.
func dateTime(s string) *string {
	if len(s) == 10 {
		return date(s)
	}
	return instant(s)
}

// meta gives a resource its profiles and, from the stored time updated,
// its lastUpdated.
func meta(profiles []string, updated string) *r4.Meta {
	return &r4.Meta{Profile: profiles, LastUpdated: instant(updated)}
}

// reference is a literal reference to typ/id (R4 §2.3.0.1).
func reference(typ, id string) *r4.Reference {
	return &r4.Reference{Reference: ptr(typ + "/" + id)}
}

// coding is a Coding with a display when one is given.
func coding(system, code, display string) r4.Coding {
	return r4.Coding{System: ptr(system), Code: ptr(code), Display: text(display)}
}

// concept is a CodeableConcept of one coding, with text.
func concept(system, code, display string) *r4.CodeableConcept {
	return &r4.CodeableConcept{Coding: []r4.Coding{coding(system, code, display)}, Text: text(display)}
}

// Data-absent reasons (http://hl7.org/fhir/StructureDefinition/data-absent-reason).
const (
	extDataAbsent  = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
	systemNullFlav = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
	systemAbsent   = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
)

// absent is the data-absent-reason extension with reason ("unknown",
// "asked-declined", …), for a required element without a value.
func absent(reason string) []r4.Extension {
	return []r4.Extension{{Url: ptr(extDataAbsent), ValueCode: ptr(reason)}}
}

// unknownConcept is a CodeableConcept saying the value is unknown, for
// required codes (US Core's "data-absent-reason" guidance for coded
// elements).
func unknownConcept() *r4.CodeableConcept {
	return &r4.CodeableConcept{Coding: []r4.Coding{coding(systemAbsent, "unknown", "Unknown")}, Text: ptr("Unknown")}
}
