package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// medicationStart and medicationEnd are when the medication is taken:
// the dispense validity period, else the dosage's bounds.
func medicationStart(m *r4.MedicationRequest) string {
	if m.DispenseRequest != nil && m.DispenseRequest.ValidityPeriod != nil && m.DispenseRequest.ValidityPeriod.Start != nil {
		return *m.DispenseRequest.ValidityPeriod.Start
	}
	for _, d := range m.DosageInstruction {
		if d.Timing != nil && d.Timing.Repeat != nil && d.Timing.Repeat.BoundsPeriod != nil && d.Timing.Repeat.BoundsPeriod.Start != nil {
			return *d.Timing.Repeat.BoundsPeriod.Start
		}
	}
	return deref(m.AuthoredOn)
}

func medicationEnd(m *r4.MedicationRequest) string {
	if m.DispenseRequest != nil && m.DispenseRequest.ValidityPeriod != nil && m.DispenseRequest.ValidityPeriod.End != nil {
		return *m.DispenseRequest.ValidityPeriod.End
	}
	for _, d := range m.DosageInstruction {
		if d.Timing != nil && d.Timing.Repeat != nil && d.Timing.Repeat.BoundsPeriod != nil && d.Timing.Repeat.BoundsPeriod.End != nil {
			return *d.Timing.Repeat.BoundsPeriod.End
		}
	}
	return ""
}

// directions are the sig as written: the dosage texts, else the notes.
func directions(m *r4.MedicationRequest) string {
	var out []string
	for _, d := range m.DosageInstruction {
		out = append(out, firstOf(deref(d.Text), deref(d.PatientInstruction)))
	}
	if strings.TrimSpace(strings.Join(out, "")) == "" {
		out = nil
		for _, n := range m.Note {
			out = append(out, deref(n.Text))
		}
	}
	return strings.TrimSpace(strings.Join(out, "; "))
}

// frequency is the dosing period as a PIVL_TS (CONF:1098-7513): every
// period/frequency units.
func frequency(r *r4.TimingRepeat) *node {
	if r.Period == nil || r.PeriodUnit == nil {
		return nil
	}
	p := r.Period.String()
	if f := deref(r.Frequency); f > 1 {
		if v, err := r.Period.Float64(); err == nil {
			p = strings.TrimSuffix(strings.TrimRight(formatFloat(v/float64(f)), "0"), ".")
		}
	}
	return el("effectiveTime", "xsi:type", "PIVL_TS", "institutionSpecified", "false", "operator", "A").
		add(el("period", "value", p, "unit", *r.PeriodUnit))
}

func firstNonNil[T any](vs ...*T) *T {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}
