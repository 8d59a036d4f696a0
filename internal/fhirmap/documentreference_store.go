package fhirmap

import (
	"context"
	"strconv"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// documentReferenceStore files the document FHIR mapped, as the Standard
// API's upload stores one (resource.SaveDocument: row, bytes and SHA-256,
// category), or rewrites it on an update. The category is the one of the
// document's type (resource.DocumentCategoryFor). An update that names
// the document's own Binary keeps its bytes. A document stays with its
// patient.
func documentReferenceStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	num := func(k string) int64 { n, _ := strconv.ParseInt(valueText(v[k]), 10, 64); return n }
	doc := &emr.Document{
		PID: num("foreign_id"), EncounterID: num("encounter_id"), Owner: num("owner"),
		Name: valueText(v["name"]), MimeType: valueText(v["mimetype"]), Date: valueText(v["date"]), DocDate: valueText(v["docdate"]),
	}
	if doc.Date == "" {
		doc.Date = time.Now().UTC().Format("2006-01-02 15:04:05")
	}
	data, _ := v["content"].([]byte)
	if from := valueText(v["from"]); from != "" {
		src, err := w.Get(ctx, resource.Document, emr.Eq("uuid", from))
		if err != nil {
			return "", err
		}
		if current != nil && from == current.Str("uuid") {
			// The document's own bytes stay as they are.
			doc.Size, _ = strconv.ParseInt(src.Str("size"), 10, 64)
			doc.Hash = src.Str("hash")
		} else if data, err = resource.StoredBytes(ctx, w, src.Str("id")); err != nil {
			return "", err
		}
	}
	if data != nil {
		doc.Size, doc.Hash = int64(len(data)), emr.DocumentHash(data)
	}
	var err error
	doc.CategoryID, err = resource.DocumentCategoryFor(ctx, w, valueText(v["loinc"]), valueText(v["type_title"]), v["clinical"] == "1")
	if err != nil {
		return "", err
	}
	if current == nil {
		err := resource.SaveDocument(ctx, w, doc, data)
		return doc.UUID, err
	}
	if current.Str("foreign_id") != valueText(v["foreign_id"]) {
		return "", invalid("DocumentReference.subject", "a document cannot move to another patient")
	}
	doc.ID, _ = strconv.ParseInt(current.Str("id"), 10, 64)
	return current.Str("uuid"), resource.ReplaceDocument(ctx, w, doc, data)
}

// valueText is a mapped value as text.
func valueText(v any) string {
	s, _ := v.(string)
	return s
}
