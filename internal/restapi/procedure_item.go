package restapi

import "goemr/internal/emr"

// procedureItem is one order in OpenEMR's shape (ProcedureService::
// hydrateSearchResultsFromQueryResource): the order's fields under both
// their old and new names, its first ordered code, and the patient,
// provider, lab, encounter and location objects when they exist.
func procedureItem(o, code emr.Record, reports []any) emr.Record {
	if code == nil {
		code = emr.Record{}
	}
	it := emr.Record{
		"name":                 code["procedure_name"],
		"uuid":                 o["uuid"],
		"order_uuid":           o["uuid"],
		"procedure_order_id":   o["procedure_order_id"],
		"code":                 code["procedure_code"],
		"procedure_code":       code["procedure_code"],
		"procedure_name":       code["procedure_name"],
		"procedure_order_type": o["procedure_order_type"],
		"standard_code":        code["standard_code"],
		"diagnosis":            o["order_diagnosis"],
		"order_diagnosis":      o["order_diagnosis"],
		"diagnoses":            code["diagnoses"],
		"activity":             o["activity"],
		"status":               o["order_status"],
		"order_status":         o["order_status"],
		"priority":             o["order_priority"],
		"order_priority":       o["order_priority"],
		"patient_instructions": o["patient_instructions"],
		"clinical_hx":          o["clinical_hx"],
		"date_ordered":         o["date_ordered"],
		"date_collected":       o["date_collected"],
		"scheduled_date":       o["scheduled_date"],
		"scheduled_start":      o["scheduled_start"],
		"scheduled_end":        o["scheduled_end"],
		"performer_type":       o["performer_type"],
		"order_intent":         o["order_intent"],
		"specimen_fasting":     o["specimen_fasting"],
		"reports":              reports,
	}
	if o.Str("provider_uuid") != "" {
		it["provider_id"] = o["provider_id"]
		it["provider"] = map[string]any{"id": o["provider_id"], "uuid": o["provider_uuid"], "fname": o["provider_fname"],
			"mname": o["provider_mname"], "lname": o["provider_lname"], "npi": o["provider_npi"]}
	}
	if o.Str("lab_uuid") != "" {
		it["lab_id"] = o["lab_id"]
		it["lab"] = map[string]any{"id": o["lab_id"], "uuid": o["lab_uuid"], "name": o["lab_name"], "npi": o["lab_npi"]}
	}
	if o.Str("puuid") != "" {
		it["patient_id"] = o["patient_id"]
		it["patient"] = map[string]any{"pid": o["patient_id"], "uuid": o["puuid"]}
	}
	if o.Str("euuid") != "" {
		it["encounter_id"] = o["encounter_id"]
		it["encounter"] = map[string]any{"id": o["encounter_id"], "uuid": o["euuid"], "date": o["encounter_date"]}
	}
	if o.Str("location_uuid") != "" {
		it["location_id"] = o["location_id"]
		it["location"] = map[string]any{"id": o["location_id"], "uuid": o["location_uuid"], "name": o["location_name"]}
	}
	return it
}

// procedureResult is one result of a report in OpenEMR's shape.
func procedureResult(r emr.Record) map[string]any {
	return map[string]any{
		"id": r["procedure_result_id"], "uuid": r["uuid"], "code": r["result_code"], "text": r["result_text"],
		"units": r["units"], "result": r["result"], "range": r["range"], "abnormal": r["abnormal"],
		"comments": r["comments"], "document_id": r["document_id"], "status": r["result_status"],
	}
}
