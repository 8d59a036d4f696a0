package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// writtenToFHIR completes o with its version (its source row's) and what
// that row keeps beyond the view, read per page by the Observation's "extras" Ref
// (fhir_observation_sources, migration 0028): a vital written in a unit other than OpenEMR's is shown in that
// unit again, and a laboratory result shows its own collection and issue
// times, its coded value, and a text value as text even when it reads as a
// number.
func writtenToFHIR(o *r4.Observation, rec emr.Record, c *Context) {
	if o.Meta != nil {
		o.Meta.VersionId = ptr(c.Version(rec.Str("src_uuid")))
	}
	extras, _ := c.Ref("extras", rec.Str("src_uuid"))
	parts := strings.Split(extras, "|")
	switch {
	case len(parts) == 5 && parts[0] == "vital" && rec.Str("source") == "form_vitals":
		vc := vitalStorage[rec.Str("code")]
		unit := map[string]string{"weight_unit": parts[1], "height_unit": parts[2], "temperature_unit": parts[3], "head_circ_unit": parts[4]}[vc.unitCol]
		u, ok := findUnit(vc.kind, unit)
		if !ok || o.ValueQuantity == nil {
			return
		}
		if n, ok := u.fromStored(rec.Str("value")); ok {
			o.ValueQuantity = &r4.Quantity{Value: &n, Unit: ptr(u.display), System: ptr(systemUCUMUnits), Code: ptr(u.code)}
		}
	case len(parts) == 5 && parts[0] == "lab" && rec.Str("source") == "procedure_result":
		if t := dateTime(parts[2]); t != nil {
			o.EffectiveDateTime, o.EffectiveDateTimeExt = t, nil
		}
		if t := instant(parts[3]); t != nil {
			o.Issued = t
		}
		value := strings.TrimSpace(rec.Str("value"))
		switch {
		case parts[4] != "" && value != "":
			o.ValueQuantity, o.ValueString, o.DataAbsentReason = nil, nil, nil
			o.ValueCodeableConcept = issueConcept(parts[4], value)
		case parts[1] == "S" && o.ValueQuantity != nil && strings.TrimSpace(rec.Str("units")) == "":
			o.ValueQuantity, o.ValueString = nil, &value
		}
	}
}
