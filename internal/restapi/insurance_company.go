package restapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["insurance_type.list"] = listInsuranceTypes
	builtin["insurance_company.create"] = createInsuranceCompany
	builtin["insurance_company.update"] = updateInsuranceCompany
}

// listInsuranceTypes is GET /api/insurance_type: the type names as an
// object keyed by 1-based row number, {"1": "Other HCFA", "2": …}, in
// table order (InsuranceCompanyService::getInsuranceTypes, §3.12).
func listInsuranceTypes(c *Call) error {
	recs, err := c.Records().List(c.Ctx(), resource.InsuranceType, emr.Query{})
	if err != nil {
		return err
	}
	var b bytes.Buffer // a Go map would sort "10" before "2"
	b.WriteByte('{')
	for i, r := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(r.Str("type"))
		b.WriteString(`"` + strconv.Itoa(i+1) + `":`)
		b.Write(name)
	}
	b.WriteByte('}')
	return c.Reply(http.StatusOK, json.RawMessage(b.Bytes()))
}

// createInsuranceCompany is POST /api/insurance_company: the company, its
// address and its phone numbers in one transaction, answered 201 with the
// new id as a number (§3.12, intended reply; 8.x answers 500).
func createInsuranceCompany(c *Call) error {
	in, err := c.companyInput(true)
	if err != nil {
		return err
	}
	var id any
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		rec, err := w.Insert(c.Ctx(), resource.InsuranceCompany, in.company)
		if err != nil {
			return err
		}
		id = rec["id"]
		return in.saveParts(c, w, id, false)
	})
	if err != nil {
		return err
	}
	return c.Reply(http.StatusCreated, map[string]any{"iid": id})
}

// updateInsuranceCompany is PUT /api/insurance_company/:iid: the given
// company fields, address fields and phone numbers change; the reply is
// {"iid": "<iid>"}, 404 for an unknown company.
func updateInsuranceCompany(c *Call) error {
	d := c.Route.Def
	cond, _, err := itemCond(c, d)
	if err != nil {
		return err
	}
	in, err := c.companyInput(false)
	if err != nil {
		return err
	}
	var n int64
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		n, err = w.Update(c.Ctx(), d, in.company, cond)
		if err != nil || n == 0 {
			return err
		}
		return in.saveParts(c, w, cond.Value, true)
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFoundParam(c, d)
	}
	return c.Reply(http.StatusOK, map[string]any{"iid": c.Params["iid"]})
}
