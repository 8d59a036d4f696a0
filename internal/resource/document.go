package resource

// Document is documents (openemr-standard-api.md §3.14, §6), addressed by
// the patient's numeric pid (documents.foreign_id) and the numeric
// document id. Its visible fields are the shape of a listed document,
// {filename, hash, id, mimetype, docdate}; the other columns are stored
// but never sent. Uploads and downloads carry file bytes, so the three
// document routes have their own handlers; this definition binds their
// patient and describes the listing.
var Document = &Def{
	Name: "document", Table: "documents", ID: "id", Key: "id",
	Binds:   []Bind{{Param: "pid", Column: "foreign_id", Table: "patient_data", By: "pid", Take: "pid"}},
	Summary: "Patient documents (files filed under a category path)",
	Order:   []string{"id"},
	Fields: []Field{
		Col("filename", Computed("t.name")),
		Col("hash"),
		Col("id", As(Int)),
		Col("mimetype"),
		Col("docdate", As(Date)),
		Col("uuid", Set(AutoUUID), Secret),
		Col("type", Secret), Col("size", As(Int), Secret), Col("date", Set(AutoNow), Secret),
		Col("url", Secret), Col("name", Secret), Col("owner", As(Int), Secret),
		Col("foreign_id", As(Int), Secret), Col("encounter_id", As(Int), Secret),
		Col("storagemethod", Secret), Col("deleted", Secret),
	},
	SoftDelete: &SoftDelete{Column: "deleted", Value: "1", Live: "0", Hide: true},
}

// DocumentCategory is categories, OpenEMR's document category tree
// (nested set under the root "Categories", id 1).
var DocumentCategory = &Def{
	Name: "document_category", Table: "categories", ID: "id", Key: "id",
	Summary: "Document categories",
	Order:   []string{"lft"},
	Fields:  append([]Field{Col("id", As(Int)), Col("parent", As(Int))}, Cols("name", "value", "lft", "rght", "aco_spec", "codes")...),
}
