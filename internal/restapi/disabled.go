package restapi

import (
	"net/http"

	"goemr/internal/web"
)

// WriteDisabled answers a request to an API an administrator switched off
// (Connectors: rest_api, rest_portal_api) as OpenEMR 7 does, 501 Not
// Implemented, with a body in OpenEMR's framework error shape saying why.
func WriteDisabled(w http.ResponseWriter, r *http.Request, message string) {
	web.WriteJSON(w, http.StatusNotImplemented, "", frameworkError{
		Error: http.StatusText(http.StatusNotImplemented), Message: message, Code: http.StatusNotImplemented,
	})
}
