package ccda

import (
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// Observation category code systems (FHIR R4 and US Core).
const (
	systemObsCategory  = "http://terminology.hl7.org/CodeSystem/observation-category"
	systemUSCoreCateg  = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
	systemObsInterpret = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
)

// inCategory reports whether o has one of categories (FHIR's observation
// category or US Core's, such as sdoh, functional-status).
func inCategory(o *r4.Observation, categories ...string) bool {
	return anyCode(o.Category, systemObsCategory, categories...) || anyCode(o.Category, systemUSCoreCateg, categories...)
}

// observationsOf lists the Observations of a category worth sending:
// neither cancelled nor entered in error, and dated in the range.
func (b *builder) observationsOf(keep func(*r4.Observation) bool) []*r4.Observation {
	var out []*r4.Observation
	for _, o := range each[*r4.Observation](b) {
		if s := deref(o.Status); s == "entered-in-error" || s == "cancelled" || !keep(o) || !b.inRange(obsTime(o)) {
			continue
		}
		out = append(out, o)
	}
	return out
}

// obsTime is when an observation applies.
func obsTime(o *r4.Observation) string {
	switch {
	case o.EffectiveDateTime != nil:
		return *o.EffectiveDateTime
	case o.EffectivePeriod != nil && o.EffectivePeriod.Start != nil:
		return *o.EffectivePeriod.Start
	case o.EffectiveInstant != nil:
		return *o.EffectiveInstant
	}
	return deref(o.Issued)
}

// obsEffective is an observation's effectiveTime: a point, or its period.
func obsEffective(o *r4.Observation) *node {
	if o.EffectivePeriod != nil {
		return ivl("effectiveTime", deref(o.EffectivePeriod.Start), deref(o.EffectivePeriod.End))
	}
	return timeEl("effectiveTime", obsTime(o))
}

// value is a result as a typed CDA value (xsi:type PQ, CD, ST, INT, BL,
// IVL_PQ, TS), nil when the observation has none.
func value(q *r4.Quantity, cc *r4.CodeableConcept, s *string, i *int64, bl *bool, rng *r4.Range, dt *string) *node {
	switch {
	case q != nil:
		return pqValue(q)
	case cc != nil:
		return cd("value", cc, "", oidSNOMED, oidLOINC).set("xsi:type", "CD")
	case s != nil:
		return el("value", "xsi:type", "ST").txt(*s)
	case i != nil:
		return el("value", "xsi:type", "INT", "value", strconv.FormatInt(*i, 10))
	case bl != nil:
		return el("value", "xsi:type", "BL", "value", strconv.FormatBool(*bl))
	case rng != nil:
		v := el("value", "xsi:type", "IVL_PQ")
		if rng.Low != nil {
			v.add(pq("low", rng.Low))
		}
		if rng.High != nil {
			v.add(pq("high", rng.High))
		}
		return v
	case dt != nil && ts(*dt) != "":
		return el("value", "xsi:type", "TS", "value", ts(*dt))
	}
	return nil
}

// obsValue is value of an Observation's own result.
func obsValue(o *r4.Observation) *node {
	return value(o.ValueQuantity, o.ValueCodeableConcept, o.ValueString, o.ValueInteger, o.ValueBoolean, o.ValueRange, o.ValueDateTime)
}

// valueText is a result as people read it.
func valueText(q *r4.Quantity, cc *r4.CodeableConcept, s *string, i *int64, bl *bool, rng *r4.Range, dt *string) string {
	switch {
	case q != nil:
		return quantityText(q)
	case cc != nil:
		return conceptText(cc)
	case s != nil:
		return *s
	case i != nil:
		return strconv.FormatInt(*i, 10)
	case bl != nil:
		return strconv.FormatBool(*bl)
	case rng != nil:
		return quantityText(rng.Low) + " – " + quantityText(rng.High)
	case dt != nil:
		return display(*dt)
	}
	return ""
}

func obsValueText(o *r4.Observation) string {
	t := valueText(o.ValueQuantity, o.ValueCodeableConcept, o.ValueString, o.ValueInteger, o.ValueBoolean, o.ValueRange, o.ValueDateTime)
	for _, c := range o.Component {
		if v := valueText(c.ValueQuantity, c.ValueCodeableConcept, c.ValueString, c.ValueInteger, c.ValueBoolean, c.ValueRange, c.ValueDateTime); v != "" {
			t = strings.TrimSpace(t + "; " + conceptText(c.Code) + ": " + v)
		}
	}
	return strings.TrimPrefix(t, "; ")
}

// interpretations are interpretationCode elements of the HL7
// ObservationInterpretation codes of an observation.
func interpretations(ccs []r4.CodeableConcept) []*node {
	var out []*node
	for i := range ccs {
		if c := codeOf(&ccs[i], systemObsInterpret); c != "" {
			out = append(out, fixed("interpretationCode", c, oidInterp, "ObservationInterpretation", conceptText(&ccs[i])))
		}
	}
	return out
}

// hasResult reports whether an observation carries a value of its own.
func hasResult(o *r4.Observation) bool { return obsValue(o) != nil }

// assessment is an Assessment Scale Observation (C-CDA R2.1 Vol 2 §3.12):
// a screening or assessment item with its answer or score.
func (b *builder) assessment(o *r4.Observation, ref string) *node {
	return el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.69"})...).
		add(b.id("Observation", deref(o.ID)), cd("code", o.Code, ref, oidLOINC, oidSNOMED), refText(ref), statusEl("completed"),
			obsEffective(o), obsValue(o))
}

// performerRef is an observation's first performer.
func performerRef(o *r4.Observation) *r4.Reference {
	if len(o.Performer) > 0 {
		return &o.Performer[0]
	}
	return nil
}
