package resource

// documentCategory reads a column of the category a document is filed
// under (the first, should it be filed under several).
func documentCategory(column string) string {
	return "SELECT c." + column + " FROM categories c WHERE c.id = " +
		"(SELECT MIN(cd.category_id) FROM categories_to_documents cd WHERE cd.document_id = t.id)"
}

// clinicalCategories are the roots of OpenEMR's default category tree
// (migration 0005) whose documents are clinical notes in US Core's sense
// (a clinician's record of the patient's state: reports, records,
// summaries): Lab Report, Medical Record, CCR, CCD, CCDA and Eye Module.
// A category below one of them is clinical too.
const clinicalCategories = "2, 3, 11, 12, 13, 14"

// FHIRDocumentReference is a patient's documents as FHIR
// DocumentReference (read only): live documents filed for a patient, with
// their category and whether it holds clinical notes.
var FHIRDocumentReference = &Def{
	Name: "fhir_document_reference", Table: "documents", ID: "id", Key: "uuid",
	Summary: "Patient documents as FHIR DocumentReference",
	Where:   "t.deleted = '0' AND t.foreign_id > 0",
	Fields: []Field{
		Col("id", As(Int)),
		Col("uuid"),
		Col("foreign_id", As(Int)),
		Col("date", As(DateTime)),
		Col("docdate", As(Date)),
		Col("mimetype"),
		Col("name"),
		Col("size", As(Int)),
		Col("owner", As(Int)),
		Col("encounter_id", As(Int)),
		Col("category_name", Computed(documentCategory("name"))),
		Col("category_codes", Computed(documentCategory("codes"))),
		// typed: whether the category's codes give the document a LOINC type.
		Col("typed", Computed("CASE WHEN lower(COALESCE(("+documentCategory("codes")+"), '')) LIKE '%loinc:%' THEN '1' ELSE '0' END")),
		Col("clinical_note", Computed(`CASE WHEN EXISTS (SELECT 1 FROM categories_to_documents cd, categories c, categories a
			WHERE cd.document_id = t.id AND c.id = cd.category_id AND a.id IN (`+clinicalCategories+`)
			AND c.lft BETWEEN a.lft AND a.rght) THEN '1' ELSE '0' END`)),
		Col("custodian_uuid", Computed(custodianUUID)),
		// Deleted documents are hidden, so every one shown is current.
		Col("status", Computed("'current'")),
	},
}
