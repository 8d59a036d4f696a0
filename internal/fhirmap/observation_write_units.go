package fhirmap

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// OpenEMR stores weights in pounds, lengths in inches and temperatures in
// degrees Fahrenheit (form_vitals). A vital written in another UCUM unit is
// converted into the stored unit and the unit kept beside it (migration
// 0028), so that the read converts it back.
//
// A unit is stored = written × a + b. The stored number keeps two more
// decimals than the written one, plus digits more when a < 1 (k, the
// fewest with 10^k × a > 1): then converting back and rounding to the
// written number's decimals gives exactly the number written, and OpenEMR's
// screens show the US value to the hundredth.
type vitalUnit struct {
	code, display string
	a, b          float64
	k             int
}

// vitalUnits are the units each convertible column accepts, the stored
// (US) unit first.
var vitalUnits = map[string][]vitalUnit{
	"weight": {
		{"[lb_av]", "lb", 1, 0, 0},
		{"kg", "kg", 1 / 0.45359237, 0, 0},
		{"g", "g", 1 / 453.59237, 0, 3},
		{"[oz_av]", "oz", 1.0 / 16, 0, 2},
	},
	"length": {
		{"[in_i]", "in", 1, 0, 0},
		{"cm", "cm", 1 / 2.54, 0, 1},
		{"m", "m", 100 / 2.54, 0, 0},
		{"mm", "mm", 1 / 25.4, 0, 2},
		{"[ft_i]", "ft", 12, 0, 0},
	},
	"temperature": {
		{"[degF]", "degF", 1, 0, 0},
		{"Cel", "Cel", 1.8, 32, 0},
	},
}

// findUnit is the unit of kind with UCUM code code, or ok false.
func findUnit(kind, code string) (vitalUnit, bool) {
	for _, u := range vitalUnits[kind] {
		if u.code == code {
			return u, true
		}
	}
	return vitalUnit{}, false
}

// unitCodes lists the codes kind accepts, for an error message.
func unitCodes(kind string) string {
	var out []string
	for _, u := range vitalUnits[kind] {
		out = append(out, u.code)
	}
	return strings.Join(out, ", ")
}

// decimals is how many digits a decimal has after its point.
func decimals(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// toStored converts a written number in unit u to the stored unit.
func (u vitalUnit) toStored(n json.Number) (string, bool) {
	if u.a == 1 && u.b == 0 {
		return n.String(), true
	}
	f, err := n.Float64()
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return strconv.FormatFloat(f*u.a+u.b, 'f', decimals(n.String())+u.k+2, 64), true
}

// fromStored converts a stored number back to unit u, to the decimals it
// was written with.
func (u vitalUnit) fromStored(stored string) (json.Number, bool) {
	if u.a == 1 && u.b == 0 {
		return json.Number(stored), true
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(stored), 64)
	if err != nil {
		return "", false
	}
	d := max(decimals(strings.TrimSpace(stored))-u.k-2, 0)
	s := strconv.FormatFloat((f-u.b)/u.a, 'f', d, 64)
	if s == "-0" {
		s = "0"
	}
	return json.Number(s), true
}
