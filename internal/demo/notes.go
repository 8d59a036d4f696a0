package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"goemr/internal/resource"
)

// noteTexts are chart messages by note type (list note_type).
var noteTexts = []struct{ title, body, status string }{
	{"Pharmacy", "Pharmacy called to confirm the dosage of the current prescription; confirmed as written.", "Done"},
	{"Lab Results", "Lab results reviewed and discussed with the patient by phone. No changes to the plan.", "Done"},
	{"Insurance", "New insurance card scanned at check-in; please verify eligibility before the next visit.", "Read"},
	{"Referral", "Referral paperwork faxed; awaiting the specialist's office to schedule.", "New"},
	{"Chart Note", "Patient asked for a copy of the immunization record; sent through the portal.", "Done"},
	{"Prior Auth", "Prior authorization requested for the new medication; insurer to reply within 72 hours.", "New"},
	{"Test Scheduling", "Patient would like an early-morning slot for fasting labs.", "Read"},
}

// messages writes 0–2 chart messages (pnotes) in OpenEMR's body format:
// "<Y-m-d H:i> (<from> to <to>) <text>" after a newline.
func (b *batch) messages(c *chart) error {
	for k, n := 0, c.r.IntN(3); k < n; k++ {
		t := noteTexts[c.r.IntN(len(noteTexts))]
		at := c.visits[c.r.IntN(len(c.visits))].at.Add(26 * time.Hour)
		b.now = at.Format(dateTime)
		err := b.add(resource.Message, map[string]any{
			"date": b.now, "body": "\n" + at.Format("2006-01-02 15:04") + " (" + AdminUser + " to " + AdminUser + ") " + t.body,
			"pid": b.pid, "user": AdminUser, "groupname": "Default", "activity": "1", "authorized": "1",
			"title": t.title, "assigned_to": AdminUser, "deleted": "0", "message_status": t.status,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// categoryMedicalRecord is /Medical Record (migration 0005).
const categoryMedicalRecord = 3

// documents writes, for about two patients in five, a visit summary as a
// text file under /Medical Record, with its bytes and SHA-256 hash.
func (b *batch) documents(c *chart) error {
	if c.r.IntN(100) >= 40 {
		return nil
	}
	v := &c.visits[len(c.visits)-1]
	m := v.vitals
	var text strings.Builder
	fmt.Fprintf(&text, "VISIT SUMMARY\n\nPatient: %s %s\nDate of birth: %s\nVisit: %s\nProvider: Dr. %s, %s\nReason: %s\n",
		c.p.fname, c.p.lname, c.p.dob.Format(dateOnly), v.at.Format(dateOnly), v.doc.name,
		facilityRows[v.doc.facility]["name"], v.reason)
	if m.height > 0 {
		fmt.Fprintf(&text, "Vitals: BP %s/%s mmHg, pulse %s/min, temperature %s F, weight %s lb\n",
			f0(m.bps), f0(m.bpd), f0(m.pulse), f1(m.temp), f1(m.weight))
	}
	text.WriteString("\nActive problems:\n")
	for _, pr := range c.probs {
		if pr.end.IsZero() && !pr.begin.After(v.at) {
			fmt.Fprintf(&text, "- %s (ICD-10 %s)\n", pr.title, pr.icd10)
		}
	}
	text.WriteString("\nPlan: continue current care; return as scheduled.\n")
	_, err := b.fileDocument(v, "visit-summary-"+v.at.Format(dateOnly)+".txt", "text/plain", 2*time.Hour, []byte(text.String()))
	return err
}

// fileDocument stores data as a document of the visit's patient, filed
// under Medical Record, as uploaded after the visit: its row, its bytes
// (with their SHA-256, as every download checks) and its category link.
func (b *batch) fileDocument(v *visit, name, mimetype string, after time.Duration, data []byte) (map[string]any, error) {
	sum := sha256.Sum256(data)
	b.now = v.at.Add(after).Format(dateTime)
	doc, err := b.put(document, map[string]any{
		"type": "blob", "size": int64(len(data)), "date": b.now, "url": name, "mimetype": mimetype,
		"owner": b.sh.admin, "foreign_id": b.pid, "docdate": v.at.Format(dateOnly), "hash": hex.EncodeToString(sum[:]),
		"name": name, "encounter_id": v.encounter, "storagemethod": "0", "deleted": "0", "list_id": 0, "imported": "0",
	})
	if err != nil {
		return nil, err
	}
	if _, err := b.put(documentBlob, map[string]any{"document_id": doc["id"], "data": data}); err != nil {
		return nil, err
	}
	_, err = b.put(documentCategory, map[string]any{"category_id": categoryMedicalRecord, "document_id": doc["id"]})
	return doc, err
}

// employer writes the employer of most working-age adults.
func (b *batch) employer(c *chart) error {
	age := c.p.ageAt(Anchor)
	if age < 18 || age > 66 || c.r.IntN(100) >= 65 {
		return nil
	}
	city := cities[c.r.IntN(len(cities))]
	for _, x := range cities {
		if x.name == c.p.city && x.state == c.p.state {
			city = x
		}
	}
	b.now = c.start.Format(dateTime)
	err := b.add(resource.Employer, map[string]any{
		"name": pick(c.r, employers), "street": fmt.Sprintf("%d %s", 10+c.r.IntN(990), pick(c.r, streets)),
		"postal_code": city.zip, "city": city.name, "state": city.state, "country": "USA", "date": b.now,
		"start_date": between(c.r, c.p.dob.AddDate(18, 0, 0), c.start).Format(dateOnly), "pid": b.pid,
		"created_by": b.sh.admin,
	})
	return err
}

// referral writes, for some adults with a heart condition or several
// chronic problems, a referral transaction (LBTref) with its fields.
func (b *batch) referral(c *chart) error {
	heart := c.has("I25.10", Anchor) || c.has("I48.91", Anchor)
	if c.p.ageAt(Anchor) < 18 || !(heart || len(c.probs) >= 4) || c.r.IntN(100) >= 50 {
		return nil
	}
	v := &c.visits[c.r.IntN(len(c.visits))]
	b.now = v.at.Format(dateTime)
	to := b.sh.doctors[len(b.sh.doctors)-1] // the cardiologist
	dx := c.probs[0]
	rec, err := b.put(resource.Transaction, map[string]any{
		"date": b.now, "title": "LBTref", "pid": b.pid, "user": AdminUser, "groupname": "Default", "authorized": "1",
	})
	if err != nil {
		return err
	}
	fields := map[string]string{
		"body": "Please evaluate and advise on management.", "refer_date": v.at.Format(dateOnly),
		"refer_diag": "ICD10:" + dx.icd10, "refer_from": fmt.Sprint(v.doc.id), "refer_to": fmt.Sprint(to.id),
		"refer_risk_level": pick(c.r, []string{"Low", "Medium", "High"}), "refer_vitals": "1",
	}
	for _, f := range resource.ReferralFields {
		value, ok := fields[f.Field]
		if !ok {
			continue
		}
		if _, err := b.put(resource.LBTData, map[string]any{"form_id": rec["id"], "field_id": f.Field, "field_value": value}); err != nil {
			return err
		}
	}
	return nil
}
