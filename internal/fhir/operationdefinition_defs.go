package fhir

import "goemr/internal/fhir/r4"

// operationDefinitions are the operations of this server's API, each as
// its defining implementation guide publishes it (so each keeps that
// canonical url), plus OpenEMR's own $bulkdata-status, whose canonical is
// on this server: Bulk Data Access 2.0.0 export at system, Patient and
// Group level (https://hl7.org/fhir/uv/bulkdata/STU2/OperationDefinition-export.html),
// and US Core 6.1.0 $docref.
func operationDefinitions(base string) []*r4.OperationDefinition {
	patients := opParam("patient", "in", 0, "*", "Reference", "Patients whose data to export, of a POST kick-off only.")
	patients.TargetProfile = []string{"http://hl7.org/fhir/StructureDefinition/Patient"}
	return []*r4.OperationDefinition{
		bulkExport("export", "BulkDataExport", "FHIR Bulk Data System Level Export", "2021-07-29",
			"Export the data of the whole server, whether or not it concerns a patient, as NDJSON files, by the FHIR asynchronous request pattern.",
			nil, true, false, false),
		bulkExport("patient-export", "PatientLevelExport", "FHIR Bulk Data Patient Level Export", "2021-07-29",
			"Export the data of every patient (their compartments, and what their resources refer to) as NDJSON files, by the FHIR asynchronous request pattern.",
			[]string{"Patient"}, false, true, false, patients),
		bulkExport("group-export", "GroupLevelExport", "FHIR Bulk Data Group Level Export", "2020-07-29",
			"Export the data of the members of a Group of patients as NDJSON files, by the FHIR asynchronous request pattern.",
			[]string{"Group"}, false, false, true, patients),
		{
			ID: ptr("bulkdata-status"), Url: ptr(base + "/OperationDefinition/bulkdata-status"), Version: ptr("1.0.0"),
			Name: ptr("BulkDataStatus"), Title: ptr("Bulk Data export status"), Status: ptr("active"), Kind: ptr("operation"),
			Publisher: ptr("goemr"),
			Description: ptr("OpenEMR's status endpoint of a bulk data export (`GET [base]/$bulkdata-status?job=…`): the export's manifest " +
				"once it is complete; `DELETE` with the same job cancels the export and removes its files."),
			Code: ptr("bulkdata-status"), System: ptr(true), Type: ptr(false), Instance: ptr(false),
			Parameter: []r4.OperationDefinitionParameter{
				opParam("job", "in", 1, "1", "string", "The export job, as the kick-off response's Content-Location names it."),
			},
		},
		{
			ID: ptr("docref"), Url: ptr("http://hl7.org/fhir/us/core/OperationDefinition/docref"), Version: ptr("6.1.0"),
			Name: ptr("USCoreFetchDocumentReference"), Title: ptr("US Core Fetch DocumentReference"), Status: ptr("active"),
			Kind: ptr("operation"), Date: ptr("2022-11-18"), Publisher: ptr("HL7 International - Cross-Group Projects"),
			Description: ptr("Return the references to a patient's documents, as a searchset Bundle of DocumentReference: " +
				"documents that exist for the patient, and documents the server generates on demand (with no parameters, the patient's current C-CDA CCD)."),
			Code: ptr("docref"), Resource: []string{"DocumentReference"}, System: ptr(false), Type: ptr(true), Instance: ptr(false),
			Parameter: []r4.OperationDefinitionParameter{
				opParam("patient", "in", 1, "1", "id", "The id of the patient; no match returns an empty Bundle."),
				opParam("start", "in", 0, "1", "dateTime", "The start of the care dates the documents are of."),
				opParam("end", "in", 0, "1", "dateTime", "The end of the care dates the documents are of."),
				withBinding(opParam("type", "in", 0, "*", "Coding", "The type of the documents."),
					"required", "http://hl7.org/fhir/ValueSet/c80-doc-typecodes"),
				opParam("on-demand", "in", 0, "1", "boolean", "Whether only documents generated on demand are wanted."),
				opParam("profile", "in", 0, "*", "canonical", "A profile the returned DocumentReferences conform to."),
				opParam("return", "out", 1, "1", "Bundle", "The searchset Bundle of DocumentReference."),
			},
		},
	}
}

// bulkExport is a Bulk Data 2.0.0 export operation with its common
// parameters and extra ones.
func bulkExport(id, name, title, date, description string, resource []string, system, typ, instance bool, extra ...r4.OperationDefinitionParameter) *r4.OperationDefinition {
	params := []r4.OperationDefinitionParameter{
		opParam("_outputFormat", "in", 0, "1", "string", "The format of the files: application/fhir+ndjson (also application/ndjson and ndjson), the default."),
		opParam("_since", "in", 0, "1", "instant", "Only resources changed after this time (meta.lastUpdated)."),
		opParam("_type", "in", 0, "*", "string", "Comma-separated resource types to export; all the client may read when absent."),
		opParam("_elements", "in", 0, "*", "string", "Comma-separated elements to keep, as [type].[element] or [element]; mandatory ones are always kept."),
	}
	params = append(params, extra...)
	params = append(params,
		withBinding(opParam("includeAssociatedData", "in", 0, "*", "code", "Comma-separated kinds of associated data to add or leave out."),
			"extensible", "http://hl7.org/fhir/uv/bulkdata/ValueSet/include-associated-data"),
		opParam("_typeFilter", "in", 0, "*", "string", "A FHIR search query ([type]?[parameters]) the exported resources of that type match."),
	)
	return &r4.OperationDefinition{
		ID: ptr(id), Url: ptr("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/" + id), Version: ptr("2.0.0"),
		Name: ptr(name), Title: ptr(title), Status: ptr("active"), Kind: ptr("operation"), Date: ptr(date),
		Publisher: ptr("HL7 International - FHIR Infrastructure Work Group"), Description: ptr(description),
		Code: ptr("export"), Resource: resource, System: ptr(system), Type: ptr(typ), Instance: ptr(instance),
		Parameter: params,
	}
}

func opParam(name, use string, min int64, max, typ, doc string) r4.OperationDefinitionParameter {
	return r4.OperationDefinitionParameter{Name: ptr(name), Use: ptr(use), Min: ptr(min), Max: ptr(max), Type: ptr(typ), Documentation: ptr(doc)}
}

func withBinding(p r4.OperationDefinitionParameter, strength, valueSet string) r4.OperationDefinitionParameter {
	p.Binding = &r4.OperationDefinitionParameterBinding{Strength: ptr(strength), ValueSet: ptr(valueSet)}
	return p
}
