package demo

import (
	"math"
	"time"
)

// OpenEMR's vitals form computes a child's growth percentiles from the
// CDC and WHO charts (form_vitals ped_bmi, ped_weight_height,
// ped_head_circ), which US Core shows as Pediatric BMI for Age, Pediatric
// Weight for Height and Head Occipital-frontal Circumference Percentile
// Observations. The demo derives them from how far a measurement lies from
// the median measure() grows the child along, without drawing random
// numbers, so nothing else the generator writes changes.

// Spreads of the measures around their medians, as fractions of the
// median BMI (about the CDC charts' spread in childhood) and in inches of
// head circumference.
const (
	bmiSpread  = 0.13
	headSpread = 0.5
)

// percentile is the normal distribution's percentile of z, to one decimal
// and within the charts' 0.1–99.9.
func percentile(z float64) float64 {
	p := 50 * (1 + math.Erf(z/math.Sqrt2))
	return clamp(math.Round(p*10)/10, 0.1, 99.9)
}

// growthPercentiles fills the percentiles OpenEMR records for a child
// measured on t: BMI for age from 2 to 20 years, weight for length and
// head circumference under 2 (the WHO charts' range).
func (c *chart) growthPercentiles(row map[string]any, m vitals, t time.Time) {
	y := c.p.years(t)
	z := (m.bmi/at(medianBMI, math.Min(y, 18)) - 1) / bmiSpread
	switch {
	case y >= 2 && y < 20:
		row["ped_bmi"] = f1(percentile(z))
	case y < 2:
		// Weight for length follows BMI in infancy, both being weight
		// over length.
		row["ped_weight_height"] = f1(percentile(z))
		if m.head > 0 {
			median := 13.8 + 4.2*math.Min(y, 1) + 1.3*math.Max(y-1, 0)
			row["ped_head_circ"] = f1(percentile((m.head - median) / headSpread))
		}
	}
}

// supplementalOxygen fills the inhaled oxygen of a pulse oximetry taken
// on oxygen: an adult with COPD whose saturation is 95% or less is on 2
// L/min by nasal cannula, about 28% oxygen (US Core Pulse Oximetry's
// flow rate and concentration components).
func (c *chart) supplementalOxygen(row map[string]any, m vitals, t time.Time) {
	if c.p.years(t) >= 18 && c.has("J44.9", t) && m.spo2 <= 95 {
		row["oxygen_flow_rate"], row["inhaled_oxygen_concentration"] = "2.00", "28"
	}
}
