package web

import (
	"net/http"

	"goemr/internal/emr"
)

// Status is the HTTP status of a domain error code, the one mapping the
// front doors share (each adds its own body shape and special cases).
func Status(code string) int {
	switch code {
	case emr.EINVALID:
		return http.StatusBadRequest
	case emr.ENOTFOUND:
		return http.StatusNotFound
	case emr.ECONFLICT:
		return http.StatusConflict
	case emr.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case emr.EFORBIDDEN:
		return http.StatusForbidden
	case emr.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
