package resource

// FHIRPerson is every users row as FHIR Person reads it: staff logins and
// address-book entries alike, with or without an NPI (OpenEMR's Person
// service lists all users), over the columns Practitioner is built from.
var FHIRPerson = &Def{
	Name: "fhir_person", Table: "users", ID: "id", Key: "uuid",
	Order:  []string{"id"},
	Fields: FHIRPractitioner.Fields,
}
