package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/store"
)

// Documents round-trip byte for byte, are listed per patient and category,
// and are invisible to other patients.
func TestDocuments(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		pid := newDocumentPatient(t, s)
		other := newDocumentPatient(t, s)
		data := []byte{0, 1, 2, 0, 255, 'P', 'D', 'F', 0}
		sum := sha256.Sum256(data)
		d := &emr.Document{PID: pid, CategoryID: 2, Name: "lab ü.pdf", MimeType: "application/pdf",
			Size: int64(len(data)), Hash: hex.EncodeToString(sum[:]), Date: "2026-01-02 03:04:05", DocDate: "2026-01-02", Owner: 1}
		if err := s.SaveDocument(ctx, d, data); err != nil {
			t.Fatal(err)
		}
		if d.ID == 0 || len(d.UUID) != 36 {
			t.Fatalf("SaveDocument set id %d, uuid %q", d.ID, d.UUID)
		}
		got, bs, err := s.DocumentBytes(ctx, pid, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bs, data) {
			t.Errorf("bytes = %v, want %v", bs, data)
		}
		diff(t, "DocumentBytes", *d, *got)

		list, err := s.DocumentsInCategory(ctx, pid, 2)
		if err != nil || len(list) != 1 || list[0].ID != d.ID || list[0].Hash != d.Hash {
			t.Errorf("DocumentsInCategory(2) = %+v, %v", list, err)
		}
		for _, c := range []struct {
			pid, cat int64
		}{{pid, 3}, {other, 2}} {
			list, err := s.DocumentsInCategory(ctx, c.pid, c.cat)
			if err != nil || list == nil || len(list) != 0 {
				t.Errorf("DocumentsInCategory(%d, %d) = %+v, %v; want empty", c.pid, c.cat, list, err)
			}
		}
		_, _, err = s.DocumentBytes(ctx, other, d.ID)
		wantCode(t, "DocumentBytes(other patient)", err, emr.ENOTFOUND)
		_, _, err = s.DocumentBytes(ctx, pid, d.ID+100)
		wantCode(t, "DocumentBytes(unknown id)", err, emr.ENOTFOUND)
	})
}

// newDocumentPatient creates a patient to file documents for.
func newDocumentPatient(t *testing.T, s *store.Store) int64 {
	t.Helper()
	p := &emr.Patient{Fname: "Doc", Lname: "Holder"}
	if err := s.CreatePatient(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p.PID
}
