package fhirmap

import (
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// medicationDosageFrom keeps the one dosage instruction a prescription
// has, as medicationDosage reads it: its text (the sig), when it starts,
// how often (an interval option), the route (a route option) and the dose
// (amount, in a dose form option); and the dispense request's quantity
// (counted in that form) and refills. Options are named by title here;
// medicationRequestStore looks their ids up. Site, method, additional and
// patient instructions and maximum doses are not kept.
func medicationDosageFrom(mr *r4.MedicationRequest, v map[string]any) error {
	for _, k := range []string{"drug_dosage_instructions", "start_date", "dosage", "quantity", "refills", "form_title", "route_title", "interval_title"} {
		v[k] = ""
	}
	if len(mr.DosageInstruction) > 1 {
		return invalid("MedicationRequest.dosageInstruction", "OpenEMR keeps one dosage instruction, not %d", len(mr.DosageInstruction))
	}
	if len(mr.DosageInstruction) == 1 {
		d := mr.DosageInstruction[0]
		v["drug_dosage_instructions"] = strings.TrimSpace(deref(d.Text))
		if err := timingFrom(&d, v); err != nil {
			return err
		}
		if d.Route != nil {
			if v["route_title"] = conceptName(d.Route); v["route_title"] == "" {
				return invalid("MedicationRequest.dosageInstruction.route", "must have a text or display naming one of OpenEMR's routes")
			}
		}
		if len(d.DoseAndRate) > 1 || len(d.DoseAndRate) == 1 && d.DoseAndRate[0].DoseQuantity == nil {
			return invalid("MedicationRequest.dosageInstruction.doseAndRate", "OpenEMR keeps one dose quantity")
		}
		if len(d.DoseAndRate) == 1 {
			q := d.DoseAndRate[0].DoseQuantity
			if q.Value == nil {
				return invalid("MedicationRequest.dosageInstruction.doseAndRate.doseQuantity", "must have a value")
			}
			v["dosage"], v["form_title"] = q.Value.String(), quantityUnit(q)
		}
	}
	if dr := mr.DispenseRequest; dr != nil {
		if n := dr.NumberOfRepeatsAllowed; n != nil {
			v["refills"] = strconv.FormatInt(*n, 10)
		}
		if q := dr.Quantity; q != nil && q.Value != nil {
			v["quantity"] = q.Value.String()
			unit := quantityUnit(q)
			switch {
			case unit == "":
			case v["form_title"] == "":
				v["form_title"] = unit
			case !strings.EqualFold(unit, v["form_title"].(string)):
				return invalid("MedicationRequest.dispenseRequest.quantity", "is counted in the dose's form (%s), not %s", v["form_title"], unit)
			}
		}
	}
	return nil
}

// timingFrom keeps when a dosage starts and how often: an interval option
// whose timing (dosingTimings) the repeat is, or whose title the timing's
// code names; as needed is the p.r.n. interval.
func timingFrom(d *r4.Dosage, v map[string]any) error {
	const path = "MedicationRequest.dosageInstruction.timing"
	if d.AsNeededBoolean != nil && *d.AsNeededBoolean {
		v["interval_title"] = asNeededInterval
	}
	if d.AsNeededCodeableConcept != nil {
		return invalid("MedicationRequest.dosageInstruction.asNeeded[x]", "only asNeededBoolean can be stored")
	}
	t := d.Timing
	if t == nil {
		return nil
	}
	title := conceptName(t.Code)
	if r := t.Repeat; r != nil {
		if b := r.BoundsPeriod; b != nil {
			var err error
			if v["start_date"], err = dayFrom(path+".repeat.boundsPeriod.start", b.Start); err != nil {
				return err
			}
		}
		if r.Frequency != nil || len(r.When) > 0 {
			title = ""
			for opt, dt := range dosingTimings {
				if repeatIs(r, dt) {
					title = opt
				}
			}
			if title == "" {
				return invalid(path+".repeat", "is not one of OpenEMR's dosing intervals (b.i.d., q.6h, h.s. …)")
			}
		}
	}
	if title != "" && v["interval_title"] != "" {
		return invalid(path, "a drug taken as needed has no schedule in OpenEMR")
	}
	if title != "" {
		v["interval_title"] = title
	}
	return nil
}

// repeatIs reports whether r is the timing of an interval option.
func repeatIs(r *r4.TimingRepeat, dt dosingTiming) bool {
	if dt.when != "" {
		return len(r.When) == 1 && r.When[0] == dt.when && r.Frequency == nil
	}
	period := "1"
	if r.Period != nil {
		period = r.Period.String()
	}
	return len(r.When) == 0 && r.Frequency != nil && *r.Frequency == dt.frequency &&
		period == strconv.FormatInt(dt.period, 10) && deref(r.PeriodUnit) == dt.unit
}

// conceptName is a concept's text, else its first display.
func conceptName(cc *r4.CodeableConcept) string {
	if cc == nil {
		return ""
	}
	if t := strings.TrimSpace(deref(cc.Text)); t != "" {
		return t
	}
	for _, c := range cc.Coding {
		if d := strings.TrimSpace(deref(c.Display)); d != "" {
			return d
		}
	}
	return ""
}

// quantityUnit is the unit a quantity is counted in: its unit, else its
// code.
func quantityUnit(q *r4.Quantity) string {
	if u := strings.TrimSpace(deref(q.Unit)); u != "" {
		return u
	}
	return strings.TrimSpace(deref(q.Code))
}
