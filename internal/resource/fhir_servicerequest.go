package resource

// FHIRServiceRequest reads the view fhir_service_request (migration
// 0019): one row per ordered test of a procedure order, as the FHIR
// server shows it as US Core ServiceRequest. Read only: orders are
// written through Procedure.
var FHIRServiceRequest = &Def{
	Name: "fhir_service_request", Table: "fhir_service_request", ID: "id", Key: "id",
	Order: []string{"id"},
	Fields: []Field{
		Col("id"), Col("order_id", As(Int)), Col("seq", As(Int)), Col("pid", As(Int)),
		Col("status"), Col("intent"), Col("category"), Col("codes"), Col("title"),
		Col("authored_on", As(DateTime)), Col("occurrence", As(DateTime)), Col("occurrence_end", As(DateTime)),
		Col("requester_id", As(Int)), Col("encounter", As(Int)), Col("priority"), Col("reasons"),
		Col("instructions"), Col("note"), Col("requisition"), Col("specimen"),
		Col("last_updated", As(DateTime)),
	},
}
