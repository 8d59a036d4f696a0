package emr

import "context"

type bulkReadKey struct{}

// BulkRead marks ctx as a bulk read, such as the pages of a $export: each
// query runs once over many rows, so storage should not keep it prepared
// (a cached statement per query shape and connection costs far more memory
// than preparing once per page of thousands of rows costs time).
func BulkRead(ctx context.Context) context.Context {
	return context.WithValue(ctx, bulkReadKey{}, true)
}

// IsBulkRead reports whether ctx was marked by BulkRead.
func IsBulkRead(ctx context.Context) bool {
	v, _ := ctx.Value(bulkReadKey{}).(bool)
	return v
}
