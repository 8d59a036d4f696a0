package auth

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/mail"
	"strings"

	"goemr/internal/auth/scope"
)

// registerForm is what the registration page's form holds: the fields as
// typed (so a page with errors shows them again) and an error per field.
type registerForm struct {
	Name, Contacts, AppType, RedirectURIs, LaunchURI, JWKS, JWKSURI string
	Scopes                                                          map[string]bool
	Errors                                                          map[string]string
	picked                                                          []string // ticked scopes, in page order
}

func readRegisterForm(r *http.Request) *registerForm {
	f := &registerForm{
		Name: strings.TrimSpace(r.PostFormValue("client_name")), Contacts: r.PostFormValue("contacts"),
		AppType: r.PostFormValue("app_type"), RedirectURIs: r.PostFormValue("redirect_uris"),
		LaunchURI: strings.TrimSpace(r.PostFormValue("initiate_login_uri")), JWKS: strings.TrimSpace(r.PostFormValue("jwks")),
		JWKSURI: strings.TrimSpace(r.PostFormValue("jwks_uri")), Scopes: map[string]bool{}, Errors: map[string]string{},
	}
	for _, raw := range r.PostForm["scope"] {
		if !f.Scopes[raw] {
			f.Scopes[raw] = true
			f.picked = append(f.picked, raw)
		}
	}
	return f
}

// request turns the form into RFC 7591 client metadata. It checks only what
// the page asks more of than the JSON endpoint (a name, e-mail contacts, a
// chosen type and scope); every metadata rule is the registration's own
// (register), so the two ways to register cannot drift apart.
func (f *registerForm) request() *registrationRequest {
	req := &registrationRequest{
		ClientName: f.Name, RedirectURIs: lines(f.RedirectURIs), Contacts: lines(f.Contacts),
		InitiateLoginURI: f.LaunchURI, JWKSURI: f.JWKSURI, ResponseTypes: []string{"code"},
		GrantTypes: []string{"authorization_code"},
	}
	if f.JWKS != "" {
		req.JWKS = json.RawMessage(f.JWKS)
	}
	if f.Name == "" {
		f.Errors["client_name"] = "Enter the app's name; patients and administrators see it."
	}
	if len(req.Contacts) == 0 {
		f.Errors["contacts"] = "Enter at least one e-mail address to reach the app's developers."
	}
	for _, c := range req.Contacts {
		if a, err := mail.ParseAddress(c); err != nil || a.Address != c {
			f.Errors["contacts"] = c + " is not an e-mail address (one address per line, like dev@example.org)."
			break
		}
	}
	switch f.AppType {
	case "confidential":
		req.ApplicationType = "private"
	case "public":
		req.ApplicationType = "public"
		if f.JWKS != "" || f.JWKSURI != "" {
			f.Errors["jwks"] = "Only a confidential app authenticates with keys; choose confidential or leave the keys empty."
		}
	default:
		f.Errors["app_type"] = "Choose whether the app is public or confidential."
	}
	var picked scope.Set
	for _, raw := range f.picked {
		if sc, err := scope.Parse(raw); err == nil {
			picked = append(picked, sc)
		} else {
			f.Errors["scope"] = err.Error()
		}
	}
	if len(f.Scopes) == 0 {
		f.Errors["scope"] = "Choose at least one scope the app needs."
	}
	req.Scope = picked.String()
	if picked.Has("offline_access") {
		req.GrantTypes = append(req.GrantTypes, "refresh_token")
	}
	for _, sc := range picked {
		if sc.Context == scope.ContextSystem {
			req.GrantTypes = append(req.GrantTypes, "client_credentials")
			break
		}
	}
	return req
}

// registerFields maps client metadata names to the page's inputs; an error
// about other metadata is shown above the form.
var registerFields = map[string]string{
	"client_name": "client_name", "contacts": "contacts", "redirect_uris": "redirect_uris",
	"initiate_login_uri": "initiate_login_uri", "jwks": "jwks", "jwks_uri": "jwks_uri",
	"scope": "scope", "token_endpoint_auth_method": "app_type",
}

// fieldFor places a registration error next to its input ("" = above the
// form); it reports false for errors that are not about the metadata.
func fieldFor(err error) (string, string, bool) {
	var mf *metadataField
	if errors.As(err, &mf) {
		return registerFields[mf.Field], mf.Err.Description, true
	}
	var oe *oauthError
	if errors.As(err, &oe) && oe.Status == http.StatusBadRequest {
		return "", oe.Description, true
	}
	return "", "", false
}

// lines splits a textarea into its non-empty trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
