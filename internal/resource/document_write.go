package resource

import (
	"context"
	"strconv"

	"goemr/internal/emr"
)

// Patient documents as every API stores them (openemr-standard-api.md
// §3.14): the documents row, its bytes in documents_blob, and its filing
// in categories_to_documents, written together in the caller's
// transaction. The Standard API's upload and FHIR's DocumentReference
// create both store documents so.

// documentType is OpenEMR's documents.type for bytes held in the database
// (its enum is file_url, blob, web_url).
const documentType = "blob"

var (
	// DocumentBlob holds a document's bytes, apart from its row so that
	// listing documents never reads file contents.
	DocumentBlob = &Def{
		Name: "document_blob", Table: "documents_blob", Key: "document_id",
		Fields: []Field{Col("document_id", As(Int)), Col("data", DetailOnly)},
	}
	// DocumentFiling is which category a document is filed under.
	DocumentFiling = &Def{
		Name: "document_filing", Table: "categories_to_documents", Key: "document_id",
		Fields: []Field{Col("category_id", As(Int)), Col("document_id", As(Int))},
	}
)

// documentRow is the documents columns of d.
func documentRow(d *emr.Document) map[string]any {
	return map[string]any{
		"type": documentType, "size": d.Size, "date": d.Date, "url": d.Name, "mimetype": d.MimeType,
		"owner": d.Owner, "foreign_id": d.PID, "docdate": d.DocDate, "hash": d.Hash, "name": d.Name,
		"encounter_id": d.EncounterID, "storagemethod": "0", "deleted": "0",
	}
}

// SaveDocument stores d with its bytes, filed under d.CategoryID, and
// sets d.ID and d.UUID. d.Hash and d.Size must describe data
// (emr.DocumentHash).
func SaveDocument(ctx context.Context, w Writer, d *emr.Document, data []byte) error {
	rec, err := w.Insert(ctx, Document, documentRow(d))
	if err != nil {
		return err
	}
	id, _ := rec["id"].(int64)
	if _, err := w.Insert(ctx, DocumentBlob, map[string]any{"document_id": id, "data": data}); err != nil {
		return err
	}
	if _, err := w.Insert(ctx, DocumentFiling, map[string]any{"category_id": d.CategoryID, "document_id": id}); err != nil {
		return err
	}
	d.ID, d.UUID = id, rec.Str("uuid")
	return nil
}

// ReplaceDocument rewrites the stored document d.ID: its row (once, so
// that its version moves by one), its filing, and its bytes unless data
// is nil (the bytes stay; d.Hash and d.Size must then be theirs).
func ReplaceDocument(ctx context.Context, w Writer, d *emr.Document, data []byte) error {
	id := strconv.FormatInt(d.ID, 10)
	if _, err := w.Update(ctx, Document, documentRow(d), emr.Eq("id", id)); err != nil {
		return err
	}
	if data != nil {
		if _, err := w.Update(ctx, DocumentBlob, map[string]any{"data": data}, emr.Eq("document_id", id)); err != nil {
			return err
		}
	}
	if _, err := w.Delete(ctx, DocumentFiling, emr.Eq("document_id", id)); err != nil {
		return err
	}
	_, err := w.Insert(ctx, DocumentFiling, map[string]any{"category_id": d.CategoryID, "document_id": d.ID})
	return err
}

// StoredBytes reads the bytes of document id inside the transaction.
func StoredBytes(ctx context.Context, r Reader, id string) ([]byte, error) {
	rec, err := r.Get(ctx, DocumentBlob, emr.Eq("document_id", id))
	if err != nil {
		return nil, err
	}
	return []byte(rec.Str("data")), nil
}
