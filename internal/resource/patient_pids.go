package resource

// PatientPIDs reads patient_data's pids alone, in pid order: the walk of
// every patient a system or Patient-level bulk export makes, one chunk per
// query, without reading the rows themselves.
var PatientPIDs = &Def{
	Name: "patient_pids", Table: "patient_data", ID: "pid", Key: "uuid",
	Order:  []string{"pid"},
	Fields: []Field{Col("pid", As(Int)), Col("uuid")},
}
