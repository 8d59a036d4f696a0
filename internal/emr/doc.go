// Package emr holds goemr's domain: the types every front door (OpenEMR
// REST, FHIR, OAuth2) speaks about, the service interfaces the store
// implements, and the one error type whose codes each protocol maps to its
// own status and body shape.
//
// emr imports nothing but the standard library, so the domain can be read
// and tested without a database or an HTTP server.
package emr
