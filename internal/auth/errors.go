package auth

import (
	"errors"
	"log/slog"
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// oauthError is an error response of RFC 6749 §5.2 (also used by RFC 7591
// §3.2.2, RFC 7009 §2.2.1 and RFC 6750 §3.1).
type oauthError struct {
	Status      int
	Code        string // error
	Description string // error_description
}

func (e *oauthError) Error() string { return e.Code + ": " + e.Description }

func oerr(status int, code, desc string) *oauthError {
	return &oauthError{Status: status, Code: code, Description: desc}
}

func invalidRequest(desc string) *oauthError { return oerr(400, "invalid_request", desc) }
func invalidGrant(desc string) *oauthError   { return oerr(400, "invalid_grant", desc) }
func invalidScope(desc string) *oauthError   { return oerr(400, "invalid_scope", desc) }
func invalidClient(desc string) *oauthError  { return oerr(401, "invalid_client", desc) }

// toOAuth turns any error into the OAuth2 shape. Domain errors map by code
// in this one table; anything else is a server_error whose detail is logged,
// never sent.
func toOAuth(err error) *oauthError {
	var oe *oauthError
	if errors.As(err, &oe) {
		return oe
	}
	switch emr.ErrorCode(err) {
	case emr.EINVALID:
		return invalidRequest(emr.ErrorMessage(err))
	case emr.ENOTFOUND:
		return oerr(404, "not_found", emr.ErrorMessage(err))
	case emr.ECONFLICT:
		return invalidRequest(emr.ErrorMessage(err))
	case emr.EUNAUTHORIZED:
		return oerr(401, "invalid_token", emr.ErrorMessage(err))
	case emr.EFORBIDDEN:
		return oerr(403, "insufficient_scope", emr.ErrorMessage(err))
	case emr.EUNAVAILABLE:
		return oerr(503, "temporarily_unavailable", emr.ErrorMessage(err))
	}
	return oerr(500, "server_error", "internal error")
}

// writeOAuthError writes err as RFC 6749 §5.2 JSON. An invalid_client
// answer to a client that tried HTTP Basic carries WWW-Authenticate (§5.2).
func writeOAuthError(w http.ResponseWriter, r *http.Request, err error) {
	oe := toOAuth(err)
	if oe.Status >= 500 {
		slog.Error("oauth endpoint", "path", r.URL.Path, "request_id", web.RequestID(r.Context()), "err", err)
	}
	if oe.Code == "invalid_client" {
		if _, _, ok := r.BasicAuth(); ok {
			w.Header().Set("WWW-Authenticate", `Basic realm="goemr", charset="UTF-8"`)
		} else {
			oe = &oauthError{Status: 400, Code: oe.Code, Description: oe.Description}
		}
	}
	body := map[string]string{"error": oe.Code}
	if oe.Description != "" {
		body["error_description"] = oe.Description
	}
	web.NoStore(w)
	web.WriteJSON(w, oe.Status, "application/json", body)
}
