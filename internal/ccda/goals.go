package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// Goals Section, C-CDA R2.1 Vol 2 §3.30.
var goalsSection = sectionInfo{
	templates: []tid{{root: "2.16.840.1.113883.10.20.22.2.60"}},
	code:      "61146-7", display: "Goals", title: "Goals",
}

// goalStatus maps Goal.lifecycleStatus to the Goal Observation's status.
var goalStatus = map[string]string{"completed": "completed", "cancelled": "cancelled", "rejected": "cancelled"}

// goals is one Goal Observation (§3.31, mood GOL) per Goal: what is aimed
// at (its code, or its text), since when, and its target.
func (b *builder) goals() *node {
	t := newTable("Goal", "Target", "Start", "Due", "Status")
	var entries []*node
	for _, g := range each[*r4.Goal](b) {
		if deref(g.LifecycleStatus) == "entered-in-error" || !b.inRange(deref(g.StartDate), deref(g.StatusDate)) {
			continue
		}
		ref := b.nid("goal")
		var targets, due []string
		for _, tg := range g.Target {
			targets = append(targets, goalTargetText(tg))
			due = append(due, display(deref(tg.DueDate)))
		}
		t.row(ref, conceptText(g.Description), strings.Join(targets, "; "), display(deref(g.StartDate)), strings.Join(due, "; "), deref(g.LifecycleStatus))
		o := el("observation", "classCode", "OBS", "moodCode", "GOL").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.121"})...).
			add(b.id("Goal", deref(g.ID)), cd("code", g.Description, ref, oidLOINC, oidSNOMED), refText(ref),
				statusEl(firstOf(goalStatus[deref(g.LifecycleStatus)], "active")))
		if v := ts(deref(g.StartDate)); v != "" {
			o.add(el("effectiveTime", "value", v))
		}
		o.add(goalValue(g))
		o.add(b.author(firstOf(deref(g.StatusDate), deref(g.StartDate)), g.ExpressedBy))
		entries = append(entries, o)
	}
	return b.section(goalsSection, t.text(), entries...)
}

// goalValue is the goal's first target (a quantity, range or concept),
// else the goal's own text.
func goalValue(g *r4.Goal) *node {
	for _, tg := range g.Target {
		switch {
		case tg.DetailQuantity != nil:
			return pqValue(tg.DetailQuantity)
		case tg.DetailCodeableConcept != nil:
			return cd("value", tg.DetailCodeableConcept, "", oidSNOMED, oidLOINC).set("xsi:type", "CD")
		case tg.DetailString != nil:
			return el("value", "xsi:type", "ST").txt(*tg.DetailString)
		}
	}
	if text := conceptText(g.Description); text != "" {
		return el("value", "xsi:type", "ST").txt(text)
	}
	return nil
}

// goalTargetText is a target as people read it.
func goalTargetText(tg r4.GoalTarget) string {
	parts := []string{conceptText(tg.Measure)}
	switch {
	case tg.DetailQuantity != nil:
		parts = append(parts, quantityText(tg.DetailQuantity))
	case tg.DetailRange != nil:
		parts = append(parts, quantityText(tg.DetailRange.Low)+" – "+quantityText(tg.DetailRange.High))
	case tg.DetailCodeableConcept != nil:
		parts = append(parts, conceptText(tg.DetailCodeableConcept))
	case tg.DetailString != nil:
		parts = append(parts, *tg.DetailString)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
