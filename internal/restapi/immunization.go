package restapi

import (
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
)

func init() {
	presenters["immunization"] = presentImmunizations
	presenters["drug"] = presentDrugs
}

// immunizationDates are the dates OpenEMR sends in ISO 8601 with the zone
// (date('c')) (openemr-standard-api.md §3.18).
var immunizationDates = []string{"create_date", "administered_date", "expiration_date", "education_date"}

// presentImmunizations types the values as OpenEMR's ImmunizationService
// does: primarySource a boolean, amount_administered a number and the
// dates ISO 8601.
func presentImmunizations(_ *Call, recs []emr.Record) error {
	for _, r := range recs {
		r["primarySource"] = r.Str("primarySource") == "1"
		r["amount_administered"] = number(r.Str("amount_administered"))
		for _, k := range immunizationDates {
			if s := r.Str(k); s != "" {
				r[k] = isoTime(s)
			}
		}
	}
	return nil
}

// number is a stored amount as a JSON number, null when absent. OpenEMR
// sends intval(), truncating 0.5 mL to 0; goemr keeps the fraction.
func number(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return nil
}

// isoTime shows a stored date or date-time (UTC) as PHP's date('c').
func isoTime(s string) string {
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02T15:04:05-07:00")
		}
	}
	return s
}

// presentDrugs expands drug_code into OpenEMR's map of codes when the drug
// has an RxNorm code (DrugService::createResultRecordFromDatabaseResult):
// a bare drug_code is an RxNorm concept id.
func presentDrugs(_ *Call, recs []emr.Record) error {
	for _, r := range recs {
		rx := r.Str("rxnorm_drugcode")
		if rx == "" {
			continue
		}
		r["drug_code"] = drugCodes(rx, r.Str("name"))
	}
	return nil
}

// drugCodes is OpenEMR's code map of a drug's codes, each described by the
// drug's name (goemr has no RxNorm tables to look descriptions up in). A
// code without a type is an RxNorm concept id (RXCUI).
func drugCodes(codes, name string) any {
	var typed []string
	for _, c := range strings.Split(codes, ";") {
		if c = strings.TrimSpace(c); c != "" && !strings.Contains(c, ":") {
			c = "RXCUI:" + c
		}
		typed = append(typed, c)
	}
	m := expandCodes(strings.Join(typed, ";"))
	if codes, ok := m.(map[string]any); ok {
		for _, v := range codes {
			v.(map[string]any)["description"] = name
		}
	}
	return m
}
