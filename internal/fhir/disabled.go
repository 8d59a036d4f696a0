package fhir

import "net/http"

// WriteDisabled answers a request while an administrator has switched the
// FHIR API off (Connectors: rest_fhir_api): 501 Not Implemented, as OpenEMR
// 7 answers, with an OperationOutcome of issue type not-supported (R4
// §3.1.0.4) that says why.
func WriteDisabled(w http.ResponseWriter, r *http.Request, message string) {
	writeResource(w, http.StatusNotImplemented, outcome("error", "not-supported", message))
}
