package resource

// FHIRSpecimen is procedure_specimen (migration 0019), the specimens
// collected for ordered tests, as the FHIR server reads them for US Core
// Specimen. The Standard API does not serve them; the demo generator
// writes them through this definition.
var FHIRSpecimen = &Def{
	Name: "fhir_specimen", Table: "procedure_specimen", ID: "procedure_specimen_id", Key: "uuid",
	Order: []string{"procedure_specimen_id"},
	Fields: []Field{
		Col("procedure_specimen_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("procedure_order_id", As(Int)), Col("procedure_order_seq", As(Int)), Col("pid", As(Int)),
		Col("specimen_identifier"), Col("accession_identifier"),
		Col("specimen_type_code"), Col("specimen_type"),
		Col("collection_method_code"), Col("collection_method"),
		Col("specimen_location_code"), Col("specimen_location"),
		Col("collected_date", As(DateTime)), Col("collection_date_low", As(DateTime)), Col("collection_date_high", As(DateTime)),
		Col("volume_value"), Col("volume_unit"), Col("condition_code"), Col("specimen_condition"),
		Col("comments"), Col("deleted", Default("0")),
		Col("created_at", As(DateTime), Set(AutoNow)), Col("updated_at", As(DateTime), Set(AutoTouch)),
		// status is OpenEMR's: a specimen is available unless deleted
		// (entered in error).
		Col("status", Computed("CASE WHEN t.deleted = '1' THEN 'entered-in-error' ELSE 'available' END")),
		// request is the id of the ServiceRequest of the ordered test
		// (fhir_service_request: order uuid and sequence number).
		Col("request", Computed("SELECT o.uuid || '-' || CAST(t.procedure_order_seq AS TEXT) FROM procedure_order o WHERE o.procedure_order_id = t.procedure_order_id")),
		Col("collector_id", As(Int), Computed("SELECT o.collector_id FROM procedure_order o WHERE o.procedure_order_id = t.procedure_order_id")),
		Col("last_updated", As(DateTime), Computed("COALESCE(t.updated_at, t.created_at)")),
	},
}
