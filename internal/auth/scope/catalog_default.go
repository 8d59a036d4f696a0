package scope

// Code systems of the granular category scopes US Core and Inferno use.
const (
	conditionCategory       = "http://terminology.hl7.org/CodeSystem/condition-category"
	usCoreConditionCategory = "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
	observationCategory     = "http://terminology.hl7.org/CodeSystem/observation-category"
	usCoreCategory          = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
	usCoreDocRefCategory    = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
)

var fhirContexts = []string{ContextPatient, ContextUser, ContextSystem}

// fhirReadTypes are the FHIR resource types served read and search only.
var fhirReadTypes = []string{
	"AllergyIntolerance", "Appointment", "Binary", "CarePlan", "CareTeam",
	"Condition", "Coverage", "Device", "DiagnosticReport", "DocumentReference",
	"Encounter", "Goal", "Group", "Immunization", "Location", "Media",
	"Medication", "MedicationDispense", "MedicationRequest", "Observation",
	"OperationDefinition", "Organization", "Patient", "Person", "Practitioner",
	"PractitionerRole", "Procedure", "Provenance", "Questionnaire",
	"QuestionnaireResponse", "RelatedPerson", "ServiceRequest", "Specimen",
	"ValueSet",
}

// fhirCompartmentWrites are the FHIR types of a patient's compartment
// goemr creates and updates: staff write them, and a patient may record
// its own (the server confines a patient's token to its compartment).
var fhirCompartmentWrites = []string{"AllergyIntolerance", "Condition", "Encounter", "DocumentReference", "CarePlan", "Goal", "CareTeam", "Observation", "DiagnosticReport", "Immunization", "MedicationRequest", "Procedure", "Device"}

// fhirCategories are the granular scopes offered, per FHIR type.
var fhirCategories = map[string][]string{
	"Condition": {
		usCoreConditionCategory + "|health-concern",
		conditionCategory + "|encounter-diagnosis",
		conditionCategory + "|problem-list-item",
	},
	"Observation": {
		usCoreCategory + "|sdoh",
		observationCategory + "|social-history",
		observationCategory + "|laboratory",
		observationCategory + "|survey",
		observationCategory + "|vital-signs",
		observationCategory + "|exam",
	},
	"DocumentReference": {usCoreDocRefCategory + "|clinical-note"},
}

// standardAPI is OpenEMR's /api/ resources (user context) with the
// permissions OpenEMR advertises for them.
var standardAPI = []struct{ resource, perms string }{
	{"allergy", "cruds"}, {"appointment", "cruds"}, {"dental_issue", "cruds"},
	{"document", "crs"}, {"drug", "rs"}, {"employer", "s"}, {"encounter", "crus"},
	{"facility", "crus"}, {"immunization", "rs"}, {"insurance", "crus"},
	{"insurance_company", "crus"}, {"insurance_type", "s"}, {"list", "r"},
	{"medical_problem", "cruds"}, {"medication", "cruds"}, {"message", "cud"},
	{"patient", "crus"}, {"practitioner", "crus"}, {"prescription", "crds"},
	{"procedure", "rs"}, {"product", "s"}, {"soap_note", "crus"},
	{"surgery", "cruds"}, {"transaction", "cuds"}, {"user", "rs"},
	{"version", "s"}, {"vital", "crus"},
}

// portalAPI is OpenEMR's /portal/ resources (patient context).
var portalAPI = []struct{ resource, perms string }{
	{"patient", "s"}, {"encounter", "rs"}, {"appointment", "rs"},
}

// DefaultCatalog returns the scopes OpenEMR offers: the FHIR API, the
// Standard API, the Patient Portal API, and with opts.System the system/
// scopes including bulk export.
func DefaultCatalog(opts CatalogOptions) *Catalog {
	c := NewCatalog(opts)
	for _, t := range fhirReadTypes {
		contexts := fhirContexts
		if t == "Group" {
			// A Group lists other patients: staff and backend services only.
			contexts = []string{ContextUser, ContextSystem}
		}
		c.Add(Entry{Contexts: contexts, Resource: t, Perms: R | S, Categories: fhirCategories[t]})
	}
	for _, t := range []string{"Patient", "Practitioner", "Organization", "Group"} {
		c.Add(Entry{Contexts: []string{ContextUser}, Resource: t, Perms: C | U})
	}
	for _, t := range fhirCompartmentWrites {
		c.Add(Entry{Contexts: []string{ContextPatient, ContextUser}, Resource: t, Perms: C | U})
	}
	c.Add(Entry{Contexts: fhirContexts, Resource: "DocumentReference", Operations: []string{"$docref"}})
	system := []string{ContextSystem}
	c.Add(Entry{Contexts: system, Resource: "Patient", Operations: []string{"$export"}})
	c.Add(Entry{Contexts: system, Resource: "Group", Operations: []string{"$export"}})
	c.Add(Entry{Contexts: system, Resource: "*", Operations: []string{"$export", "$bulkdata-status"}})

	user := []string{ContextUser}
	for _, r := range standardAPI {
		c.Add(Entry{Contexts: user, Resource: r.resource, Perms: mustPerms(r.perms)})
	}
	c.Add(Entry{Contexts: user, Resource: "insurance", Operations: []string{"$swap-insurance"}})
	for _, r := range portalAPI {
		c.Add(Entry{Contexts: []string{ContextPatient}, Resource: r.resource, Perms: mustPerms(r.perms)})
	}
	return c
}

func mustPerms(s string) Perm {
	p, err := ParsePerms(s)
	if err != nil {
		panic("scope: " + err.Error())
	}
	return p
}
