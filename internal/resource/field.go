package resource

import "goemr/internal/emr"

// Kind is how a field is stored and checked.
type Kind int

const (
	Text     Kind = iota // free text
	Int                  // a whole number (ids, counters, flags)
	Decimal              // a number with a fraction (vitals)
	Date                 // Y-m-d
	DateTime             // Y-m-d H:i:s
	Unix                 // stored as Unix seconds, shown as Y-m-d H:i:s
)

// Auto is a value the server sets on create (and for Touch, on update).
type Auto int

const (
	AutoNone   Auto = iota
	AutoUUID        // a new UUID
	AutoNow         // the time of creation, Y-m-d H:i:s
	AutoTouch       // the time of creation and of every update
	AutoUser        // the acting user's id
	AutoNumber      // the number the row was given (Def.Numbered) when empty
)

// Field is one column of a resource. Its Name is both the column and the
// JSON key, as in OpenEMR's responses.
type Field struct {
	Name string
	Kind Kind
	// Expr, when set, makes the field read-only and computed by this SQL
	// expression over the resource's row (aliased t), e.g. a joined name.
	Expr string
	// Write admits the field from request bodies; others are dropped, as
	// OpenEMR drops keys outside its whitelists.
	Write bool
	// Filter makes the field a search parameter of list routes.
	Filter bool
	Match  emr.Match
	// Sort admits the field in _sort.
	Sort bool
	// Hidden fields are stored but never sent (secrets, internal links).
	Hidden bool
	// Detail fields are read only for a single record (Query.Detail):
	// what a record's presenter needs to know, too costly per row of a
	// list.
	Detail bool
	// Shaped fields are sent as the resource's presenter shapes them (a
	// map of codes, a number, a boolean), not as stored.
	Shaped bool
	Auto   Auto
	// Default is stored on create when the body does not set the field.
	Default string
	// Label names the field in validation messages ("First Name").
	Label string
	// Create and Update are the validation rules of each operation.
	Create Rule
	Update Rule
}

// Format constrains a field's value beyond its length.
type Format int

const (
	AnyFormat Format = iota
	FormatDate
	FormatDateTime
	FormatNumeric
	FormatEmail
	FormatURL
	FormatTime // HH:MM, exactly five characters
)

// Rule is a validation rule in OpenEMR's Particle terms: a required field
// must be present and non-empty; an optional empty field skips the rest.
type Rule struct {
	Required bool
	Min, Max int // length bounds in characters; 0 = none
	Format   Format
	OneOf    []string // allowed values
	List     string   // the value must be an option_id of this list_options list
	Exists   string   // "table.column" the value must be found in
}

// Rules returns both the create and update rule for f: required on create,
// the same checks but optional on update.
func Rules(r Rule) (create, update Rule) {
	u := r
	u.Required = false
	return r, u
}
