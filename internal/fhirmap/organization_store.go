package fhirmap

import (
	"context"
	"sort"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// facilityColumns are the facility columns organizationFromFHIR fills.
var facilityColumns = []string{"name", "inactive", "facility_npi", "domain_identifier", "federal_ein",
	"phone", "fax", "email", "website", "street", "city", "state", "postal_code", "country_code"}

// organizationStore writes an Organization where the Standard API keeps
// its kind: a facility row, or an insurance company with its address
// (addresses) and numbers (phone_numbers) as the insurance_company
// routes write them. An update stays within its kind: a facility does
// not become a payer.
func organizationStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	kind := v["kind"].(string)
	if current != nil && current.Str("kind") != kind {
		return "", invalid("Organization.type", "an organization stored as %s cannot become %s", organizationTypes[current.Str("kind")], organizationTypes[kind])
	}
	if kind == "pay" {
		return payerStore(ctx, w, v, current)
	}
	row := map[string]any{}
	for _, c := range facilityColumns {
		row[c] = v[c]
	}
	if current == nil {
		rec, err := w.Insert(ctx, resource.FHIRFacilityWrite, row)
		return rec.Str("uuid"), err
	}
	_, err := w.Update(ctx, resource.FHIRFacilityWrite, row, emr.Eq("id", current.Str("facility_id")))
	return current.Str("uuid"), err
}

// payerStore writes an insurance company. Its row is updated on every
// write, so that its version moves whichever part changed.
func payerStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	address := map[string]any{"line1": v["street"], "line2": v["line2"], "city": v["city"], "state": v["state"],
		"zip": v["postal_code"], "country": v["country_code"]}
	if err := payerAddressRules(ctx, w, address, current == nil); err != nil {
		return "", err
	}
	company := map[string]any{"name": v["name"], "cms_id": v["cms_id"], "inactive": v["inactive"]}
	var id any // the company's id: a number as inserted, text as read
	var uuid string
	if current == nil {
		rec, err := w.Insert(ctx, resource.InsuranceCompany, company)
		if err != nil {
			return "", err
		}
		id, uuid = rec["id"], rec.Str("uuid")
	} else {
		id, uuid = current.Str("insurance_company_id"), current.Str("uuid")
		if _, err := w.Update(ctx, resource.InsuranceCompany, company, emr.Eq("id", id)); err != nil {
			return "", err
		}
	}
	if _, err := w.Delete(ctx, resource.CompanyAddress, emr.Eq("foreign_id", id)); err != nil {
		return "", err
	}
	if resource.AnyText(address) {
		address["foreign_id"] = id
		if _, err := w.Insert(ctx, resource.CompanyAddress, address); err != nil {
			return "", err
		}
	}
	for col, typ := range map[string]string{"phone": resource.PhoneWork, "fax": resource.PhoneFax} {
		if _, err := w.Delete(ctx, resource.CompanyPhone, emr.Eq("foreign_id", id), emr.Eq("type", typ)); err != nil {
			return "", err
		}
		if parts := resource.PhoneParts(v[col].(string)); parts != nil {
			parts["type"], parts["foreign_id"] = typ, id
			if _, err := w.Insert(ctx, resource.CompanyPhone, parts); err != nil {
				return "", err
			}
		}
	}
	return uuid, nil
}

// payerAddressRules are the Standard API's rules for a payer's address
// (resource.CompanyAddress), which differ from a facility's.
func payerAddressRules(ctx context.Context, r resource.Reader, address map[string]any, create bool) error {
	errs := resource.Errors{}
	if err := resource.Validate(ctx, resource.CompanyAddress, resource.Input(address), create, r, errs); err != nil {
		return err
	}
	var fields []string
	for f := range errs {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		for _, msg := range errs[f].(map[string]string) {
			return invalid("Organization.address", "%s", msg)
		}
	}
	return nil
}
