package store

import (
	"context"
	"database/sql"
	"errors"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// Patient documents (openemr-standard-api.md §3.14): the documents row, its
// bytes in documents_blob and its category link are written together, in
// a transaction of their own rather than a shared group commit, so one
// large upload does not hold up the small writes of other requests.

// SaveDocument stores d and its bytes, filed under d.CategoryID, and sets
// d.ID and d.UUID (resource.SaveDocument). d.Hash and d.Size must already
// describe data.
func (s *Store) SaveDocument(ctx context.Context, d *emr.Document, data []byte) error {
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		return resource.SaveDocument(ctx, &records{q: tx, dialect: tx.Dialect(), tx: tx}, d, data)
	})
	return dbErr(err, "document")
}

// documentColumns are the columns scanDocument reads, in its order.
const documentColumns = `d.id, d.uuid, COALESCE(d.foreign_id, 0), COALESCE(d.encounter_id, 0), COALESCE(d.owner, 0),
	COALESCE(d.name, ''), COALESCE(d.mimetype, ''), COALESCE(d.size, 0), COALESCE(d.hash, ''),
	COALESCE(d.date, ''), COALESCE(d.docdate, '')`

func scanDocument(row scanner, d *emr.Document, more ...any) error {
	return row.Scan(append([]any{&d.ID, &d.UUID, &d.PID, &d.EncounterID, &d.Owner,
		&d.Name, &d.MimeType, &d.Size, &d.Hash, &d.Date, &d.DocDate}, more...)...)
}

// DocumentsInCategory returns the patient's live documents filed directly
// under the category, oldest first.
func (s *Store) DocumentsInCategory(ctx context.Context, pid, categoryID int64) ([]emr.Document, error) {
	rows, err := s.db.Query(ctx, `SELECT `+documentColumns+`
		FROM documents d JOIN categories_to_documents c ON c.document_id = d.id
		WHERE c.category_id = $1 AND d.foreign_id = $2 AND d.deleted = '0'
		ORDER BY d.id`, categoryID, pid)
	if err != nil {
		return nil, dbErr(err, "document")
	}
	defer rows.Close()
	out := []emr.Document{}
	for rows.Next() {
		d := emr.Document{CategoryID: categoryID}
		if err := scanDocument(rows, &d); err != nil {
			return nil, dbErr(err, "document")
		}
		out = append(out, d)
	}
	return out, dbErr(rows.Err(), "document")
}

// DocumentBytes returns the patient's live document id and its stored
// bytes, or ENOTFOUND (also for another patient's document). It does not
// check the bytes against the hash: that is the caller's to decide.
func (s *Store) DocumentBytes(ctx context.Context, pid, id int64) (*emr.Document, []byte, error) {
	var d emr.Document
	var data []byte
	var category sql.NullInt64
	err := scanDocument(s.db.QueryRow(ctx, `SELECT `+documentColumns+`, b.data,
		(SELECT MIN(c.category_id) FROM categories_to_documents c WHERE c.document_id = d.id)
		FROM documents d JOIN documents_blob b ON b.document_id = d.id
		WHERE d.id = $1 AND d.foreign_id = $2 AND d.deleted = '0'`, id, pid), &d, &data, &category)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("document")
	}
	if err != nil {
		return nil, nil, dbErr(err, "document")
	}
	d.CategoryID = category.Int64
	if data == nil {
		data = []byte{}
	}
	return &d, data, nil
}
