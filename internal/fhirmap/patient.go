package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Patient is patient_data as US Core Patient
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-patient.html).
var Patient = &Mapping{
	Type:     "Patient",
	Profiles: patientProfiles,
	Def:      resource.Patient,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "practitioner", Field: "providerID", Def: resource.Practitioner, By: "id", Take: "uuid"},
		VersionRef("patient_data", "id"),
	},
	Params: []Param{
		{Code: "identifier", Type: Token, Fields: []string{"pubpid", "ss"}, Tokens: patientIdentifier, Doc: "The patient's public id (type PT) or social security number"},
		// Name parts with a trigram index only: one unindexed alternative
		// would make every name search read the whole table. Titles and
		// suffixes are not searched.
		{Code: "name", Type: String, Fields: []string{"fname", "mname", "lname"}, Doc: "The given, middle or family name"},
		{Code: "family", Type: String, Fields: []string{"lname"}},
		{Code: "given", Type: String, Fields: []string{"fname", "mname"}},
		{Code: "birthdate", Type: Date, Fields: []string{"DOB"}},
		{Code: "death-date", Type: Date, Fields: []string{"deceased_date"}},
		{Code: "gender", Type: Token, Fields: []string{"sex"}, Tokens: patientGender},
		{Code: "address", Type: String, Fields: []string{"street", "street_line_2", "city", "state", "postal_code", "country_code"}},
		{Code: "address-city", Type: String, Fields: []string{"city"}},
		{Code: "address-state", Type: String, Fields: []string{"state"}},
		{Code: "address-postalcode", Type: String, Fields: []string{"postal_code"}},
		{Code: "email", Type: Token, Fields: []string{"email"}},
		{Code: "phone", Type: Token, Fields: []string{"phone_home", "phone_biz", "phone_cell"}},
		{Code: "telecom", Type: Token, Fields: []string{"phone_home", "phone_biz", "phone_cell", "email"}},
		{Code: "general-practitioner", Type: Reference, Fields: []string{"providerID"}, Target: "Practitioner", TargetKey: "id"},
	},
	ToFHIR:   patientToFHIR,
	FromFHIR: patientFromFHIR,
	Paths: map[string]string{
		"fname": "Patient.name.given", "mname": "Patient.name.given", "lname": "Patient.name.family",
		"DOB": "Patient.birthDate", "sex": "Patient.gender", "email": "Patient.telecom", "ss": "Patient.identifier",
		"pubpid": "Patient.identifier", "street": "Patient.address.line", "city": "Patient.address.city",
		"state": "Patient.address.state", "postal_code": "Patient.address.postalCode", "title": "Patient.name.prefix",
	},
}

var patientProfiles = profiles("us-core-patient")

func patientIdentifier(system, code string, hasSystem bool) []emr.Cond {
	switch {
	case !hasSystem:
		return []emr.Cond{emr.Eq("pubpid", code), emr.Eq("ss", code)}
	case system == systemIdentifier:
		return []emr.Cond{emr.Eq("pubpid", code)}
	case system == systemSSN:
		return []emr.Cond{emr.Eq("ss", code)}
	}
	return nil
}

func patientGender(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemGender {
		return nil
	}
	switch code {
	case "male":
		return []emr.Cond{emr.Eq("sex", "Male")}
	case "female":
		return []emr.Cond{emr.Eq("sex", "Female")}
	case "unknown":
		return []emr.Cond{{Field: "sex", Match: emr.Missing, Value: true}, emr.Eq("sex", "UNK"), emr.Eq("sex", "Unknown")}
	case "other":
		return []emr.Cond{emr.Eq("sex", "Other")}
	}
	return nil
}

func patientToFHIR(rec emr.Record, c *Context) r4.Resource {
	p := &r4.Patient{
		ID:        text(rec.Str("uuid")),
		Meta:      meta(patientProfiles, rec.Str("last_updated")),
		Extension: patientExtensions(rec),
		Active:    ptr(true),
		Gender:    ptr(gender(rec.Str("sex"))),
		BirthDate: date(rec.Str("DOB")),
		Address:   patientAddress(rec),
		Telecom:   patientTelecom(rec),
	}
	p.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	pubpid := rec.Str("pubpid")
	if pubpid == "" {
		pubpid = rec.Str("pid")
	}
	p.Identifier = append(p.Identifier, r4.Identifier{
		Use:    ptr("usual"),
		Type:   concept(systemIdentifier, "PT", "Patient external identifier"),
		System: ptr(systemIdentifier), Value: ptr(pubpid),
	})
	if ss := text(rec.Str("ss")); ss != nil {
		p.Identifier = append(p.Identifier, r4.Identifier{
			Use:  ptr("official"),
			Type: concept(systemIdentifier, "SS", "Social Security number"), System: ptr(systemSSN), Value: ss,
		})
	}
	p.Name = []r4.HumanName{patientName(rec)}
	if d := dateTime(rec.Str("deceased_date")); d != nil {
		p.DeceasedDateTime = d
	}
	if m, ok := maritalCodes[rec.Str("status")]; ok {
		p.MaritalStatus = concept(systemMarital, m.code, m.display)
	}
	if l, ok := languageCodes[rec.Str("language")]; ok {
		p.Communication = []r4.PatientCommunication{{Language: concept(systemBCP47, l.code, l.display)}}
	}
	if id, ok := c.Ref("practitioner", rec.Str("providerID")); ok {
		p.GeneralPractitioner = []r4.Reference{*reference("Practitioner", id)}
	}
	return p
}

// patientName is the official name; a name with neither family nor given
// part says why with data-absent-reason (US Core Patient us-core-6).
func patientName(rec emr.Record) r4.HumanName {
	n := officialName(rec)
	if n.Family == nil && len(n.Given) == 0 {
		n.Extension = absent("unknown")
	}
	return n
}

// officialName is the official HumanName of a row with OpenEMR's name
// columns (patient_data and users both have lname, fname, mname, title
// and, for patients, suffix).
func officialName(rec emr.Record) r4.HumanName {
	n := r4.HumanName{Use: ptr("official"), Family: text(rec.Str("lname"))}
	for _, g := range []string{"fname", "mname"} {
		if v := text(rec.Str(g)); v != nil {
			n.Given = append(n.Given, *v)
		}
	}
	if v := text(rec.Str("title")); v != nil {
		n.Prefix = []string{*v}
	}
	if v := text(rec.Str("suffix")); v != nil {
		n.Suffix = []string{*v}
	}
	return n
}
