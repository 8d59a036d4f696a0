// Package fhir serves FHIR R4 (4.0.1) at /apis/{site}/fhir/: read and
// search of the types declared in package fhirmap, the
// CapabilityStatement, and OperationOutcome errors.
//
// The router knows nothing of storage (as Medplum's): a request is
// authenticated by the authorization server, checked against the token's
// SMART scopes (patient/, user/, system/; v1 and v2), restricted to the
// patient's compartment for a patient-context token, translated into emr
// conditions through the type's search-parameter table, read through the
// resource.Reader interface, and mapped to FHIR by fhirmap.
//
// Search follows FHIR R4 §3.1.1 (https://hl7.org/fhir/R4/search.html):
// string (default starts-with, :exact, :contains), token (system|code,
// code, |code, :not, :missing), date with prefixes and partial dates,
// reference (id or Type/id), comma as OR, repetition as AND, _id,
// _lastUpdated, _count, _sort, _summary=count. Pages are keyset pages: a
// next link carries the position of the last entry, so rows inserted
// meanwhile never shift or repeat entries. An unknown parameter is
// reported in an OperationOutcome entry (search mode outcome), or refused
// with Prefer: handling=strict (R4 §3.1.1.3).
package fhir
