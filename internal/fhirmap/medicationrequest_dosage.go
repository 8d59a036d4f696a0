package fhirmap

import (
	"encoding/json"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// dosingTiming is how often a drug_interval option (OpenEMR's Latin
// abbreviations, migration 0006) has a dose taken: so many times a
// period, or at an event of the day (R4 Timing.repeat, EventTiming).
type dosingTiming struct {
	frequency int64
	period    int64
	unit      string // UCUM time unit of period: h, d
	when      string
}

var dosingTimings = map[string]dosingTiming{
	"b.i.d.": {frequency: 2, period: 1, unit: "d"},
	"t.i.d.": {frequency: 3, period: 1, unit: "d"},
	"q.i.d.": {frequency: 4, period: 1, unit: "d"},
	"q.d.":   {frequency: 1, period: 1, unit: "d"},
	"q.3h":   {frequency: 1, period: 3, unit: "h"},
	"q.4h":   {frequency: 1, period: 4, unit: "h"},
	"q.5h":   {frequency: 1, period: 5, unit: "h"},
	"q.6h":   {frequency: 1, period: 6, unit: "h"},
	"q.8h":   {frequency: 1, period: 8, unit: "h"},
	"a.c.":   {when: "AC"},
	"p.c.":   {when: "PC"},
	"a.m.":   {when: "MORN"},
	"p.m.":   {when: "EVE"},
	"h.s.":   {when: "HS"},
}

// asNeededInterval is the interval option of a dose taken as needed.
const asNeededInterval = "p.r.n."

// medicationDosage is the prescription's instructions (US Core
// MedicationRequest.dosageInstruction, must support): the sig as text, or
// a text written from dose, form, route and interval when there is none;
// timing from the interval; the dose from dosage and form.
func medicationDosage(rec emr.Record) []r4.Dosage {
	form, route, interval := rec.Str("form_title"), rec.Str("route_title"), rec.Str("interval_title")
	d := r4.Dosage{Text: text(rec.Str("sig"))}
	if d.Text == nil {
		d.Text = text(strings.Join(strings.Fields(strings.Join([]string{rec.Str("dosage"), form, route, interval}, " ")), " "))
	}
	if interval == asNeededInterval {
		d.AsNeededBoolean = ptr(true)
	} else if t := text(interval); t != nil {
		d.Timing = &r4.Timing{Code: &r4.CodeableConcept{Text: t}}
		if dt, ok := dosingTimings[interval]; ok {
			d.Timing.Repeat = dt.repeat()
		}
	}
	if start := date(rec.Str("start_date")); start != nil {
		if d.Timing == nil {
			d.Timing = &r4.Timing{}
		}
		if d.Timing.Repeat == nil {
			d.Timing.Repeat = &r4.TimingRepeat{}
		}
		d.Timing.Repeat.BoundsPeriod = &r4.Period{Start: start}
	}
	if t := text(route); t != nil {
		d.Route = &r4.CodeableConcept{Coding: prefixedCodings(rec.Str("route_codes")), Text: t}
	}
	if n := decimalOf(rec.Str("dosage")); n != nil {
		d.DoseAndRate = []r4.DosageDoseAndRate{{DoseQuantity: formQuantity(n, form)}}
	}
	if d.Text == nil && d.Timing == nil && d.Route == nil && d.DoseAndRate == nil && d.AsNeededBoolean == nil {
		return nil
	}
	return []r4.Dosage{d}
}

func (t dosingTiming) repeat() *r4.TimingRepeat {
	if t.when != "" {
		return &r4.TimingRepeat{When: []string{t.when}}
	}
	period := json.Number(strconv.FormatInt(t.period, 10))
	return &r4.TimingRepeat{Frequency: ptr(t.frequency), Period: &period, PeriodUnit: ptr(t.unit)}
}

// medicationDispense is what the pharmacy may hand out: the quantity
// and the number of refills (US Core dispenseRequest, must support).
func medicationDispense(rec emr.Record) *r4.MedicationRequestDispenseRequest {
	var dr r4.MedicationRequestDispenseRequest
	if n, err := strconv.ParseInt(strings.TrimSpace(rec.Str("refills")), 10, 64); err == nil && n >= 0 {
		dr.NumberOfRepeatsAllowed = &n
	}
	if q := decimalOf(rec.Str("quantity")); q != nil {
		// OpenEMR counts what is dispensed in the drug's form.
		dr.Quantity = formQuantity(q, rec.Str("form_title"))
	}
	if dr.NumberOfRepeatsAllowed == nil && dr.Quantity == nil {
		return nil
	}
	return &dr
}

// ucumForms are the dose forms OpenEMR offers that are UCUM units
// (US Core dose[x] binds UCUM), by their option title.
var ucumForms = map[string]string{"ml": "mL"}

// formQuantity is an amount in a dose form: the form's title as unit,
// coded in UCUM when the form is a UCUM unit.
func formQuantity(n *json.Number, form string) *r4.Quantity {
	q := &r4.Quantity{Value: n, Unit: text(form)}
	if code, ok := ucumForms[strings.ToLower(strings.TrimSpace(form))]; ok {
		q.System, q.Code = ptr("http://unitsofmeasure.org"), ptr(code)
	}
	return q
}
