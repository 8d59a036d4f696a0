package fhirmap

import (
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// DocumentReference is a patient's documents as US Core DocumentReference
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-documentreference.html),
// as OpenEMR's FhirPatientDocumentReferenceService shows them: the type is
// the LOINC code of the document's category, else unknown; the category
// is clinical-note for the clinical branches of the category tree, with
// the category itself; the bytes are at [base]/Binary/{document uuid}.
var DocumentReference = &Mapping{
	Type:     "DocumentReference",
	Profiles: documentReferenceProfiles,
	Def:      resource.FHIRDocumentReference,
	WriteDef: resource.Document,
	ID:       "uuid", Updated: "date", Patient: "foreign_id",
	Refs: []Ref{
		{Name: "patient", Field: "foreign_id", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "author", Field: "owner", Def: resource.Practitioner, By: "id", Take: "uuid"},
		{Name: "encounter", Field: "encounter_id", Def: resource.Encounter, By: "encounter", Take: "uuid"},
		VersionRef("documents", "id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"foreign_id"}, Target: "Patient", TargetKey: "pid"},
		{Code: "type", Type: Token, Fields: []string{"category_codes"}, Tokens: documentType,
			Doc: "A LOINC document type, or http://terminology.hl7.org/CodeSystem/v3-NullFlavor|UNK"},
		{Code: "category", Type: Token, Fields: []string{"clinical_note"}, Tokens: documentCategory,
			Doc: "clinical-note (http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category)"},
		{Code: "date", Type: Date, Fields: []string{"date"}, Doc: "When the document was filed"},
		{Code: "period", Type: Date, Fields: []string{"docdate"}, Doc: "The date of the document's content"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemDocRefStatus)},
	},
	ToFHIR:   documentReferenceToFHIR,
	FromFHIR: documentReferenceFromFHIR,
	Store:    documentReferenceStore,
	Paths: map[string]string{
		"foreign_id": "DocumentReference.subject", "owner": "DocumentReference.author",
		"encounter_id": "DocumentReference.context.encounter", "docdate": "DocumentReference.context.period.start",
		"date": "DocumentReference.date", "mimetype": "DocumentReference.content.attachment.contentType",
	},
}

var documentReferenceProfiles = profiles("us-core-documentreference")

func documentReferenceToFHIR(rec emr.Record, c *Context) r4.Resource {
	uuid := rec.Str("uuid")
	d := &r4.DocumentReference{
		ID:   text(uuid),
		Meta: meta(documentReferenceProfiles, rec.Str("date")),
		// The uuid is the only business identifier OpenEMR gives a
		// document; as a URN it is globally unique (RFC 3986).
		Identifier: []r4.Identifier{{System: ptr("urn:ietf:rfc:3986"), Value: ptr("urn:uuid:" + uuid)}},
		Status:     ptr("current"),
		Type:       documentTypeConcept(rec.Str("category_codes"), rec.Str("category_name")),
		Category:   documentCategories(rec),
		Subject:    &r4.Reference{Extension: absent("unknown")},
		Date:       instant(rec.Str("date")),
		Content: []r4.DocumentReferenceContent{{
			Attachment: &r4.Attachment{
				ContentType: text(rec.Str("mimetype")),
				Url:         ptr(c.Base + "/Binary/" + uuid),
				Title:       text(rec.Str("name")),
			},
			Format: ptr(coding(systemIHEFormat, "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient")),
		}},
	}
	d.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	if n, err := strconv.ParseInt(rec.Str("size"), 10, 64); err == nil && n > 0 {
		d.Content[0].Attachment.Size = &n
	}
	if id, ok := c.Ref("patient", rec.Str("foreign_id")); ok {
		d.Subject = reference("Patient", id)
	}
	// The organization keeps every document; it is the author too when
	// the uploader is no practitioner, as in OpenEMR.
	org := text(rec.Str("custodian_uuid"))
	if org != nil {
		d.Custodian = reference("Organization", *org)
	}
	if id, ok := c.Ref("author", rec.Str("owner")); ok {
		d.Author = []r4.Reference{*reference("Practitioner", id)}
	} else if org != nil {
		d.Author = []r4.Reference{*reference("Organization", *org)}
	}
	ctx := &r4.DocumentReferenceContext{}
	if id, ok := c.Ref("encounter", rec.Str("encounter_id")); ok {
		ctx.Encounter = []r4.Reference{*reference("Encounter", id)}
	}
	if day := date(rec.Str("docdate")); day != nil {
		ctx.Period = &r4.Period{Start: day}
	}
	if ctx.Encounter != nil || ctx.Period != nil {
		d.Context = ctx
	}
	return d
}
