package demo

import (
	"strconv"

	"goemr/internal/resource"
)

// payer is an insurance company policies are written on; kind says who
// it covers (medicare: 65 and over, medicaid: low income, commercial:
// everyone else, supplement: Medicare's secondary).
type payer struct {
	id   int64
	name string
	kind string
	plan string
}

// payerRows are the demo payers (the government programs by their name,
// the commercial ones fictional). ins_type_code is insurance_type_codes.id.
var payerRows = []struct {
	name, kind, plan, typeCode, cms string
	line1, city, state, zip, phone  string
}{
	{"Medicare Part B", "medicare", "Medicare Part B", "2", "MCRB1", "PO Box 1100", "Baltimore", "MD", "21244", "800-555-0111"},
	{"State Medicaid Plan", "medicaid", "Medicaid", "3", "MCD01", "PO Box 2200", "Boston", "MA", "02108", "800-555-0122"},
	{"Blue Crest Health", "commercial", "Blue Crest PPO", "6", "BCH01", "400 Commerce Plaza", "Chicago", "IL", "60601", "800-555-0133"},
	{"Summit Health Plan", "commercial", "Summit Choice PPO", "11", "SHP01", "12 Summit Park Drive", "Denver", "CO", "80202", "800-555-0144"},
	{"Evergreen HMO", "commercial", "Evergreen HMO Select", "19", "EVG01", "900 Evergreen Way", "Seattle", "WA", "98101", "800-555-0155"},
	{"Keystone Mutual Insurance", "commercial", "Keystone Standard", "17", "KMI01", "55 Keystone Boulevard", "Philadelphia", "PA", "19103", "800-555-0166"},
	{"Liberty Medigap", "supplement", "Medigap Plan G", "14", "LMG01", "77 Liberty Street", "Hartford", "CT", "06103", "800-555-0177"},
}

// loadPayers finds or writes the insurance companies with their address
// and work phone (addresses and phone_numbers rows keyed by the company).
func (b *batch) loadPayers(s *shared) error {
	for i, p := range payerRows {
		id, err := b.ensure(resource.InsuranceCompany, "id", ID("insurance_company", i+1), func() map[string]any {
			return map[string]any{"name": p.name, "cms_id": p.cms, "ins_type_code": p.typeCode, "inactive": "0", "x12_receiver_id": p.cms}
		}, func(id int64) error {
			if _, err := b.put(address, map[string]any{"line1": p.line1, "city": p.city, "state": p.state, "zip": p.zip, "country": "USA", "foreign_id": id}); err != nil {
				return err
			}
			_, err := b.put(phone, map[string]any{"country_code": "+1", "area_code": p.phone[:3], "prefix": p.phone[4:7], "number": p.phone[8:], "type": resource.PhoneWork, "foreign_id": id})
			return err
		})
		if err != nil {
			return err
		}
		s.payers = append(s.payers, payer{id: id, name: p.name, kind: p.kind, plan: p.plan})
	}
	return nil
}

// loadLab finds or writes the reference laboratory and its compendium: an
// order row per panel and a result row per analyte, with LOINC codes.
func (b *batch) loadLab(s *shared) error {
	var err error
	s.lab, err = b.ensure(procedureProvider, "ppid", ID("procedure_provider", 1), func() map[string]any {
		return map[string]any{"name": "Commonwealth Reference Laboratory", "npi": npi(300000001), "direction": "B", "protocol": "DL", "type": "laboratory", "active": "1"}
	}, func(lab int64) error {
		for i, p := range panels {
			rec, err := b.put(procedureType, map[string]any{
				"parent": 0, "name": p.name, "lab_id": lab, "procedure_code": p.loinc, "procedure_type": "ord",
				"specimen": p.specimen, "standard_code": p.loinc, "seq": i + 1, "activity": "1",
			})
			if err != nil {
				return err
			}
			for j, a := range p.results {
				_, err := b.put(procedureType, map[string]any{
					"parent": rec["procedure_type_id"], "name": a.name, "lab_id": lab, "procedure_code": a.loinc,
					"procedure_type": "res", "standard_code": a.loinc, "units": a.units,
					"range": rangeText(a), "seq": j + 1, "activity": "1",
				})
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	return err
}

// loadFormulary finds or writes a drugs row, with one inventory lot, for
// every drug of the catalog.
func (b *batch) loadFormulary(s *shared) error {
	for i, d := range formulary {
		id, err := b.ensure(resource.Drug, "drug_id", ID("drug", i+1), func() map[string]any {
			return map[string]any{
				"name": d.name, "drug_code": d.rxcui, "form": d.form, "size": d.size, "unit": d.unit, "route": d.route,
				"active": "1", "allow_combining": "0", "allow_multiple": "1", "dispensable": "1",
				"date_created": b.now, "last_updated": b.now,
			}
		}, func(id int64) error {
			_, err := b.put(drugLot, map[string]any{
				"drug_id": id, "lot_number": "LOT" + strconv.Itoa(4100+i*37), "expiration": Anchor.AddDate(1, 6, 0).Format("2006-01-02"),
				"manufacturer": "Generic Pharmaceuticals", "on_hand": strconv.Itoa(200 + i*10), "warehouse_id": "onsite",
			})
			return err
		})
		if err != nil {
			return err
		}
		s.drugs[d.rxcui] = id
	}
	return nil
}
