package restapi

import (
	"net/http"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["prescription.list"] = listPrescriptions
	builtin["prescription.read"] = readPrescription
	builtin["prescription.create"] = createPrescription
	presenters["prescription"] = presentPrescriptions
}

// listPrescriptions is GET /api/prescription: prescriptions and medication
// list entries together (openemr-standard-api.md §3.19). Every query
// parameter naming a field is an exact filter; others are ignored.
func listPrescriptions(c *Call) error {
	d := resource.PrescriptionList
	q, err := listQuery(c, d, nil)
	if err != nil {
		return err
	}
	return c.listPage(d, q)
}

// readPrescription is GET /api/prescription/:uuid, a prescription or a
// medication list entry. An unknown uuid is a 404 (OpenEMR: 400).
func readPrescription(c *Call) error {
	d := resource.PrescriptionList
	cond, _, err := itemCond(c, d)
	if err != nil {
		return err
	}
	rec, err := c.Records().Get(c.Ctx(), d, cond)
	if emr.IsNotFound(err) {
		return notFoundParam(c, d)
	}
	if err != nil {
		return err
	}
	if err := c.s.present(c, d, []emr.Record{rec}); err != nil {
		return err
	}
	return c.Reply(http.StatusOK, rec)
}

// createPrescription is POST /api/prescription: any prescriptions column;
// drug and patient_id (the numeric pid of an existing patient) are
// required, reported in OpenEMR's shape {"drug": "This field is required"}.
// Answers 201 {id, uuid}.
func createPrescription(c *Call) error {
	d := resource.Prescription
	body, err := decodeBody(c.R)
	if err != nil {
		return err
	}
	errs := resource.Errors{}
	in := resource.Decode(d, body, errs)
	for _, k := range []string{"drug", "patient_id"} {
		if s, _ := in[k].(string); s == "" {
			errs[k] = "This field is required"
		}
	}
	if err := resource.Validate(c.Ctx(), d, in, true, c.Records(), errs); err != nil {
		return err
	}
	wholeNumbers(d, in, errs)
	if pid, _ := in["patient_id"].(string); pid != "" && errs["patient_id"] == nil {
		ok, err := c.Records().Exists(c.Ctx(), "patient_data", "pid", pid)
		if err != nil {
			return err
		}
		if !ok {
			errs["patient_id"] = "No patient has the pid " + pid
		}
	}
	if len(errs) > 0 {
		return &ValidationError{Errors: errs}
	}
	values := c.values(d, in, nil, true)
	return c.insert(d, values, nil)
}

// presentPrescriptions expands rxnorm_drugcode into drugcode, OpenEMR's map
// of codes, naming each after the drug.
func presentPrescriptions(c *Call, recs []emr.Record) error {
	for _, r := range recs {
		if code := r.Str("rxnorm_drugcode"); code != "" {
			r["drugcode"] = drugCodes(code, r.Str("drug"))
		}
	}
	return nil
}

// wholeNumbers rejects a fraction in a whole-number column, which the
// numeric rule admits but the database would refuse.
func wholeNumbers(d *resource.Def, in resource.Input, errs resource.Errors) {
	for k, v := range in {
		s, _ := v.(string)
		f := d.Field(k)
		if s == "" || f == nil || f.Kind != resource.Int || errs[k] != nil {
			continue
		}
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			errs.Add(k, "Numeric::NOT_NUMERIC", k+" must be a whole number")
		}
	}
}
