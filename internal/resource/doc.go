// Package resource is the resource table: one declaration per OpenEMR
// resource (table, fields and their JSON names, validation rules, filters)
// and the list of Standard and Portal API routes in OpenEMR's match order
// (openemr-standard-api.md §2). The REST router, the generic store, the
// OpenAPI document and the advertised scopes are all derived from it, so
// they cannot drift apart. The package is pure data and pure functions.
package resource
