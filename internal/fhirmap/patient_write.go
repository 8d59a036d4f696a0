package fhirmap

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// patientFromFHIR maps a US Core Patient onto patient_data, the inverse of
// patientToFHIR: the official (else first) name, gender, birth date, the
// first address, telecom by use, identifiers by system, marital status,
// language, race and ethnicity, general practitioner and death date.
func patientFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	p, ok := res.(*r4.Patient)
	if !ok {
		return nil, invalid("resourceType", "a Patient is expected")
	}
	v := map[string]any{}
	for _, col := range []string{"fname", "mname", "lname", "title", "suffix", "street", "street_line_2", "city", "county",
		"state", "postal_code", "country_code", "phone_home", "phone_biz", "phone_cell", "email", "ss", "status", "language",
		"race", "ethnicity", "deceased_date", "providerID"} {
		v[col] = ""
	}
	if err := patientNameFrom(p, v); err != nil {
		return nil, err
	}
	switch deref(p.Gender) {
	case "male":
		v["sex"] = "Male"
	case "female":
		v["sex"] = "Female"
	case "other":
		v["sex"] = "Other"
	case "unknown":
		v["sex"] = "UNK"
	case "":
		return nil, invalid("Patient.gender", "is required (US Core Patient)")
	default:
		return nil, invalid("Patient.gender", "%q is not an administrative gender", *p.Gender)
	}
	if p.BirthDate != nil {
		if _, err := time.Parse("2006-01-02", *p.BirthDate); err != nil {
			return nil, invalid("Patient.birthDate", "must be a full date (YYYY-MM-DD) to be stored, not %q", *p.BirthDate)
		}
		v["DOB"] = *p.BirthDate
	}
	if len(p.Address) > 0 {
		a := p.Address[0]
		if len(a.Line) > 0 {
			v["street"] = a.Line[0]
		}
		if len(a.Line) > 1 {
			v["street_line_2"] = strings.Join(a.Line[1:], ", ")
		}
		v["city"], v["county"], v["state"] = deref(a.City), deref(a.District), deref(a.State)
		v["postal_code"], v["country_code"] = deref(a.PostalCode), deref(a.Country)
	}
	for _, t := range p.Telecom {
		col := map[string]string{"phone/home": "phone_home", "phone/work": "phone_biz", "phone/mobile": "phone_cell",
			"phone/": "phone_home", "email/home": "email", "email/": "email", "email/work": "email"}[deref(t.System)+"/"+deref(t.Use)]
		if col != "" && v[col] == "" {
			v[col] = deref(t.Value)
		}
	}
	for _, id := range p.Identifier {
		switch deref(id.System) {
		case systemSSN:
			v["ss"] = deref(id.Value)
		case systemIdentifier:
			v["pubpid"] = deref(id.Value)
		}
	}
	if p.DeceasedDateTime != nil {
		v["deceased_date"] = strings.Replace(strings.TrimSuffix(*p.DeceasedDateTime, "Z"), "T", " ", 1)
	}
	patientCodesFrom(p, v)
	if len(p.GeneralPractitioner) > 0 {
		id, err := w.reference("Patient.generalPractitioner", &p.GeneralPractitioner[0], "Practitioner", "id")
		if err != nil {
			return nil, err
		}
		v["providerID"] = id
	}
	return v, nil
}

func patientNameFrom(p *r4.Patient, v map[string]any) error {
	if len(p.Name) == 0 {
		return invalid("Patient.name", "is required (US Core Patient)")
	}
	n := p.Name[0]
	for _, cand := range p.Name {
		if deref(cand.Use) == "official" {
			n = cand
			break
		}
	}
	v["lname"] = deref(n.Family)
	if len(n.Given) > 0 {
		v["fname"] = n.Given[0]
		v["mname"] = strings.Join(n.Given[1:], " ")
	}
	v["title"] = strings.Join(n.Prefix, " ")
	v["suffix"] = strings.Join(n.Suffix, " ")
	return nil
}

// patientCodesFrom reads the coded demographics back into OpenEMR's list
// options.
func patientCodesFrom(p *r4.Patient, v map[string]any) {
	if p.MaritalStatus != nil {
		for _, c := range p.MaritalStatus.Coding {
			for opt, m := range maritalCodes {
				if deref(c.Code) == m.code {
					v["status"] = opt
				}
			}
		}
	}
	if len(p.Communication) > 0 && p.Communication[0].Language != nil {
		for _, c := range p.Communication[0].Language.Coding {
			for opt, l := range languageCodes {
				if deref(c.Code) == l.code && strings.ToUpper(opt[:1]) == opt[:1] {
					v["language"] = opt
				}
			}
		}
	}
	for _, ext := range p.Extension {
		table, col := raceCodes, "race"
		switch deref(ext.Url) {
		case extRace:
		case extEthnicity:
			table, col = ethnicityCodes, "ethnicity"
		default:
			continue
		}
		for _, sub := range ext.Extension {
			if deref(sub.Url) != "ombCategory" || sub.ValueCoding == nil {
				continue
			}
			code := deref(sub.ValueCoding.Code)
			if code == "ASKU" {
				v[col] = "declne_to_specfy"
			}
			for opt, c := range table {
				if c.code == code {
					v[col] = opt
				}
			}
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
