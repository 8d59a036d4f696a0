package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// documentReferenceFromFHIR maps a US Core DocumentReference onto a
// patient document, the inverse of documentReferenceToFHIR: subject,
// type (the LOINC code of the category it is filed under), the
// clinical-note category, date, the authoring practitioner, the
// encounter, the period's start (docdate) and the one attachment. The
// bytes come inline (attachment.data) or from a document this server
// already has (attachment.url [base]/Binary/{id}); an attachment
// elsewhere cannot be fetched, and the read could not show it. Keys
// beyond documents' columns carry the bytes and the filing to
// documentReferenceStore.
func documentReferenceFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	d, ok := res.(*r4.DocumentReference)
	if !ok {
		return nil, invalid("resourceType", "a DocumentReference is expected")
	}
	if s := deref(d.Status); s != "current" {
		return nil, invalid("DocumentReference.status", "must be current: a superseded or erroneous document is not kept, not %q", s)
	}
	if d.Subject == nil {
		return nil, invalid("DocumentReference.subject", "is required (US Core)")
	}
	pid, err := w.reference("DocumentReference.subject", d.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("DocumentReference.subject", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"foreign_id": pid, "owner": "", "encounter_id": "", "docdate": ""}
	if err := documentTypeFrom(d, v); err != nil {
		return nil, err
	}
	if v["date"], err = timeFrom("DocumentReference.date", d.Date); err != nil {
		return nil, err
	}
	for _, a := range d.Author {
		ref := deref(a.Reference)
		switch {
		case strings.Contains(ref, "Organization/"):
			// The organization is the custodian, which the read shows as
			// the author when no practitioner is.
		case v["owner"] != "":
			return nil, invalid("DocumentReference.author", "OpenEMR records one practitioner who filed a document")
		default:
			if v["owner"], err = w.reference("DocumentReference.author", &a, "Practitioner", "id"); err != nil {
				return nil, err
			}
		}
	}
	if err := documentContextFrom(w, d.Context, pid, v); err != nil {
		return nil, err
	}
	return v, documentContentFrom(w, d.Content, pid, v)
}

// documentTypeFrom reads the type (a LOINC code, or unknown) and whether
// the document is a clinical note.
func documentTypeFrom(d *r4.DocumentReference, v map[string]any) error {
	if d.Type == nil {
		return invalid("DocumentReference.type", "is required (US Core)")
	}
	v["loinc"], v["type_title"] = "", firstOf(deref(d.Type.Text))
	for _, c := range d.Type.Coding {
		switch deref(c.System) {
		case systemLOINC:
			if v["loinc"] == "" {
				v["loinc"] = strings.TrimSpace(deref(c.Code))
				v["type_title"] = firstOf(deref(d.Type.Text), deref(c.Display))
			}
		case systemNullFlav:
			// US Core's type value set adds UNK to LOINC's codes.
			if deref(c.Code) != "UNK" {
				return invalid("DocumentReference.type", "%q is not a document type: LOINC, or UNK when unknown", deref(c.Code))
			}
		default:
			if len(d.Type.Coding) == 1 {
				return invalid("DocumentReference.type", "must be a LOINC document type (or unknown) to be stored")
			}
		}
	}
	if strings.ContainsAny(v["loinc"].(string), ";: ") {
		return invalid("DocumentReference.type", "%q is not a LOINC code", v["loinc"])
	}
	v["clinical"] = ""
	for i := range d.Category {
		if conceptCode(&d.Category[i], systemDocRefCategory) == "clinical-note" {
			v["clinical"] = "1"
		}
	}
	return nil
}

// documentContextFrom reads the encounter (the patient's own) and the
// start of the period, the date the document is about.
func documentContextFrom(w *WriteContext, c *r4.DocumentReferenceContext, pid string, v map[string]any) error {
	if c == nil {
		return nil
	}
	if len(c.Encounter) > 1 {
		return invalid("DocumentReference.context.encounter", "OpenEMR links a document to one encounter")
	}
	for _, e := range c.Encounter {
		n, err := w.reference("DocumentReference.context.encounter", &e, "Encounter", "encounter")
		if err != nil {
			return err
		}
		if of, _, err := w.Resolve("Encounter", referencedID(&e), "pid"); err != nil || of != pid {
			return invalid("DocumentReference.context.encounter", "must be an encounter of the document's patient")
		}
		v["encounter_id"] = n
	}
	if c.Period != nil {
		day, err := dayFrom("DocumentReference.context.period.start", c.Period.Start)
		if err != nil {
			return err
		}
		v["docdate"] = day
	}
	return nil
}
