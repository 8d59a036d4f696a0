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
	Exact    Match = iota // field = value
	Contains              // field contains value, case-insensitive (OpenEMR's LIKE %v%)
	In                    // field equals one of the values of the slice Value (no value: nothing matches)
)

// Cond is one condition of a query: Field compared with Value.
type Cond struct {
	Field string
	Match Match
	Value any
}

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
	// Detail asks for the fields read only for single records.
	Detail bool
}

// Eq is the common exact-match condition.
func Eq(field string, v any) Cond { return Cond{Field: field, Value: v} }
