package resource

// FHIRPrescriptionWrite is prescriptions as FHIR creates and updates of
// MedicationRequest write them: the Standard API's columns and rules
// (Prescription), and the reported flag (migration 0026) that
// MedicationRequest.reportedBoolean is stored in.
var FHIRPrescriptionWrite = &Def{
	Name: "fhir_prescription", Table: "prescriptions", ID: "id", Key: "uuid",
	Order:  []string{"id"},
	Fields: append(append([]Field(nil), Prescription.Fields...), Col("reported", W)),
}

// FHIRMedicationRequestVersion is the view fhir_medication_request_version
// (migration 0026): the version counter of each updated prescription or
// medication list entry, by the uuid that is its MedicationRequest id.
var FHIRMedicationRequestVersion = &Def{
	Name: "fhir_medication_request_version", Table: "fhir_medication_request_version", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("version", As(Int))},
}
