package resource

// mediaTypes are the documents FHIR Media shows, as OpenEMR's Media
// service picks them: images, videos and DICOM objects, by MIME type.
const mediaTypes = "(lower(t.mimetype) LIKE 'image/%' OR lower(t.mimetype) LIKE 'video/%' OR lower(t.mimetype) = 'application/dicom')"

// FHIRMedia is a patient's live image and video documents as FHIR Media
// (read only), with the notes filed on each (notes, migration 0023)
// between newlines, oldest first.
var FHIRMedia = &Def{
	Name: "fhir_media", Table: "documents", ID: "id", Key: "uuid",
	Summary: "Patient images and videos as FHIR Media",
	Where:   "t.deleted = '0' AND t.foreign_id > 0 AND " + mediaTypes,
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int)),
		Col("uuid"),
		Col("foreign_id", As(Int)),
		Col("date", As(DateTime)),
		Col("docdate", As(Date)),
		Col("mimetype"),
		Col("name"),
		Col("size", As(Int)),
		Col("encounter_id", As(Int)),
		Col("notes", Computed("SELECT string_agg(n.note, '\n' ORDER BY n.id) FROM notes n WHERE n.foreign_id = t.id AND COALESCE(n.note, '') <> ''")),
	},
}
