// Package archtest enforces the layering rules of DESIGN.md §2 with a test:
// emr imports nothing but the standard library, store sees no HTTP or FHIR,
// fhirmap sees no SQL, and only cmd/goemr wires packages together.
package archtest
