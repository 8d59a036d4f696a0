package emr

// Record is one row of an OpenEMR-shaped resource, keyed by the column name
// OpenEMR also uses as the JSON field name. Values are what OpenEMR's PHP
// layer hands out: strings (numbers included) or nil for SQL NULL, plus the
// few structured values some resources compute (addresses, diagnosis maps).
type Record map[string]any

// Str returns the value of field as a string ("" for nil or absent).
func (r Record) Str(field string) string {
	switch v := r[field].(type) {
	case string:
		return v
	case nil:
		return ""
	case []byte:
		return string(v)
	}
	return ""
}

// Match is how a filter compares a field with a value.
type Match int

const (
	Exact     Match = iota // field = value
	Contains               // field contains value, case-insensitive (OpenEMR's LIKE %v%)
	In                     // field equals one of the values of the slice Value (no value: nothing matches)
	Prefix                 // field starts with value, case-insensitive (FHIR string search)
	Less                   // field < value
	LessEq                 // field <= value
	Greater                // field > value
	GreaterEq              // field >= value
	NotEq                  // field differs from value, or is null (FHIR token :not)
	Missing                // Value true: field is null or ""; false: it has a value (FHIR :missing)
)

// Cond is one condition of a query: Field compared with Value. A Cond with
// Any set is instead true when any of Any holds (FHIR's comma: OR), and one
// with All set when all of All hold (a date range inside an OR); Field,
// Match and Value are then unused. Comparisons (Less…GreaterEq) compare
// text as text, so dates and times must be given in the field's own format;
// whole-number fields compare as numbers.
type Cond struct {
	Field string
	Match Match
	Value any
	Any   []Cond
	All   []Cond
}

// Or is the condition that holds when any of conds does: with none, it
// holds for nothing (Any is then empty but not nil, or the Cond would be
// an empty comparison).
func Or(conds ...Cond) Cond { return Cond{Any: append([]Cond{}, conds...)} }

// And is the condition that holds when all of conds do: with none, it
// always holds.
func And(conds ...Cond) Cond { return Cond{All: append([]Cond{}, conds...)} }

// SortKey orders a query by Field, descending when Desc.
type SortKey struct {
	Field string
	Desc  bool
}

// Query selects records: all Where conditions hold (AND), ordered by Sort,
// then a page of Limit rows (0: no limit) after skipping Offset.
type Query struct {
	Where  []Cond
	Sort   []SortKey
	Limit  int
	Offset int
	// After continues a listing where a page ended (keyset paging): the
	// values of the Sort fields and then of the definition's ID, read from
	// the last record of that page. Only records strictly after it in the
	// query's order are returned, so rows inserted meanwhile never shift a
	// page. Nulls sort first in both directions' ascending order.
	After []any
	// Backward walks the order the other way: with After, the records
	// strictly before that position, nearest first (the page before a
	// page, whose rows the caller puts back in order).
	Backward bool
	// Detail asks for the fields read only for single records.
	Detail bool
}

// Eq is the common exact-match condition.
func Eq(field string, v any) Cond { return Cond{Field: field, Value: v} }
