package resource

// FHIRMedicationRequest reads the view fhir_medication_request (migration
// 0016): prescriptions and medication list entries as FHIR
// MedicationRequest rows, read only. The option lists give the titles of
// the dose form, route and interval the dosage instruction is written
// from.
var FHIRMedicationRequest = &Def{
	Name: "fhir_medication_request", Table: "fhir_medication_request", ID: "uuid", Key: "uuid",
	Summary: "Prescriptions and medication list entries as FHIR MedicationRequest",
	Fields: []Field{
		Col("uuid"),
		Col("source"),
		Col("pid", As(Int)),
		Col("intent"),
		Col("status"),
		Col("category"),
		Col("drug"),
		Col("rxnorm"),
		Col("drug_id", As(Int)),
		Col("authored_on", As(DateTime)),
		Col("updated", As(DateTime)),
		Col("requester_id", As(Int)),
		Col("encounter", As(Int)),
		Col("sig"),
		Col("dosage"),
		Col("quantity"),
		Col("refills"),
		Col("note"),
		Col("diagnosis"),
		Col("indication"),
		Col("reported"),
		Col("start_date", As(Date)),
		Col("form_title", Computed(optionOf("title", "drug_form", "t.form"))),
		Col("route_title", Computed(optionOf("title", "drug_route", "t.route"))),
		Col("route_codes", Computed(optionOf("codes", "drug_route", "t.route"))),
		Col("interval_title", Computed(optionOf("title", "drug_interval", "t.dose_interval"))),
		Col("custodian_uuid", Computed(custodianUUID)),
	},
}

// custodianUUID is the SQL reading the uuid of the facility that keeps the
// records (the primary business entity, else the first facility, as
// Provenance finds it): the Organization that stands in for an author or
// requester OpenEMR did not record.
const custodianUUID = `COALESCE((SELECT f.uuid FROM facility f WHERE f.primary_business_entity = '1' ORDER BY f.id LIMIT 1),
	(SELECT f.uuid FROM facility f ORDER BY f.id LIMIT 1))`
