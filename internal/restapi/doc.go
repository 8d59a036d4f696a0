// Package restapi serves OpenEMR's Standard REST API (/apis/{site}/api/…)
// and Patient Portal API (/apis/{site}/portal/…) from the resource table.
//
// A request passes the same gates, in the same order, as in OpenEMR
// (openemr-standard-api.md §1.1): site, bearer token, API gate scope and
// role, route match, route scope (§1.2), then the user's ACL (§1.4). Generic
// handlers serve the declared resources; the few resources with behaviour
// of their own (encounters with forms, appointments, documents, insurance,
// prescriptions) register hand-written handlers by operation name.
//
// Responses use OpenEMR's shapes (§4.1): the envelope
// {validationErrors, internalErrors, data, links} or the raw payload, with
// the status codes OpenEMR intends rather than the 200s 8.x sends.
//
// Generic /api/ reads and lists may be answered from a response cache
// (cache.go) while the storage's data version is unchanged; the version
// moves on every write by any process, so a cached answer is never older
// than an acknowledged write.
package restapi
