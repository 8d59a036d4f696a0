// Package audit writes the API access log: one row per request to the
// Standard, Portal and FHIR APIs (who, which route, which patient, status,
// duration), as OpenEMR's api_log does.
//
// Rows are queued and written in batches by one goroutine, so logging adds
// no database round trip to a request. A row that cannot be written is
// never dropped silently: the failure is logged with the row's details and
// counted, and the count is reported by Failures (goemr serves it on
// /healthz).
package audit
