package demo

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"goemr/internal/resource"
)

// labs writes 0–5 lab orders, each with a report per panel and its
// results: panels that monitor the patient's conditions, and screening
// panels at adult check-ups.
func (b *batch) labs(c *chart) error {
	age := c.p.ageAt(Anchor)
	want := 0
	switch {
	case age >= 18:
		want = c.r.IntN(3)
		for _, pr := range c.probs {
			if len(pr.labs) > 0 {
				want += 2
				break
			}
		}
	case c.r.IntN(100) < 15:
		want = 1
	}
	want = min(want, 5)
	var candidates []int
	for i, v := range c.visits {
		if v.vitals.height > 0 { // seen in person
			candidates = append(candidates, i)
		}
	}
	c.r.Shuffle(len(candidates), func(i, j int) { candidates[i], candidates[j] = candidates[j], candidates[i] })
	candidates = candidates[:min(want, len(candidates))]
	slices.Sort(candidates)
	for _, i := range candidates {
		if err := b.labOrder(c, &c.visits[i]); err != nil {
			return err
		}
	}
	return nil
}

// orderPanels are the panels ordered at visit v.
func (c *chart) orderPanels(v *visit) []*panel {
	var keys []string
	for _, pr := range c.probs {
		if !pr.begin.After(v.at) {
			keys = append(keys, pr.labs...)
		}
	}
	if c.p.years(v.at) >= 18 && (strings.HasPrefix(v.reason, "Annual") || len(keys) == 0) {
		keys = append(keys, "cbc", "bmp")
		if c.p.years(v.at) >= 35 {
			keys = append(keys, "lipid")
		}
	}
	if len(keys) == 0 {
		keys = []string{"cbc"}
	}
	var out []*panel
	for _, p := range panels {
		if slices.Contains(keys, p.key) {
			out = append(out, panelByKey(p.key))
		}
	}
	return out
}

// labOrder writes one order of visit v with its codes, reports and results.
func (b *batch) labOrder(c *chart, v *visit) error {
	ps := c.orderPanels(v)
	dx := "ICD10:Z00.00"
	for _, pr := range c.probs {
		if pr.chronic && len(pr.labs) > 0 && !pr.begin.After(v.at) {
			dx = "ICD10:" + pr.icd10
			break
		}
	}
	collected := v.at.Add(40 * time.Minute)
	reported := collected.AddDate(0, 0, 1)
	b.now = v.at.Format(dateTime)
	fasting := "NO"
	for _, p := range ps {
		if p.fasting {
			fasting = "YES"
		}
	}
	order, err := b.put(resource.Procedure, map[string]any{
		"provider_id": v.doc.id, "patient_id": b.pid, "encounter_id": v.encounter, "date_collected": collected.Format(dateTime),
		"date_ordered": b.now, "order_priority": "normal", "order_status": "complete", "activity": "1",
		"lab_id": b.sh.lab, "specimen_type": ps[0].specimen, "order_diagnosis": dx, "specimen_fasting": fasting,
		"procedure_order_type": "laboratory_test", "order_intent": "order", "location_id": v.fac,
		"control_id": strconv.Itoa(b.n) + "-" + strconv.FormatInt(v.encounter, 10), "history_order": "0",
		"clinical_hx": v.reason, "billing_type": "T",
	})
	if err != nil {
		return err
	}
	orderID := order["procedure_order_id"]
	for seq, p := range ps {
		_, err := b.put(orderCode, map[string]any{
			"procedure_order_id": orderID, "procedure_order_seq": seq + 1, "procedure_code": p.loinc,
			"procedure_name": p.name, "procedure_source": "1", "diagnoses": dx, "do_not_send": "0",
			"procedure_order_title": p.name, "procedure_type": "laboratory_test",
		})
		if err != nil {
			return err
		}
		b.now = reported.Format(dateTime)
		report, err := b.put(resource.ProcedureReport, map[string]any{
			"procedure_order_id": orderID, "procedure_order_seq": seq + 1, "date_collected": collected.Format(dateTime),
			"date_report": b.now, "source": v.doc.id, "specimen_num": "S" + strconv.Itoa(b.n*10+seq),
			"report_status": "final", "review_status": "reviewed",
		})
		if err != nil {
			return err
		}
		for _, a := range p.results {
			value, flag := c.labValue(a, v)
			err := b.add(resource.ProcedureResult, map[string]any{
				"procedure_report_id": report["procedure_report_id"], "result_data_type": "N", "result_code": a.loinc,
				"result_text": a.name, "date": b.now, "facility": "Commonwealth Reference Laboratory", "units": a.units,
				"result": value, "range": rangeText(a), "abnormal": flag, "result_status": "final",
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// labValue is the patient's value of a on visit v and its abnormal flag.
func (c *chart) labValue(a analyte, v *visit) (string, string) {
	x := a.mean + a.sd*clamp(c.r.NormFloat64(), -2.5, 2.5)
	for _, pr := range c.probs {
		if !pr.begin.After(v.at) {
			x += shifts[pr.icd10][a.loinc]
		}
	}
	if c.p.female() && (a.loinc == "718-7" || a.loinc == "4544-3" || a.loinc == "2160-0") {
		x *= 0.88
	}
	x = math.Max(x, a.mean/4)
	pow := math.Pow(10, float64(a.digits))
	x = math.Round(x*pow) / pow
	flag := "no"
	switch {
	case x > a.high:
		flag = "high"
	case x < a.low:
		flag = "low"
	}
	return strconv.FormatFloat(x, 'f', a.digits, 64), flag
}

// rangeText is a reference range as labs print it.
func rangeText(a analyte) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	if a.low == 0 {
		return "<" + f(a.high+math.Pow(10, -float64(a.digits)))
	}
	return f(a.low) + "-" + f(a.high)
}
