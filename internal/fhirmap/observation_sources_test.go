package fhirmap

import (
	"encoding/json"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// TestWrittenToFHIR: what a source row keeps beyond the view completes
// the Observation read from it.
func TestWrittenToFHIR(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rec    emr.Record
		extras string
		check  func(o *r4.Observation) bool
	}{
		{"a weight written in kg", emr.Record{"source": "form_vitals", "code": "29463-7", "value": "44.2999956", "src_uuid": "u"}, "vital|kg|||",
			func(o *r4.Observation) bool {
				return o.ValueQuantity.Value.String() == "20.09414" && *o.ValueQuantity.Code == "kg" && *o.Meta.VersionId == "3"
			}},
		{"a weight in lb stays", emr.Record{"source": "form_vitals", "code": "29463-7", "value": "150", "src_uuid": "u"}, "vital||||",
			func(o *r4.Observation) bool {
				return o.ValueQuantity.Value.String() == "150" && *o.ValueQuantity.Code == "[lb_av]"
			}},
		{"a temperature in Cel", emr.Record{"source": "form_vitals", "code": "8310-5", "value": "98.60", "src_uuid": "u"}, "vital|||Cel|",
			func(o *r4.Observation) bool {
				return o.ValueQuantity.Value.String() == "37" && *o.ValueQuantity.Unit == "Cel"
			}},
		{"a result's own times and codes", emr.Record{"source": "procedure_result", "value": "Detected", "src_uuid": "u"},
			"lab|S|2021-01-28 21:06:21|2021-01-29 08:00:00|SNOMED-CT:260373001",
			func(o *r4.Observation) bool {
				return *o.EffectiveDateTime == "2021-01-28T21:06:21Z" && *o.Issued == "2021-01-29T08:00:00Z" &&
					o.ValueCodeableConcept != nil && *o.ValueCodeableConcept.Coding[0].Code == "260373001" &&
					*o.ValueCodeableConcept.Text == "Detected" && o.ValueQuantity == nil
			}},
		{"a text that reads as a number", emr.Record{"source": "procedure_result", "value": "5", "src_uuid": "u"}, "lab|S|||",
			func(o *r4.Observation) bool {
				return o.ValueString != nil && *o.ValueString == "5" && o.ValueQuantity == nil
			}},
		{"a number", emr.Record{"source": "procedure_result", "value": "5", "units": "mg", "src_uuid": "u"}, "lab|N|||",
			func(o *r4.Observation) bool { return o.ValueString == nil && o.ValueQuantity != nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewContext("")
			c.SetRef("extras", "u", tc.extras)
			c.SetRef(versionRef, "u", "3")
			o := observationToFHIR(withView(tc.rec), c).(*r4.Observation)
			if !tc.check(o) {
				raw, _ := json.Marshal(o)
				t.Errorf("%s", raw)
			}
		})
	}
}

// withView gives a record the category the view gives its source.
func withView(rec emr.Record) emr.Record {
	rec["id"] = "u"
	if rec["source"] == "form_vitals" {
		rec["category"] = categoryVitalSigns
	} else {
		rec["category"] = categoryLaboratory
	}
	return rec
}
