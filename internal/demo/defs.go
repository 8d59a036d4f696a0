package demo

import "goemr/internal/resource"

// The tables the generator writes that have no resource of their own in
// internal/resource (or whose resource leaves out the columns it sets),
// and the few lookups it needs. Insert writes any column named in its
// values, so these list only what the generator reads back or numbers.

var col = resource.Col

func def(table, id string, fields ...resource.Field) *resource.Def {
	return &resource.Def{Name: table, Table: table, ID: id, Key: id, Fields: fields}
}

var (
	// forms registers every encounter, vitals and SOAP form of an
	// encounter (openemr-standard-api.md §6).
	forms = def("forms", "id", col("id", resource.As(resource.Int)))
	// procedureProvider is a laboratory orders go to.
	procedureProvider = def("procedure_providers", "ppid", col("ppid", resource.As(resource.Int)), col("uuid", resource.Set(resource.AutoUUID)))
	// procedureType is one entry of a laboratory's compendium.
	procedureType = def("procedure_type", "procedure_type_id", col("procedure_type_id", resource.As(resource.Int)))
	// orderCode is one procedure ordered (procedure_order_code).
	orderCode = def("procedure_order_code", "")
	// drugLot is a formulary drug's inventory lot.
	drugLot = def("drug_inventory", "inventory_id", col("inventory_id", resource.As(resource.Int)))
	// documentBlob holds a document's bytes; documentCategory files it.
	documentBlob     = def("documents_blob", "")
	documentCategory = def("categories_to_documents", "")
	// document is a documents row with every column the upload writes.
	document = def("documents", "id", col("id", resource.As(resource.Int)), col("uuid", resource.Set(resource.AutoUUID)))
	// address and phone belong to an insurance company (foreign_id).
	address = def("addresses", "id", col("id", resource.As(resource.Int)))
	phone   = def("phone_numbers", "id", col("id", resource.As(resource.Int)))
)

// patientLookup reads the demo patients a chunk already has.
var patientLookup = &resource.Def{
	Name: "patient", Table: "patient_data",
	Fields: []resource.Field{
		col("uuid"), col("pid"), col("fname"), col("lname"), col("DOB"), col("sex"),
		col("street"), col("city"), col("state"), col("postal_code"), col("phone_home"), col("providerID"),
	},
}

// encounterLookup finds the encounters that mark a finished history.
var encounterLookup = &resource.Def{Name: "encounter", Table: "form_encounter", Fields: []resource.Field{col("uuid")}}

// uuidLookup finds shared rows by uuid.
func uuidLookup(table, id string) *resource.Def {
	return &resource.Def{Name: table, Table: table, Fields: []resource.Field{col("uuid"), col(id)}}
}

// pidCounter and encounterCounter are the numbers OpenEMR would give the next
// patient and encounter (max + 1): read once per chunk, then counted up,
// so no row pays a query for its number.
var (
	pidCounter       = &resource.Def{Name: "patient", Table: "patient_data", Fields: []resource.Field{col("next", resource.Computed("COALESCE(MAX(t.pid), 0) + 1"))}}
	encounterCounter = &resource.Def{Name: "encounter", Table: "form_encounter", Fields: []resource.Field{col("next", resource.Computed("COALESCE(MAX(t.encounter), 0) + 1"))}}
)
