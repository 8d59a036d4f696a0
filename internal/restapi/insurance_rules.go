package restapi

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// coverageInput decodes and validates a policy body for the patient bound
// in b (CoverageValidator, openemr-standard-api.md §3.13): the field rules
// of resource.Insurance, then the ones that need the database. self is the
// policy's own uuid on update. Every failure is reported in one 400.
func (c *Call) coverageInput(body map[string]any, b *bound, create bool, self string) (resource.Input, error) {
	d := resource.Insurance
	errs := resource.Errors{}
	in := resource.Decode(d, body, errs)
	if err := resource.Validate(c.Ctx(), d, in, create, c.Records(), errs); err != nil {
		return nil, err
	}
	// date_end may be empty but its key must be there whenever date is.
	if inputStr(in, "date") != "" {
		if _, ok := body["date_end"]; !ok {
			errs.Add("date_end", "Required::NON_EXISTENT_KEY", "date_end must be provided, but does not exist")
		}
	}
	if err := c.checkProvider(in, errs); err != nil {
		return nil, err
	}
	if err := c.checkSubscriber(b, in, errs); err != nil {
		return nil, err
	}
	if err := policyDates(c, c.Records(), b, in, self, errs); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, &ValidationError{Errors: errs}
	}
	return in, nil
}

// checkProvider requires provider to name an insurance company. Only a
// whole number is looked up, so no malformed id reaches the database.
func (c *Call) checkProvider(in resource.Input, errs resource.Errors) error {
	v := inputStr(in, "provider")
	if v == "" || errs["provider"] != nil {
		return nil
	}
	ok := len(v) <= 18 && strings.Trim(v, "0123456789") == ""
	if ok {
		var err error
		if ok, err = c.Records().Exists(c.Ctx(), "insurance_companies", "id", v); err != nil {
			return err
		}
	}
	if !ok {
		errs["provider"] = map[string]string{"invalid or nonexisting value": "value " + v}
	}
	return nil
}

// checkSubscriber applies the subscriber_relationship rules: a "self"
// subscriber has the patient's name (or a previous one) and, when given,
// SSN; any other subscriber has an SSN other than the patient's.
func (c *Call) checkSubscriber(b *bound, in resource.Input, errs resource.Errors) error {
	rel := inputStr(in, "subscriber_relationship")
	if rel == "" || errs["subscriber_relationship"] != nil {
		return nil
	}
	fname, lname, ss := inputStr(in, "subscriber_fname"), inputStr(in, "subscriber_lname"), inputStr(in, "subscriber_ss")
	p, err := c.Records().Get(c.Ctx(), resource.Patient, emr.Eq("pid", b.values["pid"]))
	if err != nil {
		return err
	}
	const field = "subscriber_relationship"
	if rel != "self" {
		if ss != "" && ss == p.Str("ss") {
			errs.Add(field, "Record::INVALID_SUBSCRIBER_SSN", "Subscriber social security number must not match patient social security number for non-self relationship")
		}
		return nil
	}
	if fname != "" && lname != "" {
		ok, err := c.patientNamed(p, fname, lname)
		if err != nil {
			return err
		}
		if !ok {
			errs.Add(field, "Record::INVALID_SELF_SUBSCRIBER_NAME", "Subscriber name must match patient name for self relationship")
			return nil
		}
	}
	if ss != "" && ss != p.Str("ss") {
		errs.Add(field, "Record::INVALID_SELF_SUBSCRIBER_SSN", "Subscriber social security number must match patient social security number for self relationship")
	}
	return nil
}

// patientNamed reports whether the patient's current or a previous name is
// fname lname, ignoring case as OpenEMR's comparisons do.
func (c *Call) patientNamed(p emr.Record, fname, lname string) (bool, error) {
	if strings.EqualFold(p.Str("fname"), fname) && strings.EqualFold(p.Str("lname"), lname) {
		return true, nil
	}
	names, err := c.Records().List(c.Ctx(), resource.PatientHistory, emr.Query{Where: []emr.Cond{emr.Eq("pid", p["pid"])}})
	if err != nil {
		return false, err
	}
	for _, n := range names {
		if strings.EqualFold(n.Str("previous_name_first"), fname) && strings.EqualFold(n.Str("previous_name_last"), lname) {
			return true, nil
		}
	}
	return false, nil
}

// policyDates checks a policy against the patient's other policies of its
// type (all but self): one policy per effective date, one without an end
// date, and a start not after the end. Errors are reported on date.
func policyDates(c *Call, r resource.Reader, b *bound, in resource.Input, self string, errs resource.Errors) error {
	typ, date, end := inputStr(in, "type"), inputStr(in, "date"), inputStr(in, "date_end")
	if typ == "" || errs["type"] != nil || errs["date"] != nil || errs["date_end"] != nil {
		return nil
	}
	policies, err := r.List(c.Ctx(), resource.Insurance, emr.Query{Where: []emr.Cond{emr.Eq("pid", b.values["pid"]), emr.Eq("type", typ)}})
	if err != nil {
		return err
	}
	var sameDate, open bool
	for _, p := range policies {
		if p.Str("uuid") == self {
			continue
		}
		sameDate = sameDate || date != "" && p.Str("date") == date
		open = open || p.Str("date_end") == ""
	}
	switch {
	case sameDate:
		errs.Add("date", "Record::DUPLICATE_RECORD", "A policy for this type with the same effective date already exists for this patient")
	case open && end == "":
		errs.Add("date", "Record::DUPLICATE_CURRENT_POLICY", "A current policy (no end date) already exists for this patient and type.")
	case date != "" && end != "" && date > end:
		errs.Add("date", "DateTime::INVALID_START_DATE", "Start date cannot be after end date")
	}
	return nil
}

// policyConflict repeats policyDates inside the write's transaction, so
// two concurrent writes cannot both pass it.
func policyConflict(c *Call, w resource.Reader, b *bound, in resource.Input, self string) error {
	errs := resource.Errors{}
	if err := policyDates(c, w, b, in, self, errs); err != nil {
		return err
	}
	if len(errs) > 0 {
		return &ValidationError{Errors: errs}
	}
	return nil
}

// inputStr is the string value of an input field ("" when absent or null).
func inputStr(in resource.Input, k string) string {
	s, _ := in[k].(string)
	return s
}
