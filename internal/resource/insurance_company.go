package resource

import "regexp"

// companyAddress reads one column of the payer's address: an addresses row
// whose foreign_id is the company id (openemr-standard-api.md §3.12).
func companyAddress(column string) Opt {
	return Computed("SELECT a." + column + " FROM addresses a WHERE a.foreign_id = t.id ORDER BY a.id LIMIT 1")
}

// companyPhone reads the payer's number of one phone_numbers type (2 work,
// 5 fax) as OpenEMR joins it: country code, area code, prefix and number.
func companyPhone(typ string) Opt {
	return Computed("SELECT COALESCE(p.country_code, '') || COALESCE(p.area_code, '') || COALESCE(p.prefix, '') || p.number" +
		" FROM phone_numbers p WHERE p.foreign_id = t.id AND p.type = '" + typ + "' AND p.number IS NOT NULL ORDER BY p.id LIMIT 1")
}

// InsuranceCompany is insurance_companies with its address, phones and
// default X12 partner joined in (§3.12, intended shape: OpenEMR 8.x cannot
// serve these routes). The address fields of a write go to CompanyAddress.
var InsuranceCompany = &Def{
	Name: "insurance_company", Table: "insurance_companies", ID: "id", Key: "id",
	Summary: "Insurance companies (payers)",
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int), S, Sorted),
		Col("uuid", S, Set(AutoUUID)),
		Col("name", W, S, Sorted, Req, Len(2, 255)),
		Col("attn", W, S, Len(2, 255)),
		Col("cms_id", W, S, Len(2, 15)),
		Col("ins_type_code", W, S, Fmt(FormatNumeric)),
		Col("x12_receiver_id", W, S, Len(2, 25)),
		Col("x12_default_partner_id", W, S, Fmt(FormatNumeric)),
		Col("x12_default_partner_name", Computed("SELECT x.name FROM x12_partners x WHERE CAST(x.id AS TEXT) = t.x12_default_partner_id")),
		Col("alt_cms_id", W, S, Len(2, 15)),
		Col("inactive", S, Default("0")),
		Col("work_number", companyPhone(PhoneWork)),
		Col("fax_number", companyPhone(PhoneFax)),
		Col("line1", companyAddress("line1")),
		Col("line2", companyAddress("line2")),
		Col("city", S, companyAddress("city")),
		Col("state", S, companyAddress("state")),
		Col("zip", S, companyAddress("zip")),
		Col("plus_four", companyAddress("plus_four")),
		Col("country", companyAddress("country")),
		Col("date_created", Set(AutoNow)),
		Col("last_updated", Set(AutoTouch)),
	},
}

// CompanyAddress is the addresses row of an insurance company; its fields
// are written from the company's request body (AddressService rules).
var CompanyAddress = &Def{
	Name: "insurance_company_address", Table: "addresses", ID: "id", Key: "id",
	Fields: []Field{
		Col("id", As(Int)),
		Col("line1", W, Len(2, 255)),
		Col("line2", W, Len(2, 255)),
		Col("city", W, Len(2, 255)),
		Col("state", W, Len(2, 35)),
		Col("zip", W, Len(2, 10)),
		Col("plus_four", W, Len(2, 4)),
		Col("country", W, Len(2, 255)),
		Col("foreign_id", As(Int)),
	},
}

// Phone number types OpenEMR gives a payer's numbers.
const (
	PhoneWork = "2"
	PhoneFax  = "5"
)

// CompanyPhone is a phone_numbers row of an insurance company, split as
// OpenEMR's PhoneNumberService splits it.
var CompanyPhone = &Def{
	Name: "insurance_company_phone", Table: "phone_numbers", ID: "id", Key: "id",
	Fields: []Field{
		Col("id", As(Int)), Col("country_code"), Col("area_code"), Col("prefix"), Col("number"),
		Col("type"), Col("foreign_id", As(Int)),
	},
}

// InsuranceType is insurance_type_codes, read in id order by
// GET /api/insurance_type (§3.12).
var InsuranceType = &Def{
	Name: "insurance_type", Table: "insurance_type_codes", ID: "id", Key: "id",
	Order:  []string{"id"},
	Fields: []Field{Col("id", As(Int)), Col("type"), Col("claim_type")},
}

// phoneDigits is how OpenEMR's PhoneNumberService splits a US number.
var phoneDigits = regexp.MustCompile(`(\d\d\d)\D*(\d\d\d)\D*(\d\d\d\d)`)

// PhoneParts splits a US number into the columns of a phone_numbers row
// (an insurance company's phone, as OpenEMR stores it), or nil when it
// holds no ten digits.
func PhoneParts(s string) map[string]any {
	m := phoneDigits.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return map[string]any{"country_code": "+1", "area_code": m[1], "prefix": m[2], "number": m[3]}
}

// AnyText reports whether any value of m is a non-empty string: an
// address or phone row is written only when something was given.
func AnyText(m map[string]any) bool {
	for _, v := range m {
		if s, _ := v.(string); s != "" {
			return true
		}
	}
	return false
}
