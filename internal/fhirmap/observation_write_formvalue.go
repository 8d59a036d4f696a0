package fhirmap

import (
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// observationValue is the value[x] of an Observation or a component;
// other tells that it is of a type the Observation form cannot keep.
type observationValue struct {
	quantity *r4.Quantity
	concept  *r4.CodeableConcept
	str      *string
	integer  *int64
	absent   *r4.CodeableConcept
	other    bool
}

func valueOf(o *r4.Observation) observationValue {
	return observationValue{o.ValueQuantity, o.ValueCodeableConcept, o.ValueString, o.ValueInteger, o.DataAbsentReason,
		o.ValueBoolean != nil || o.ValueRange != nil || o.ValueRatio != nil || o.ValueSampledData != nil ||
			o.ValueTime != nil || o.ValueDateTime != nil || o.ValuePeriod != nil}
}

// formValueFrom stores a value as the Observation form does (ob_value,
// ob_unit, ob_value_code_description): a number and its UCUM unit, a
// coded answer "TYPE:code" and its name, or text; none when a
// dataAbsentReason says it is unknown.
func formValueFrom(path string, x observationValue, v map[string]any) error {
	v["ob_value"], v["ob_unit"], v["ob_value_code_description"] = "", "", ""
	switch {
	case x.other:
		return invalid(path+".value[x]", "the Observation form keeps a Quantity, a CodeableConcept, a string or an integer")
	case x.quantity != nil:
		q := x.quantity
		if q.Value == nil || q.Comparator != nil || decimalValue(q.Value.String()) == nil || strings.ContainsAny(q.Value.String(), "eE") {
			return invalid(path+".valueQuantity.value", "must be a number (no comparator, no exponent)")
		}
		unit := deref(q.Code)
		if unit == "" || deref(q.System) != systemUCUMUnits {
			unit = deref(q.Unit)
		}
		v["ob_value"], v["ob_unit"] = decimalValue(q.Value.String()).String(), strings.TrimSpace(unit)
	case x.integer != nil:
		v["ob_value"] = strconv.FormatInt(*x.integer, 10)
	case x.concept != nil:
		name := conceptText(x.concept)
		for _, c := range x.concept.Coding {
			typ, code := valueCodeType(deref(c.System)), strings.TrimSpace(deref(c.Code))
			if typ == "" || code == "" {
				continue
			}
			if d := strings.TrimSpace(deref(c.Display)); d != "" && x.concept.Text == nil {
				name = d
			}
			v["ob_value"], v["ob_value_code_description"] = typ+":"+code, name
			return nil
		}
		if len(x.concept.Coding) > 0 {
			return invalid(path+".valueCodeableConcept", "codes of system %q cannot be stored", deref(x.concept.Coding[0].System))
		}
		v["ob_value"] = name
	case x.str != nil:
		v["ob_value"] = *x.str
	case x.absent != nil && conceptCode(x.absent, systemAbsent) != "unknown":
		return invalid(path+".dataAbsentReason", "only unknown can be stored (an observation without a value)")
	}
	return nil
}

// formLinksFrom maps what an Observation form row points to: the items of
// a panel (hasMember, Observations of the form, by uuid, comma separated)
// and the questionnaire response it was taken from (derivedFrom).
func formLinksFrom(o *r4.Observation, w *WriteContext, v map[string]any) error {
	var members []string
	for i := range o.HasMember {
		source, err := w.reference("Observation.hasMember", &o.HasMember[i], "Observation", "source")
		if err != nil {
			return err
		}
		if source != "form_observation" {
			return invalid("Observation.hasMember", "%s is not an item OpenEMR's Observation form can hold", deref(o.HasMember[i].Reference))
		}
		members = append(members, refID(deref(o.HasMember[i].Reference)))
	}
	v["members"], v["questionnaire_response_id"] = strings.Join(members, ","), ""
	for i := range o.DerivedFrom {
		ref := deref(o.DerivedFrom[i].Reference)
		if ref == "" {
			continue // a display only names it
		}
		if !strings.Contains(ref, "QuestionnaireResponse/") {
			return invalid("Observation.derivedFrom", "only the QuestionnaireResponse an observation was taken from can be stored, not %s", ref)
		}
		id, err := w.reference("Observation.derivedFrom", &o.DerivedFrom[i], "QuestionnaireResponse", "id")
		if err != nil {
			return err
		}
		v["questionnaire_response_id"] = id
	}
	return nil
}
