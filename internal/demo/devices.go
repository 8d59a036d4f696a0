package demo

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"goemr/internal/resource"
)

// implant is an implantable device of the demo catalog: its SNOMED CT
// type and a fictional product as FDA's GUDID would list it (a GS1 device
// identifier under a made-up company prefix), with its sterile shelf
// life. Pacemakers and defibrillators run on a battery that is replaced
// (the whole generator) after about nine years.
type implant struct {
	title, snomed         string
	item                  int // item reference under the company prefix
	company, brand, model string
	shelfYears            int
	batteryYears          int // 0: no battery
}

var implants = []implant{
	{"Cardiac pacemaker", "14106009", 41021, "Northfield Cardiac Systems", "Cadence DR Dual Chamber Pacemaker", "CDR-210", 2, 9},
	{"Implantable defibrillator", "72506001", 41037, "Northfield Cardiac Systems", "Sentinel VR Implantable Cardioverter Defibrillator", "SVR-440", 2, 8},
	{"Knee joint prosthesis", "109228008", 52210, "Granite Orthopedics", "Stride Total Knee System", "STK-5", 5, 0},
	{"Total hip replacement prosthesis", "304120007", 52304, "Granite Orthopedics", "Meridian Total Hip System", "MTH-32", 5, 0},
}

// implantFor picks the device a patient of 60 or more carries, and the
// earliest it can have been implanted: a pacemaker for atrial fibrillation (slow
// rhythms come with it), a defibrillator for coronary disease, a knee for
// knee arthritis, each after the condition began, and otherwise, for some
// of the over-65s, a hip, a knee or a pacemaker. -1: none.
func (c *chart) implantFor(r *rand.Rand) (int, time.Time) {
	sixty := c.p.dob.AddDate(60, 0, 0)
	if c.p.n == 1 {
		// Demo patient 1, the portal patient every walk-through of the
		// demo uses, has a knee replaced after an old sports injury, so
		// that his chart shows every kind of record.
		return 2, c.p.dob.AddDate(45, 0, 0)
	}
	if c.p.ageAt(Anchor) < 60 {
		return -1, time.Time{}
	}
	for _, cause := range []struct {
		icd10   string
		percent int
		implant int
	}{{"I48.91", 45, 0}, {"I25.10", 25, 1}, {"M17.9", 45, 2}} {
		roll := r.IntN(100)
		for _, pr := range c.probs {
			if pr.icd10 == cause.icd10 && roll < cause.percent {
				return cause.implant, laterDay(pr.begin, sixty)
			}
		}
	}
	if roll := r.IntN(100); c.p.ageAt(Anchor) >= 65 && roll < 20 {
		return []int{3, 3, 2, 0}[roll%4], sixty
	}
	return -1, time.Time{}
}

// laterDay is the later of a and b.
func laterDay(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// devices writes the patient's implanted device (lists medical_device, as
// OpenEMR records one from its UDI) and, for a battery-powered one
// implanted long ago, the generator it replaced.
func (b *batch) devices(c *chart) error {
	r := rng("devices", c.p.n)
	k, from := c.implantFor(r)
	if k < 0 {
		return nil
	}
	d := implants[k]
	from = laterDay(from, Anchor.AddDate(-16, 0, 0))
	at := between(r, from, Anchor.AddDate(0, -3, 0))
	if d.batteryYears > 0 && at.AddDate(d.batteryYears, 0, 0).Before(Anchor.AddDate(0, -3, 0)) {
		replaced := at.AddDate(d.batteryYears, 0, r.IntN(200))
		if err := b.device(c, r, d, at, replaced); err != nil {
			return err
		}
		at = replaced
	}
	return b.device(c, r, d, at, time.Time{})
}

// device writes one device implanted on at (and removed on removed).
func (b *batch) device(c *chart, r *rand.Rand, d implant, at, removed time.Time) error {
	made := at.AddDate(0, -1-r.IntN(8), -r.IntN(28))
	expires := made.AddDate(d.shelfYears, 0, 0)
	lot := fmt.Sprintf("%s%02d%04d", d.model[:1], made.Year()%100, 1000+r.IntN(9000))
	serial := fmt.Sprintf("%s%07d", d.model[:2], 1000000+r.IntN(9000000))
	gtin := gs1GTIN(d.item)
	hrf := fmt.Sprintf("(01)%s(11)%s(17)%s(10)%s(21)%s", gtin, made.Format("060102"), expires.Format("060102"), lot, serial)
	data, err := json.Marshal(gudidParse{
		Standard: gudidElements{UDI: hrf, IssuingAgency: "GS1", DI: gtin, ManufacturingDate: made.Format(dateOnly),
			ExpirationDate: expires.Format(dateOnly), LotNumber: lot, SerialNumber: serial},
		GUDID: gudidRecord{Device: gudidDevice{BrandName: d.brand, CompanyName: d.company, VersionModelNumber: d.model}},
	})
	if err != nil {
		return err
	}
	b.now = c.recorded(at).Format(dateTime)
	v := map[string]any{
		"type": "medical_device", "title": d.title, "diagnosis": "SNOMED-CT:" + d.snomed, "udi": hrf, "udi_data": string(data),
		"begdate": at.Format(dateOnly), "pid": b.pid, "user": AdminUser, "groupname": "Default", "activity": "1",
		"outcome": "0", "verification": "confirmed", "modifydate": b.now,
		"comments": "Implanted " + at.Format("January 2006") + "; device card on file",
	}
	if !removed.IsZero() {
		v["enddate"], v["outcome"] = removed.Format(dateOnly), "1"
		v["comments"] = "Explanted " + removed.Format("January 2006") + " at generator change (battery depletion)"
		b.now = c.recorded(removed).Format(dateTime)
		v["modifydate"] = b.now
	}
	return b.add(medicalDevice, v)
}

// medicalDevice is a lists row of type medical_device.
var medicalDevice = def("lists", "id", col("uuid", resource.Set(resource.AutoUUID)), col("date", resource.Set(resource.AutoNow)))

// gs1GTIN is a GTIN-14 of the demo's fictional GS1 company prefix
// 0860000 with its check digit (GS1 General Specifications §7.9).
func gs1GTIN(item int) string {
	body := fmt.Sprintf("0860000%06d", item)
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return body + strconv.Itoa((10-sum%10)%10)
}

// gudidParse is what FDA's AccessGUDID returns for a UDI and its device,
// as OpenEMR stores it in lists.udi_data.
type gudidParse struct {
	Standard gudidElements `json:"standard_elements"`
	GUDID    gudidRecord   `json:"gudid"`
}

type gudidElements struct {
	UDI               string  `json:"udi"`
	IssuingAgency     string  `json:"issuingAgency"`
	DI                string  `json:"di"`
	ManufacturingDate string  `json:"manufacturingDate"`
	ExpirationDate    string  `json:"expirationDate"`
	LotNumber         string  `json:"lotNumber"`
	SerialNumber      string  `json:"serialNumber"`
	DonationID        *string `json:"donationId"`
}

type gudidRecord struct {
	Device gudidDevice `json:"device"`
}

type gudidDevice struct {
	BrandName          string `json:"brandName"`
	CompanyName        string `json:"companyName"`
	VersionModelNumber string `json:"versionModelNumber"`
}
