package resource

// Def declares one resource: where it lives and what it looks like.
type Def struct {
	Name  string // the scope resource and route segment: "allergy"
	Table string // "lists"
	// ID is the auto-increment column ("id", "pc_eid"); Key is the column
	// the item path parameter addresses ("uuid", "id", "pc_eid").
	ID, Key string
	// Numbered is a column numbered max + 1 on create unless given, as
	// OpenEMR numbers patient_data.pid and form_encounter.encounter.
	Numbered string
	// Fixed columns are part of every query and insert (lists.type).
	Fixed map[string]string
	// TextIndex names a trigram index (an SQLite FTS5 table with the
	// contains-match fields as columns) that answers contains searches;
	// PostgreSQL's pg_trgm indexes need no name.
	TextIndex string
	// TextIndexed are fields the text index also holds beyond the
	// contains-match filters (patient mname, for FHIR name searches).
	TextIndexed []string
	// Where is a constant SQL condition over the row (aliased t) every
	// read adds: which users rows are practitioners.
	Where string
	// Binds link path parameters to columns, in path order.
	Binds []Bind
	// Fields in response order.
	Fields []Field
	// Order is the default ORDER BY of lists, over column names.
	Order []string
	// SoftDelete, when set, marks deleted rows with Column = Value and
	// hides them from reads instead of deleting them.
	SoftDelete *SoftDelete
	// Replies shape the responses of create, update and delete.
	Created, Updated, Deleted Reply
	// Summary describes the resource for the OpenAPI document.
	Summary string
}

// SoftDelete marks a row deleted rather than removing it.
type SoftDelete struct {
	Column, Value, Live string // set Column = Value; live rows have Column = Live
	Hide                bool   // deleted rows are not found any more
}

// Bind links the path parameter Param to the resource's Column. With a
// Table, the parameter is looked up (Table.By = param) and Take is stored:
// a patient uuid in the path becomes the row's numeric pid.
type Bind struct {
	Param, Column string
	Table, By     string
	Take          string
	// Within restricts the lookup to the parent found by the previous
	// bind: the encounter number must belong to the patient.
	Within string
}

// Common binds.
var (
	PatientByUUID = Bind{Param: "puuid", Column: "pid", Table: "patient_data", By: "uuid", Take: "pid"}
	PatientByPID  = Bind{Param: "pid", Column: "pid", Table: "patient_data", By: "pid", Take: "pid"}
	// EncounterByNumber binds OpenEMR's encounter number (the "eid" of
	// the encounter JSON), which must belong to the patient bound before.
	EncounterByNumber = Bind{Param: "eid", Column: "encounter", Table: "form_encounter", By: "encounter", Take: "encounter", Within: "pid"}
)

// Reply is the body of a create, update or delete response: the whole
// record (Full), a few of its keys, or a fixed value (the JSON literal true
// of OpenEMR's raw routes, {"message": "record deleted"}).
type Reply struct {
	Full    bool
	Keys    []KeyAs
	Literal any
}

// KeyAs copies column From into the reply as To; Int sends it as a JSON
// number (OpenEMR returns fresh ids as integers, stored ones as strings).
type KeyAs struct {
	From, To string
	Int      bool
}

// Field returns the field named name, or nil.
func (d *Def) Field(name string) *Field {
	for i := range d.Fields {
		if d.Fields[i].Name == name {
			return &d.Fields[i]
		}
	}
	return nil
}

// Stored reports whether the field is a real column of the table.
func (f *Field) Stored() bool { return f.Expr == "" }
