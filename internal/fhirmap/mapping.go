package fhirmap

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// A Mapping declares one FHIR resource type computed from records of one
// OpenEMR table.
type Mapping struct {
	Type string // "Patient"
	// Profiles are the canonical URLs every resource of the type claims in
	// meta.profile and the CapabilityStatement lists as supportedProfile.
	Profiles []string
	Def      *resource.Def
	// WriteDef, when set, is the table definition creates and updates go
	// to, for a type whose Def is read only (a view, or a read-side Def
	// whose columns carry no write rules); nil writes through Def.
	WriteDef *resource.Def
	// Where are conditions every read adds (a lists type, an active flag).
	Where []emr.Cond
	// ID is the record field that is the FHIR id; Updated the field that
	// is meta.lastUpdated and answers _lastUpdated.
	ID, Updated string
	// Patient is the record field holding the pid of the patient whose
	// compartment the record is in; "" when the type is not in a patient
	// compartment. For Patient it is the patient's own pid.
	Patient string
	// Params are the type's search parameters beyond _id and _lastUpdated,
	// which every mapping has.
	Params []Param
	// Refs are the references ToFHIR shows, resolved per page.
	Refs []Ref
	// ToFHIR builds the resource from one record.
	ToFHIR func(rec emr.Record, c *Context) r4.Resource
	// FromFHIR maps a resource onto Def's columns for a create or an
	// update; nil for a type goemr does not write.
	FromFHIR func(res r4.Resource, w *WriteContext) (map[string]any, error)
	// Store, when set, writes the values FromFHIR mapped, for a type whose
	// record spans tables (an encounter and its forms row) or whose rows
	// hold several resources (a vital sign is one column of a vitals
	// form). It runs inside the write's transaction; current is nil for a
	// create and the record being replaced (as Def reads it) for an
	// update. It returns the FHIR id of what it wrote. Without Store, a
	// create inserts into Writes() and an update updates the row whose ID
	// field is the resource's id.
	Store func(ctx context.Context, w resource.Writer, values map[string]any, current emr.Record) (id string, err error)
	// Paths name the FHIR element each written column comes from, for the
	// OperationOutcome of a write the table's rules refuse.
	Paths map[string]string
	// IDConds, when set, selects the record with FHIR id id by conditions
	// an index answers: a composite id of a view (a vital sign's
	// "<form_vitals uuid>-bp") names its source row, which an equality on
	// the view's computed id column would not let the database use.
	IDConds func(id string) []emr.Cond
}

// Writes is the definition creates and updates store into.
func (m *Mapping) Writes() *resource.Def {
	if m.WriteDef != nil {
		return m.WriteDef
	}
	return m.Def
}

// ByID are the conditions that select the record whose FHIR id is id.
func (m *Mapping) ByID(id string) []emr.Cond {
	if m.IDConds != nil {
		return m.IDConds(id)
	}
	return []emr.Cond{emr.Eq(m.ID, id)}
}

// ParamType is a FHIR search parameter type (FHIR R4 §3.1.1.4).
type ParamType string

// The search parameter types goemr serves.
const (
	String    ParamType = "string"
	Token     ParamType = "token"
	Date      ParamType = "date"
	Reference ParamType = "reference"
)

// A Param is one search parameter: which record fields it searches and
// how its values translate to stored values.
type Param struct {
	Code string
	Type ParamType
	// Fields are the record fields searched; a match in any counts.
	Fields []string
	// Tokens translates a token search value (system may be "" when the
	// client gave none, and is "|" … when it asked for no system) into
	// conditions, of which any must hold; nil or an empty result matches
	// nothing. Without Tokens the code is compared with each field as
	// stored and any system is refused.
	Tokens func(system, code string, hasSystem bool) []emr.Cond
	// Target is the type a reference parameter points to, and TargetKey
	// the field of the target's record that Fields hold (a Patient's pid).
	Target, TargetKey string
	// Doc describes the parameter in the CapabilityStatement.
	Doc string
}

// A Ref is a reference a record holds by a stored key that the resource
// shows by the target's id: lists.pid shown as Patient/{uuid}. The caller
// reads the Def's rows whose By field holds the page's keys, and Context.Ref
// gives the Take field (the target's id) for a key.
type Ref struct {
	Name  string // what ToFHIR asks Context.Ref for: "patient"
	Field string // the record field holding the key: "pid"
	Def   *resource.Def
	By    string // the target field the key matches: "pid"
	Take  string // the target field that is its id: "uuid"
}

// Context is what a mapping needs beyond its record: the server's FHIR
// base URL and the page's resolved references.
type Context struct {
	Base string
	refs map[string]map[string]string
}

// NewContext returns a Context for base with no references resolved.
func NewContext(base string) *Context {
	return &Context{Base: base, refs: map[string]map[string]string{}}
}

// SetRef records that key of reference name is the resource id id.
func (c *Context) SetRef(name, key, id string) {
	m := c.refs[name]
	if m == nil {
		m = map[string]string{}
		c.refs[name] = m
	}
	m[key] = id
}

// Ref returns the id reference name's key resolved to, if it did.
func (c *Context) Ref(name, key string) (string, bool) {
	id, ok := c.refs[name][key]
	return id, ok && id != ""
}

// versionRef names the Ref that reads a record's version counter.
const versionRef = "version"

// VersionRef is the Ref a versioned mapping declares: the row's counter in
// row_versions, by the table's primary key field.
func VersionRef(table, idField string) Ref {
	return Ref{Name: versionRef, Field: idField, Def: resource.RowVersions(table), By: "id", Take: "version"}
}

// Version is the FHIR versionId of the record whose primary key is id:
// its update count, 1 for a row never updated (R4 http.html#versioning).
func (c *Context) Version(id string) string {
	if v, ok := c.Ref(versionRef, id); ok {
		return v
	}
	return "1"
}

// VersionOf is the versionId of rec under mapping m, "" when m keeps none.
func (m *Mapping) VersionOf(rec emr.Record, c *Context) string {
	for _, r := range m.Refs {
		if r.Name == versionRef {
			return c.Version(rec.Str(r.Field))
		}
	}
	return ""
}
