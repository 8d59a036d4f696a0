package restapi

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["insurance.create"] = createInsurance
	builtin["insurance.update"] = updateInsurance
}

// coveragePatient binds the patient of an insurance write. A malformed or
// unknown patient uuid is the error OpenEMR's InsuranceRestController
// gives for both (openemr-standard-api.md §3.13).
func coveragePatient(c *Call) (*bound, error) {
	invalidPUUID := &ValidationError{Errors: map[string]string{"puuid::INVALID_PUUID": "Patient uuid invalid"}}
	if !isUUID(c.Params["puuid"]) {
		return nil, invalidPUUID
	}
	b, err := bind(c, resource.Insurance)
	if emr.IsNotFound(err) {
		return nil, invalidPUUID
	}
	return b, err
}

// createInsurance is POST /api/patient/:puuid/insurance: type defaults to
// primary; the policy is checked against CoverageValidator's rules and the
// patient's other policies, stored, and answered 201 with the whole record
// (8.x sends 200).
func createInsurance(c *Call) error {
	d := resource.Insurance
	b, err := coveragePatient(c)
	if err != nil {
		return err
	}
	body, err := decodeBody(c.R)
	if err != nil {
		return err
	}
	if v, ok := body["type"]; !ok || v == nil {
		body["type"] = "primary"
	}
	in, err := c.coverageInput(body, b, true, "")
	if err != nil {
		return err
	}
	return c.insert(d, coverageValues(in, b, true), b, func(w resource.Writer) error {
		return policyConflict(c, w, b, in, "")
	})
}

// updateInsurance is PUT /api/patient/:puuid/insurance/:insuranceUuid: the
// same rules with only type required, and every writable column replaced
// (omitted ones become NULL, as InsuranceService::update writes them all).
// A policy the patient does not have is a 404.
func updateInsurance(c *Call) error {
	d := resource.Insurance
	b, err := coveragePatient(c)
	if err != nil {
		return err
	}
	cond, _, err := itemCond(c, d)
	if err != nil {
		return err
	}
	where := append(b.where, cond)
	if _, err := c.Records().Get(c.Ctx(), d, where...); err != nil {
		if emr.IsNotFound(err) {
			return notFoundParam(c, d)
		}
		return err
	}
	body, err := decodeBody(c.R)
	if err != nil {
		return err
	}
	self := cond.Value.(string)
	in, err := c.coverageInput(body, b, false, self)
	if err != nil {
		return err
	}
	values := coverageValues(in, b, false)
	var n int64
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		if err := policyConflict(c, w, b, in, self); err != nil {
			return err
		}
		n, err = w.Update(c.Ctx(), d, values, where...)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFoundParam(c, d)
	}
	return c.replyWrite(d, d.Updated, http.StatusOK, emr.Record{d.Key: self}, b)
}

// coverageValues are the columns a policy write stores: every writable
// field. A create stores the empty string for an omitted one, as
// InsuranceService::insert does, an update NULL; empty dates are NULL
// either way.
func coverageValues(in resource.Input, b *bound, create bool) map[string]any {
	values := map[string]any{"pid": b.values["pid"]}
	for _, f := range resource.Insurance.Fields {
		if !f.Write || !f.Stored() {
			continue
		}
		v, ok := in[f.Name]
		if create && (!ok || v == nil) {
			v = ""
		}
		values[f.Name] = v
	}
	return values
}
