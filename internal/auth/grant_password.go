package auth

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/web"
)

// grantPassword is OpenEMR's resource-owner password grant (RFC 6749 §4.3).
// It exists only when the oauth_password_grant setting enables it: 1 for
// staff users, 2 for patients, 3 for both. Patients also give their e-mail.
func (s *Server) grantPassword(ctx context.Context, site string, c *authenticatedClient, form url.Values, r *http.Request) (*tokenResponse, error) {
	role := form.Get("user_role")
	mode := s.setting(ctx, emr.SettingPasswordGrant)
	allowed := map[string]bool{
		emr.RoleUsers:   mode == "1" || mode == "3",
		emr.RolePatient: mode == "2" || mode == "3",
	}
	if mode != "1" && mode != "2" && mode != "3" {
		return nil, oerr(400, "unsupported_grant_type", "the password grant is disabled (setting oauth_password_grant)")
	}
	if role != emr.RoleUsers && role != emr.RolePatient {
		return nil, invalidRequest("user_role must be users or patient")
	}
	if !allowed[role] {
		return nil, oerr(400, "unauthorized_client", "the password grant is not enabled for user_role "+role)
	}
	username, password := form.Get("username"), form.Get("password")
	if username == "" || password == "" {
		return nil, invalidRequest("username and password are required")
	}
	requested, err := s.requestedScopes(c.Client, form.Get("scope"), false)
	if err != nil {
		return nil, err
	}
	acct, err := s.signIn(ctx, role, username, password, form.Get("email"), web.ClientIP(r))
	if err != nil {
		s.audit(r, "login", "failure", &emr.AuditEvent{Role: role, ClientID: c.ID, Detail: "password grant: " + emr.ErrorMessage(err)})
		if emr.ErrorCode(err) == emr.EUNAVAILABLE {
			return nil, oerr(429, "invalid_grant", emr.ErrorMessage(err))
		}
		return nil, invalidGrant(emr.ErrorMessage(err))
	}
	s.audit(r, "login", "success", &emr.AuditEvent{Role: role, Subject: acct.Subject, ClientID: c.ID, Detail: "password grant"})
	set := fitRole(role, requested)
	if len(set) == 0 {
		return nil, invalidScope("none of the requested scopes can be granted to a " + roleName(role))
	}
	g := &emr.Grant{
		ID: newID(), Site: site, ClientID: c.ID, Role: role, Subject: acct.Subject,
		Scope: set.String(), AuthTime: s.now(), Created: s.now(),
	}
	if role == emr.RolePatient {
		g.PatientUUID = acct.PatientUUID
	}
	g.Expires = s.grantExpiry(ctx, set)
	if err := s.st.Tokens.CreateGrant(ctx, g); err != nil {
		return nil, err
	}
	return s.issue(ctx, c.Client, g, issueOptions{refresh: set.Has("offline_access")})
}

// requestedScopes parses a scope parameter and keeps it within the catalogue
// and the client's registration (RFC 6749 §3.3). Empty means everything the
// client registered. systemOnly restricts it to system/ scopes.
func (s *Server) requestedScopes(c *emr.Client, raw string, systemOnly bool) ([]scope.Scope, error) {
	registered, err := scope.ParseList(c.Scope)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(raw) == "" {
		raw = c.Scope
	}
	asked, err := scope.ParseList(raw)
	if err != nil {
		return nil, invalidScope(err.Error())
	}
	var out []scope.Scope
	for _, a := range asked {
		if err := s.catalog.Validate(a); err != nil {
			return nil, invalidScope(err.Error())
		}
		if !scope.Set(registered).Contains(a) {
			return nil, invalidScope("scope " + a.Raw + " is not registered for this client")
		}
		if systemOnly && a.Context != "system" {
			continue
		}
		if !systemOnly && a.Context == "system" {
			return nil, invalidScope("system/ scopes need the client_credentials grant")
		}
		out = append(out, s.catalog.Restrict(a))
	}
	if len(out) == 0 {
		return nil, invalidScope("no usable scope was requested")
	}
	return out, nil
}
