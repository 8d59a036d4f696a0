package demo

import (
	"math"
	"math/rand/v2"
	"time"
)

// baseline is how a patient's body differs from the median: it keeps the
// vitals of one patient consistent from visit to visit.
type baseline struct {
	heightZ float64 // standard deviations from the median height
	bmi     float64 // relative to the median BMI for age (1 = median)
	bps     float64 // systolic offset, mmHg
	pulse   float64
}

func newBaseline(r *rand.Rand, p *person) baseline {
	return baseline{
		heightZ: clamp(r.NormFloat64(), -2.5, 2.5),
		bmi:     clamp(1+0.17*r.NormFloat64(), 0.75, 1.8),
		bps:     8 * r.NormFloat64(),
		pulse:   7 * r.NormFloat64(),
	}
}

// vitals are one visit's measurements, in OpenEMR's US units (lb, in, °F).
type vitals struct {
	bps, bpd, pulse, resp, spo2 float64
	weight, height, temp, bmi   float64
	head, waist                 float64
}

// Median height (in) by age (years), CDC growth charts; adults keep the
// last value.
var (
	boyHeight  = []float64{19.7, 29.8, 34.2, 37.5, 40.5, 43.0, 45.5, 48.0, 50.4, 52.6, 54.5, 56.4, 58.7, 61.4, 64.6, 66.9, 68.3, 69.0, 69.2}
	girlHeight = []float64{19.4, 29.2, 33.7, 37.0, 39.9, 42.5, 45.0, 47.5, 49.8, 52.0, 54.3, 56.7, 59.4, 61.8, 63.2, 63.8, 64.0, 64.0, 63.7}
	// Median BMI by age, both sexes.
	medianBMI = []float64{13.4, 17.2, 16.5, 16.0, 15.7, 15.4, 15.4, 15.6, 16.0, 16.4, 16.9, 17.5, 18.1, 18.7, 19.3, 19.9, 20.5, 21.0, 21.6, 22.5, 23.5, 24.5, 25.5, 26.5}
)

// at interpolates a by-year table at age years (the last value beyond it).
func at(table []float64, years float64) float64 {
	if years >= float64(len(table)-1) {
		return table[len(table)-1]
	}
	i := int(years)
	f := years - float64(i)
	return table[i]*(1-f) + table[i+1]*f
}

// measure takes the patient's vitals on t.
func (c *chart) measure(t time.Time) vitals {
	r, p, b := c.r, c.p, c.base
	y := p.years(t)
	table := boyHeight
	if p.female() {
		table = girlHeight
	}
	height := at(table, y) * (1 + 0.04*b.heightZ)
	bmiYears := y
	if y >= 18 {
		bmiYears = 18 + (y-18)/5 // adults put on weight slowly until 45
	}
	bmi := at(medianBMI, bmiYears)*b.bmi + 0.4*r.NormFloat64()
	if c.has("E66.9", t) {
		bmi = math.Max(bmi, 31+2*r.Float64())
	}
	bmi = math.Max(bmi, 11.5)
	v := vitals{height: height, bmi: bmi, weight: bmi * height * height / 703}
	v.temp = clamp(98.2+0.35*r.NormFloat64(), 96.8, 100.4)
	v.spo2 = clamp(math.Round(97.8+1.0*r.NormFloat64()), 94, 100)
	if c.has("J44.9", t) {
		v.spo2 -= 3
	}
	switch {
	case y < 1:
		v.pulse, v.resp, v.bps, v.bpd = 130, 36, 85, 50
	case y < 6:
		v.pulse, v.resp, v.bps, v.bpd = 108, 26, 95, 58
	case y < 13:
		v.pulse, v.resp, v.bps, v.bpd = 88, 20, 104, 64
	default:
		v.pulse, v.resp = 74, 16
		v.bps = 108 + 0.45*math.Max(y-18, 0)
		v.bpd = 70 + 0.15*math.Max(y-18, 0) - 0.1*math.Max(y-60, 0)
	}
	if c.has("I10", t) {
		v.bps, v.bpd = v.bps+16, v.bpd+9
	}
	spread := 1.0 // children's pressures vary less in absolute terms
	if y < 13 {
		spread = 0.5
	}
	v.bps = clamp(v.bps+spread*(b.bps+6*r.NormFloat64()), 65, 210)
	v.bpd = clamp(v.bpd+spread*(b.bps/2+4*r.NormFloat64()), 35, 120)
	v.pulse = clamp(v.pulse+b.pulse+5*r.NormFloat64(), 45, 180)
	v.resp += 1.5 * r.NormFloat64()
	if y < 2 {
		v.head = 13.8 + 4.2*math.Min(y, 1) + 1.3*math.Max(y-1, 0) + 0.4*r.NormFloat64()
	}
	if y >= 18 {
		v.waist = 0.95*bmi + 10 + r.NormFloat64()
	}
	return v
}

// bmiStatus is OpenEMR's BMI status text for an adult.
func bmiStatus(bmi float64) string {
	switch {
	case bmi < 18.5:
		return "Underweight"
	case bmi < 25:
		return "Normal BMI"
	case bmi < 30:
		return "Overweight"
	case bmi < 35:
		return "Obesity I"
	case bmi < 40:
		return "Obesity II"
	}
	return "Obesity III"
}

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }
