package fhirmap

import "strconv"

// str is a mapped or stored value as text.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// orNil is v, or nil (SQL NULL) when it is empty: a number column takes
// no "".
func orNil(v any) any {
	if str(v) == "" {
		return nil
	}
	return v
}

// observationWritePaths name the element each checked value comes from.
var observationWritePaths = func() map[string]string {
	out := map[string]string{"pid": "Observation.subject", "encounter": "Observation.encounter",
		"performer": "Observation.performer", "temp_method": "Observation.method", "BMI_status": "Observation.interpretation"}
	for _, vc := range vitalStorage {
		if vc.column != "" {
			out[vc.column] = "Observation.valueQuantity"
		}
		for _, p := range vc.components {
			out[p.column] = "Observation.component.valueQuantity"
		}
	}
	return out
}()
