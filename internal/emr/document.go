package emr

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is a file stored for a patient (OpenEMR's documents row,
// openemr-standard-api.md §3.14). Its bytes are kept apart from it.
type Document struct {
	ID          int64
	UUID        string
	PID         int64 // the patient (documents.foreign_id)
	CategoryID  int64 // the category it is filed under
	EncounterID int64 // the encounter number it belongs to; 0 for none
	Owner       int64 // users.id of the uploader; 0 for none
	Name        string
	MimeType    string
	Size        int64
	// Hash is the SHA-256 of the bytes in lower-case hex, recorded at
	// upload and checked on every download.
	Hash    string
	Date    string // when it was stored, Y-m-d H:i:s (UTC)
	DocDate string // the date it is about, Y-m-d
}

// Category is one node of OpenEMR's document category tree; the root
// ("Categories") has Parent 0.
type Category struct {
	ID, Parent int64
	Name       string
}

// DocumentHash is the checksum goemr records of a document's bytes:
// SHA-256 in lower-case hex. (OpenEMR recorded SHA-1 and newer versions
// SHA3-512; the column only serves to detect damaged bytes, which any of
// them does.)
func DocumentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
