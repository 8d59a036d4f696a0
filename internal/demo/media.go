package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// documentNote is a note filed on a document (OpenEMR's notes table).
var documentNote = def("notes", "")

// media files an ECG rhythm strip (a PNG, the image documents FHIR Media
// shows) of a visit under /Medical Record, with the reading as the
// document's note: for every named patient, half the patients with a
// heart condition and a few others.
func (b *batch) media(c *chart) error {
	r := rng("media", c.p.n)
	heart := c.has("I48.91", Anchor) || c.has("I25.10", Anchor)
	roll := r.IntN(100)
	if c.p.n > len(Patients) && !(heart && roll < 50) && roll >= 2 {
		return nil
	}
	v := &c.visits[r.IntN(len(c.visits))]
	rate := int(v.vitals.pulse)
	if rate < 40 || rate > 160 {
		rate = 60 + r.IntN(30)
	}
	af := c.has("I48.91", v.at)
	data, err := rhythmStrip(r, rate, af)
	if err != nil {
		return err
	}
	reading := fmt.Sprintf("Rhythm strip, lead II: sinus rhythm, rate %d/min.", rate)
	if af {
		reading = fmt.Sprintf("Rhythm strip, lead II: atrial fibrillation, ventricular rate about %d/min.", rate)
	}
	sum := sha256.Sum256(data)
	name := "ecg-rhythm-strip-" + v.at.Format(dateOnly) + ".png"
	b.now = v.at.Add(40 * time.Minute).Format(dateTime)
	doc, err := b.put(document, map[string]any{
		"type": "blob", "size": int64(len(data)), "date": b.now, "url": name, "mimetype": "image/png",
		"owner": b.sh.admin, "foreign_id": b.pid, "docdate": v.at.Format(dateOnly), "hash": hex.EncodeToString(sum[:]),
		"name": name, "encounter_id": v.encounter, "storagemethod": "0", "deleted": "0", "list_id": 0, "imported": "0",
	})
	if err != nil {
		return err
	}
	if _, err := b.put(documentBlob, map[string]any{"document_id": doc["id"], "data": data}); err != nil {
		return err
	}
	if _, err := b.put(documentCategory, map[string]any{"category_id": categoryMedicalRecord, "document_id": doc["id"]}); err != nil {
		return err
	}
	return b.add(documentNote, map[string]any{"foreign_id": doc["id"], "note": reading, "owner": b.sh.admin, "date": b.now, "revision": b.now})
}
