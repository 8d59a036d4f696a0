package fhirmap

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// observationFromFHIR maps an Observation onto the OpenEMR table its kind
// is kept in, the inverse of observationToFHIR: a US Core vital sign onto
// its columns of a vitals form (form_vitals), a laboratory result onto a
// procedure_result under a report and order of the patient, a US Core
// Smoking Status onto the patient's history (history_data), and any other
// observation onto OpenEMR's Observation form (form_observation).
// values["kind"] tells observationStore which; pid, encounter (its
// number), the time (date) and the performing practitioner (users.id)
// are common.
func observationFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	o, ok := res.(*r4.Observation)
	if !ok {
		return nil, invalid("resourceType", "an Observation is expected")
	}
	if o.Subject == nil {
		return nil, invalid("Observation.subject", "is required (US Core)")
	}
	pid, err := w.reference("Observation.subject", o.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("Observation.subject", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"pid": pid}
	if v["encounter"], err = w.reference("Observation.encounter", o.Encounter, "Encounter", "encounter"); err != nil {
		return nil, err
	}
	if v["performer"], err = performerFrom("Observation.performer", o.Performer, w); err != nil {
		return nil, err
	}
	if o.Code == nil {
		return nil, invalid("Observation.code", "is required")
	}
	cats := categoryCodes(o.Category)
	code := vitalCode(o.Code)
	if len(o.HasMember) > 0 && (cats[categoryLaboratory] || code != "") {
		return nil, invalid("Observation.hasMember", "a panel of results is written as a DiagnosticReport, a vital sign as one Observation")
	}
	if o.EffectivePeriod == nil || cats[categoryLaboratory] || code != "" {
		if v["date"], err = effectiveFrom(o); err != nil {
			return nil, err
		}
	}
	switch {
	case cats[categoryLaboratory]:
		return v, labFromFHIR(o, v)
	case code != "" && (cats[categoryVitalSigns] || len(o.Category) == 0):
		if v["date"] == "" {
			return nil, invalid("Observation.effective[x]", "is required of a vital sign (US Core)")
		}
		return v, vitalFromFHIR(o, code, v)
	case conceptCode(o.Code, systemLOINC) == loincSmokingStatus && cats[categorySocialHistory]:
		return v, smokingFromFHIR(o, v)
	}
	return v, formFromFHIR(o, w, v)
}

// observationStore writes what observationFromFHIR mapped, by its kind;
// an update keeps an Observation in the table it came from.
func observationStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	kind := str(v["kind"])
	if current != nil && observationSources[kind] != current.Str("source") {
		return "", invalid("Observation.category", "Observation/%s cannot become another kind of observation", current.Str("id"))
	}
	switch kind {
	case "vital":
		return storeVital(ctx, w, v, current)
	case "lab":
		return storeLab(ctx, w, v, current)
	case "form":
		return storeForm(ctx, w, v, current)
	case "smoking":
		return storeSmoking(ctx, w, v, current)
	}
	return "", emr.Errorf(emr.EINTERNAL, "no store for observations of kind %q", kind)
}

// observationSources are the tables (fhir_observations' source) each
// kind of Observation is kept in.
var observationSources = map[string]string{"vital": "form_vitals", "lab": "procedure_result",
	"form": "form_observation", "smoking": "history_data"}

// effectiveFrom is the clinically relevant time of an Observation as a
// stored time: a dateTime or instant, or a period of one time.
func effectiveFrom(o *r4.Observation) (string, error) {
	switch {
	case o.EffectiveDateTime != nil:
		return timeFrom("Observation.effectiveDateTime", o.EffectiveDateTime)
	case o.EffectiveInstant != nil:
		return timeFrom("Observation.effectiveInstant", o.EffectiveInstant)
	case o.EffectivePeriod != nil:
		p := o.EffectivePeriod
		if p.Start == nil || p.End != nil && *p.End != *p.Start {
			return "", invalid("Observation.effectivePeriod", "only a time can be stored, not a period")
		}
		return timeFrom("Observation.effectivePeriod.start", p.Start)
	case o.EffectiveTiming != nil:
		return "", invalid("Observation.effectiveTiming", "only a time can be stored")
	}
	return "", nil
}

// categoryCodes are the observation-category codes of cats.
func categoryCodes(cats []r4.CodeableConcept) map[string]bool {
	out := map[string]bool{}
	for _, cc := range cats {
		for _, c := range cc.Coding {
			if deref(c.System) == systemObservationCategory {
				out[deref(c.Code)] = true
			}
		}
	}
	return out
}
