package restapi

import (
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// companyInput is a company request body split by table: the company's
// columns, its address columns, and its phone numbers by type.
type companyInput struct {
	company, address map[string]any
	phones           map[string]map[string]any // phone_numbers type → columns
}

// companyPhoneKeys are the body keys of a company's numbers, by
// phone_numbers type.
var companyPhoneKeys = []struct{ key, typ string }{{"phone", resource.PhoneWork}, {"fax", resource.PhoneFax}}

// companyInput decodes and validates a company body (InsuranceCompany
// and address rules); any failure is one 400 naming every bad field.
func (c *Call) companyInput(create bool) (*companyInput, error) {
	body, err := decodeBody(c.R)
	if err != nil {
		return nil, err
	}
	errs := resource.Errors{}
	company := resource.Decode(resource.InsuranceCompany, body, errs)
	address := resource.Decode(resource.CompanyAddress, body, errs)
	if err := resource.Validate(c.Ctx(), resource.InsuranceCompany, company, create, c.Records(), errs); err != nil {
		return nil, err
	}
	if err := resource.Validate(c.Ctx(), resource.CompanyAddress, address, create, c.Records(), errs); err != nil {
		return nil, err
	}
	in := &companyInput{company: company, address: address, phones: map[string]map[string]any{}}
	for _, k := range companyPhoneKeys {
		s, ok := resource.Scalar(body[k.key])
		switch {
		case !ok:
			errs.Add(k.key, "Type::INVALID_VALUE", k.key+" must be a string")
		case s != "":
			parts := resource.PhoneParts(s)
			if parts == nil {
				errs.Add(k.key, "Phone::INVALID_VALUE", k.key+" must be a phone number of ten digits")
				continue
			}
			parts["type"] = k.typ
			in.phones[k.typ] = parts
		}
	}
	if len(errs) > 0 {
		return nil, &ValidationError{Errors: errs}
	}
	if !create && len(company) == 0 && len(address) == 0 && len(in.phones) == 0 {
		return nil, &ValidationError{Errors: "Invalid Data"}
	}
	return in, nil
}

// saveParts writes the address and phone rows of company id: updated in
// place when they exist (on update), inserted otherwise. An address is
// stored only when the body gives some of it.
func (in *companyInput) saveParts(c *Call, w resource.Writer, id any, update bool) error {
	if resource.AnyText(in.address) {
		if err := upsert(c, w, resource.CompanyAddress, in.address, update, emr.Eq("foreign_id", id)); err != nil {
			return err
		}
	}
	for typ, cols := range in.phones {
		if err := upsert(c, w, resource.CompanyPhone, cols, update, emr.Eq("foreign_id", id), emr.Eq("type", typ)); err != nil {
			return err
		}
	}
	return nil
}

// upsert updates the rows of d matching where (when update is set) and
// inserts one with where's values when there is none.
func upsert(c *Call, w resource.Writer, d *resource.Def, values map[string]any, update bool, where ...emr.Cond) error {
	if update {
		n, err := w.Update(c.Ctx(), d, values, where...)
		if err != nil || n > 0 {
			return err
		}
	}
	row := make(map[string]any, len(values)+len(where))
	for k, v := range values {
		row[k] = v
	}
	for _, cond := range where {
		row[cond.Field] = cond.Value
	}
	_, err := w.Insert(c.Ctx(), d, row)
	return err
}
