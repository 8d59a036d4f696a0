package resource

// ProductRegistration is product_registration (openemr-standard-api.md
// §3.20): GET /api/product reports from its first row whether the
// installation registered, opted out, or neither.
var ProductRegistration = &Def{
	Name: "product_registration", Table: "product_registration", ID: "id", Key: "id",
	Order:  []string{"id"},
	Fields: []Field{Col("id", As(Int)), Col("email"), Col("opt_out", As(Int))},
}

// BackgroundService is background_services (§3.20), read by the background
// service routes; runs lease rows through the store's hand SQL.
var BackgroundService = &Def{
	Name: "background_service", Table: "background_services", Key: "name",
	Order: []string{"sort_order", "name"},
	Fields: []Field{
		Col("name"), Col("title"), Col("active", As(Int)), Col("running", As(Int)),
		Col("execute_interval", As(Int)), Col("next_run"), Col("sort_order", As(Int)), Col("lock_expires_at"),
	},
}
