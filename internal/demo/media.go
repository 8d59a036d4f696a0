package demo

import (
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
	doc, err := b.fileDocument(v, "ecg-rhythm-strip-"+v.at.Format(dateOnly)+".png", "image/png", 40*time.Minute, data)
	if err != nil {
		return err
	}
	return b.add(documentNote, map[string]any{"foreign_id": doc["id"], "note": reading, "owner": b.sh.admin, "date": b.now, "revision": b.now})
}
