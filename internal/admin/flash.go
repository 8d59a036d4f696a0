package admin

import (
	"net/http"
	"net/url"

	"goemr/internal/emr"
)

// flashes are the outcomes an action redirects with (?done=…): fixed
// texts, so nothing a request carries is ever shown back as a message.
var flashes = map[string]string{
	"client-approved":  "The client was approved: it can now obtain tokens.",
	"client-enabled":   "The client was enabled.",
	"client-disabled":  "The client was disabled and every token it held was revoked.",
	"client-revoked":   "Every access and refresh token of the client was revoked.",
	"client-scope":     "The allowed scopes were saved.",
	"client-narrowed":  "The allowed scopes were narrowed; every token the client held was revoked.",
	"connectors-saved": "The Connectors settings were saved; they apply to the next request.",
	"user-added":       "The user was added.",
	"user-disabled":    "The user was disabled and signed out.",
	"user-enabled":     "The user was enabled.",
	"user-password":    "The password was changed.",
	"user-acl":         "The permissions were saved.",
}

// redirectDone sends the browser to page with the outcome code of an action.
func redirectDone(w http.ResponseWriter, r *http.Request, page, done string) {
	http.Redirect(w, r, path(r.PathValue("site"), page)+"?"+url.Values{"done": {done}}.Encode(), http.StatusSeeOther)
}

// flashOf is the message of the ?done= code of the request, if known.
func flashOf(r *http.Request) string { return flashes[r.URL.Query().Get("done")] }

// auditChange records an administrator's change as a security event.
func (s *Server) auditChange(r *http.Request, me *staff, event string, e *emr.AuditEvent) {
	e.Role, e.Subject = emr.RoleUsers, me.User.UUID
	s.audit(r, event, "success", e)
}

// fieldErrors collects messages next to form fields.
type fieldErrors map[string]string

func (f fieldErrors) add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}
