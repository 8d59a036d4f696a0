package fhir

import (
	"net/http"
	"strings"
	"time"

	"goemr/internal/emr"
)

// ccdType is the only document type $docref generates: LOINC 34133-9,
// Summarization of Episode Note (the C-CDA CCD).
const ccdType = "34133-9"

// docrefParams are the parameters of one $docref call (US Core 6.1.0
// OperationDefinition-docref).
type docrefParams struct {
	patient    string // the patient's id ("" when not given)
	start, end time.Time
	onDemand   bool
}

// ranged reports whether the call asks for a date range.
func (p *docrefParams) ranged() bool { return !p.start.IsZero() || !p.end.IsZero() }

// readDocrefParams reads the parameters from the query string and, on a
// POST, from a Parameters resource in the body (FHIR R4
// operations.html#request: a POST carries them in a Parameters body;
// OpenEMR clients send them in the URL, which is read too).
func readDocrefParams(r *http.Request) (*docrefParams, error) {
	values, err := operationParams(r, "$docref")
	if err != nil {
		return nil, err
	}
	p := &docrefParams{}
	for name, vs := range values {
		if len(vs) > 1 && name != "type" {
			return nil, emr.Errorf(emr.EINVALID, "$docref takes one %s", name)
		}
		v := strings.TrimSpace(vs[0])
		var err error
		switch name {
		case "patient":
			p.patient = strings.TrimPrefix(v, "Patient/")
		case "start":
			p.start, err = docrefDate(name, v, false)
		case "end":
			p.end, err = docrefDate(name, v, true)
		case "type":
			for _, t := range vs {
				for _, alt := range strings.Split(t, ",") {
					system, code, found := strings.Cut(strings.TrimSpace(alt), "|")
					if !found {
						system, code = "", system
					}
					if code != ccdType || system != "" && system != "http://loinc.org" {
						return nil, emr.Errorf(emr.EINVALID, "$docref generates only the C-CDA Continuity of Care Document (http://loinc.org|%s), not %s", ccdType, alt)
					}
				}
			}
		case "on-demand":
			switch v {
			case "true", "false":
				p.onDemand = v == "true"
			default:
				err = emr.Errorf(emr.EINVALID, "on-demand must be true or false, not %q", v)
			}
		case "profile", "_format":
		default:
			err = emr.Errorf(emr.EINVALID, "$docref has no parameter %s (patient, start, end, type, on-demand)", name)
		}
		if err != nil {
			return nil, err
		}
	}
	if !p.start.IsZero() && !p.end.IsZero() && p.end.Before(p.start) {
		return nil, emr.Errorf(emr.EINVALID, "end is before start")
	}
	return p, nil
}

// docrefDate reads a FHIR date or dateTime bound; an end is the last
// instant of the day, month or year it names.
func docrefDate(name, v string, end bool) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, v)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01-02":
				t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
			case "2006-01":
				t = t.AddDate(0, 1, 0).Add(-time.Nanosecond)
			case "2006":
				t = t.AddDate(1, 0, 0).Add(-time.Nanosecond)
			}
		}
		return t, nil
	}
	return time.Time{}, emr.Errorf(emr.EINVALID, "%s must be a FHIR date or dateTime, not %q", name, v)
}
