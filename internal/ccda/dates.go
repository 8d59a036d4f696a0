package ccda

import (
	"strings"
	"time"
)

// parseDate reads a FHIR date or dateTime (R4 datatypes.html#dateTime):
// YYYY, YYYY-MM, YYYY-MM-DD (midnight UTC) or a time with its zone.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	layout := time.RFC3339Nano
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	}
	t, err := time.Parse(layout, s)
	if err != nil && len(s) > 10 {
		t, err = time.Parse("2006-01-02T15:04Z07:00", s) // no seconds
	}
	return t, err == nil
}

// ts turns a FHIR date or dateTime into an HL7 V3 TS (CDA R2 datatypes):
// a date keeps its precision (YYYY, YYYYMM, YYYYMMDD); a time is kept to
// the second with its zone offset, as the US Realm Date and Time
// (DTM.US.FIELDED, C-CDA R2.1 Vol 2 §2.6) asks of any time more precise
// than the day. "" when s is no FHIR date.
func ts(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "T") {
		if _, ok := parseDate(s); !ok {
			return ""
		}
		return strings.ReplaceAll(s, "-", "")
	}
	t, ok := parseDate(s)
	if !ok {
		return ""
	}
	return t.Format("20060102150405-0700")
}

// tsOf is ts of a Go time, to the second with its offset.
func tsOf(t time.Time) string { return t.Format("20060102150405-0700") }

// timeEl is a TS element (effectiveTime, time, birthTime…) of a FHIR
// date, with nullFlavor UNK when there is none.
func timeEl(name, fhir string) *node {
	if v := ts(fhir); v != "" {
		return el(name, "value", v)
	}
	return el(name, "nullFlavor", "UNK")
}

// ivl is an IVL_TS element with low and high; an unknown low is
// nullFlavor UNK, an absent high is left out (still ongoing).
func ivl(name, low, high string) *node {
	n := el(name).add(timeEl("low", low))
	if v := ts(high); v != "" {
		n.add(el("high", "value", v))
	}
	return n
}

// display is a FHIR date or dateTime as people read it in narrative:
// "Nov 1, 2023" or "Nov 1, 2023 12:00 UTC"; the text as given when it
// does not parse.
func display(s string) string {
	s = strings.TrimSpace(s)
	t, ok := parseDate(s)
	switch {
	case !ok:
		return s
	case len(s) == 4:
		return s
	case len(s) == 7:
		return t.Format("Jan 2006")
	case len(s) == 10:
		return t.Format("Jan 2, 2006")
	}
	return t.Format("Jan 2, 2006 15:04 MST")
}

// span is display of a period: "start – end", or "since start".
func span(start, end string) string {
	switch {
	case start != "" && end != "":
		return display(start) + " – " + display(end)
	case start != "":
		return "since " + display(start)
	case end != "":
		return "until " + display(end)
	}
	return ""
}
