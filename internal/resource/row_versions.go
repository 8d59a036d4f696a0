package resource

import "sync"

// rowVersionDefs caches the definition of each table's counters.
var rowVersionDefs sync.Map // table → *Def

// RowVersions is the definition of table's rows' version counters
// (row_versions, migration 0021): one row per changed row of table, keyed
// by its primary key id, with how many versions it has had. A row with no
// counter is at version 1.
func RowVersions(table string) *Def {
	if d, ok := rowVersionDefs.Load(table); ok {
		return d.(*Def)
	}
	d := &Def{
		Name: "row_versions", Table: "row_versions", Key: "id",
		Fixed:  map[string]string{"tbl": table},
		Fields: []Field{Col("id", As(Int)), Col("version", As(Int))},
	}
	actual, _ := rowVersionDefs.LoadOrStore(table, d)
	return actual.(*Def)
}
