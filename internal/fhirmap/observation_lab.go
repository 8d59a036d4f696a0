package fhirmap

import (
	"regexp"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

var labProfiles = profiles("us-core-observation-lab")

// labToFHIR fills o as the US Core Laboratory Result Observation a
// procedure_result row is: a LOINC code, the value as a Quantity when it
// is a number (a string otherwise), its reference range and abnormal flag,
// and the specimen its report names.
func labToFHIR(o *r4.Observation, rec emr.Record) {
	o.Meta = meta(labProfiles, rec.Str("last_updated"))
	o.Category = observationCategoryConcept(categoryLaboratory, "Laboratory")
	o.Code = loincConcept(rec.Str("code"), rec.Str("code_text"))
	units := strings.TrimSpace(rec.Str("units"))
	if q := labQuantity(rec.Str("value"), units); q != nil {
		o.ValueQuantity = q
	} else if v := text(rec.Str("value")); v != nil {
		o.ValueString = v
	} else {
		// No value yet (US Core us-core-2: a value or why not).
		o.DataAbsentReason = concept(systemAbsent, "unknown", "Unknown")
	}
	if rr := labRange(rec.Str("ref_range"), units); rr != nil {
		o.ReferenceRange = []r4.ObservationReferenceRange{*rr}
	}
	flag := strings.ToLower(strings.TrimSpace(rec.Str("interpretation")))
	if i, ok := interpretations[flag]; ok {
		o.Interpretation = []r4.CodeableConcept{*concept(systemInterpretationV3, i[0], i[1])}
	} else if t := text(strings.TrimSpace(rec.Str("interpretation"))); t != nil {
		o.Interpretation = []r4.CodeableConcept{{Text: t}}
	}
	// goemr serves no Specimen, so the specimen is a logical reference:
	// the report's specimen number and the order's specimen type.
	num, kind := text(rec.Str("specimen_num")), text(rec.Str("specimen"))
	if num != nil || kind != nil {
		o.Specimen = &r4.Reference{Display: kind}
		if num != nil {
			o.Specimen.Identifier = &r4.Identifier{Value: num}
		}
	}
}

// loinc matches a LOINC code (nnnnn-n).
var loinc = regexp.MustCompile(`^[0-9]{1,7}-[0-9]$`)

// loincConcept is a lab code with its name: a LOINC coding when it is
// one, else only the name (US Core binds lab codes extensibly to LOINC, so
// a local code is shown as text), else "unknown".
func loincConcept(code, display string) *r4.CodeableConcept {
	code = strings.TrimSpace(code)
	switch {
	case loinc.MatchString(code):
		return concept(systemLOINC, code, display)
	case text(display) != nil:
		return &r4.CodeableConcept{Text: text(display)}
	case code != "":
		return &r4.CodeableConcept{Text: &code}
	}
	return unknownConcept()
}

// labNumber is a result as labs write a number: a value, maybe after a
// comparator ("<0.5").
var labNumber = regexp.MustCompile(`^(<=|>=|<|>)?\s*(\S+)$`)

// labQuantity is a numeric result as a Quantity in its units (coded in
// UCUM when they can be UCUM), or nil when the result is not a number.
func labQuantity(value, units string) *r4.Quantity {
	m := labNumber.FindStringSubmatch(strings.TrimSpace(value))
	if m == nil {
		return nil
	}
	q := quantityIn(m[2], units)
	if q != nil && m[1] != "" {
		q.Comparator = ptr(m[1])
	}
	return q
}

func quantityIn(number, units string) *r4.Quantity {
	n := decimalValue(number)
	if n == nil {
		return nil
	}
	q := &r4.Quantity{Value: n, Unit: text(units)}
	if ucumCode.MatchString(units) {
		q.System, q.Code = ptr(systemUCUMUnits), ptr(units)
	}
	return q
}

// Reference ranges as labs print them: "4.5-11.0", "<200", ">40".
var (
	rangeBetween = regexp.MustCompile(`^(-?[0-9.]+)\s*-\s*(-?[0-9.]+)$`)
	rangeBound   = regexp.MustCompile(`^(<|<=|>|>=)\s*(-?[0-9.]+)$`)
)

// labRange is a printed reference range with its bounds when they can be
// read; the text is always kept (R4 obs-3 asks for low, high or text).
func labRange(printed, units string) *r4.ObservationReferenceRange {
	t := text(printed)
	if t == nil {
		return nil
	}
	rr := &r4.ObservationReferenceRange{Text: t}
	if m := rangeBetween.FindStringSubmatch(*t); m != nil {
		rr.Low, rr.High = quantityIn(m[1], units), quantityIn(m[2], units)
	} else if m := rangeBound.FindStringSubmatch(*t); m != nil {
		if strings.HasPrefix(m[1], "<") {
			rr.High = quantityIn(m[2], units)
		} else {
			rr.Low = quantityIn(m[2], units)
		}
	}
	return rr
}
