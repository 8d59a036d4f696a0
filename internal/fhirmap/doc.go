// Package fhirmap computes FHIR R4 resources from goemr's OpenEMR-shaped
// records, one file per FHIR type. A Mapping is data: the table the type
// is read from (a resource.Def), the conditions that select its rows, the
// US Core profiles it claims, its search parameters (Medplum-style
// search-parameter tables: a FHIR parameter names the record fields it
// searches) and a pure function from one record to one resource.
//
// The package knows no SQL and no HTTP: the FHIR front door (package fhir)
// turns search parameters into emr conditions, reads records through the
// resource.Records interface and hands them here. References to other
// records (a list row's patient pid, shown as Patient/{uuid}) are
// declared as Refs and resolved by the caller for a whole page at once,
// so that mapping a page costs one query per kind of reference, never one
// per row.
package fhirmap
