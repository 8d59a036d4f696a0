package fhirmap

import (
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Media is a patient's image, video and DICOM documents as FHIR Media
// (https://hl7.org/fhir/R4/media.html; no US Core profile), as OpenEMR's
// Media service shows them: a completed recording of the patient whose
// content is at [base]/Binary/{document uuid}, as DocumentReference's is.
// The same documents are DocumentReferences too.
var Media = &Mapping{
	Type:    "Media",
	Def:     resource.FHIRMedia,
	ID:      "uuid",
	Updated: "date",
	Patient: "foreign_id",
	Refs: []Ref{
		{Name: "patient", Field: "foreign_id", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter_id", Def: resource.Encounter, By: "encounter", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"foreign_id"}, Target: "Patient", TargetKey: "pid"},
		{Code: "content-type", Type: String, Fields: []string{"mimetype"}, Doc: "The MIME type of the content (image/png, video/mp4, application/dicom)"},
		{Code: "title", Type: String, Fields: []string{"name"}, Doc: "The document's file name"},
	},
	ToFHIR: mediaToFHIR,
}

// systemMediaType is R4's media-type code system (image, video, audio).
const systemMediaType = "http://terminology.hl7.org/CodeSystem/media-type"

func mediaToFHIR(rec emr.Record, c *Context) r4.Resource {
	uuid, mime := rec.Str("uuid"), rec.Str("mimetype")
	m := &r4.Media{
		ID:   text(uuid),
		Meta: meta(nil, rec.Str("date")),
		// A filed document is a finished recording (R4 event-status).
		Status: ptr("completed"),
		Type:   mediaType(mime),
		Issued: instant(rec.Str("date")),
		Content: &r4.Attachment{
			ContentType: text(mime),
			Url:         ptr(c.Base + "/Binary/" + uuid),
			Title:       text(rec.Str("name")),
			Creation:    date(rec.Str("docdate")),
		},
	}
	// created: the date the content is of, else when it was filed.
	if m.CreatedDateTime = date(rec.Str("docdate")); m.CreatedDateTime == nil {
		m.CreatedDateTime = m.Issued
	}
	if n, err := strconv.ParseInt(rec.Str("size"), 10, 64); err == nil && n > 0 {
		m.Content.Size = &n
	}
	if id, ok := c.Ref("patient", rec.Str("foreign_id")); ok {
		m.Subject = reference("Patient", id)
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter_id")); ok {
		m.Encounter = reference("Encounter", id)
	}
	if note := text(rec.Str("notes")); note != nil {
		m.Note = []r4.Annotation{{Text: note}}
	}
	return m
}

// mediaType classifies the content by its MIME type; DICOM objects are
// images (R4 media-type has image, video and audio).
func mediaType(mime string) *r4.CodeableConcept {
	switch mime = strings.ToLower(mime); {
	case strings.HasPrefix(mime, "video/"):
		return concept(systemMediaType, "video", "Video")
	case strings.HasPrefix(mime, "audio/"):
		return concept(systemMediaType, "audio", "Audio")
	}
	return concept(systemMediaType, "image", "Image")
}
