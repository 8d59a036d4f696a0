package admin

import (
	"net/http"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// clientPage is the detail page of one client with its scope form.
type clientPage struct {
	Row   *clientRow
	Scope string // the form's value: as saved, or as typed when refused
}

// handleClient shows a client's registration and the allowed-scopes form.
func (s *Server) handleClient(w http.ResponseWriter, r *http.Request, me *staff) error {
	c, a, err := s.siteClient(r)
	if err != nil {
		return err
	}
	d := &clientPage{Row: newClientRow(c, a), Scope: strings.Join(strings.Fields(c.Scope), "\n")}
	s.render(w, r, http.StatusOK, "client.html", &view{Title: clientTitle(c), Nav: "clients", Me: me, Data: d})
	return nil
}

func clientTitle(c *emr.Client) string {
	if c.Name == "" {
		return "API client"
	}
	return "API client: " + c.Name
}

// handleClientScope replaces the client's allowed scopes with valid
// catalogue scopes the client's type may hold (the rules of registration:
// user/ and system/ scopes need a confidential client, system/ scopes a
// key set for client_credentials). Narrowing revokes every token the
// client holds, since those carry the scopes taken away.
func (s *Server) handleClientScope(w http.ResponseWriter, r *http.Request, me *staff) error {
	c, a, err := s.siteClient(r)
	if err != nil {
		return err
	}
	raw := strings.Join(strings.Fields(r.PostFormValue("scope")), " ")
	next, msg := s.checkClientScopes(c, raw)
	if msg != "" {
		d := &clientPage{Row: newClientRow(c, a), Scope: r.PostFormValue("scope")}
		s.render(w, r, http.StatusBadRequest, "client.html", &view{Title: clientTitle(c), Nav: "clients", Me: me,
			Error: "The scopes were not saved.", Errors: map[string]string{"scope": msg}, Data: d})
		return nil
	}
	narrowed := false
	old, err := scope.ParseList(c.Scope)
	for _, o := range old {
		narrowed = narrowed || !scope.Set(next).Contains(o)
	}
	narrowed = narrowed || err != nil
	if err := s.st.ClientAdmin.SetClientScope(r.Context(), c.ID, scope.Set(next).String(), narrowed); err != nil {
		return err
	}
	s.auth.ForgetClient(c.ID)
	done := "client-scope"
	if narrowed {
		done = "client-narrowed"
	}
	s.auditChange(r, me, "client.scope", &emr.AuditEvent{ClientID: c.ID, Detail: scope.Set(next).String()})
	redirectDone(w, r, "clients", done)
	return nil
}

// checkClientScopes parses and checks the new scopes, returning them or
// the message shown next to the field.
func (s *Server) checkClientScopes(c *emr.Client, raw string) ([]scope.Scope, string) {
	if raw == "" {
		return nil, "Enter at least one scope."
	}
	list, err := scope.ParseList(raw)
	if err != nil {
		return nil, err.Error()
	}
	for _, sc := range list {
		if err := s.auth.Catalog().Validate(sc); err != nil {
			return nil, err.Error()
		}
		if !c.Confidential && (sc.Context == "user" || sc.Context == "system") {
			return nil, sc.Raw + " needs a confidential client; this one is public."
		}
		if sc.Context == "system" && c.JWKS == "" && c.JWKSURI == "" {
			return nil, sc.Raw + " needs a registered key set (jwks or jwks_uri) for client_credentials."
		}
	}
	return list, ""
}
