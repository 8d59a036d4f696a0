package e2e

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Login is who signs in on the login page.
type Login struct {
	Role, Username, Password, Email string
}

// Staff and Patient are the demo accounts of DESIGN.md §4.
var (
	Staff   = Login{Role: "users", Username: "admin", Password: "pass"}
	Patient = Login{Role: "patient", Username: "Phil1", Password: "phil", Email: "heya@invalid.email.com"}
)

// Authorize walks the real pages: authorization request, login form,
// patient picker (when shown; the first patient is chosen) and consent
// (unticking the scopes in untick). It returns the redirect back to the app.
func (b *Browser) Authorize(authURL string, who Login, untick []string) (*url.URL, error) {
	return b.AuthorizeTicking(authURL, who, untick, nil)
}

// AuthorizeTicking is Authorize that also ticks the consent boxes in tick
// (e.g. category-restricted alternatives to a resource scope).
func (b *Browser) AuthorizeTicking(authURL string, who Login, untick, tick []string) (*url.URL, error) {
	page, err := b.Get(authURL)
	if err != nil {
		return nil, err
	}
	if page.Location != "" {
		return url.Parse(page.Location)
	}
	if !strings.Contains(page.URL.Path, "/provider/login") {
		return nil, fmt.Errorf("expected the login page, got %s (%d): %s", page.URL, page.Status, page.Body)
	}
	action, csrf, err := page.Form()
	if err != nil {
		return nil, err
	}
	page, err = b.Submit(action, url.Values{
		"csrf_token_form": {csrf}, "user_role": {who.Role}, "username": {who.Username},
		"password": {who.Password}, "email": {who.Email},
	})
	if err != nil {
		return nil, err
	}
	if strings.Contains(page.URL.Path, "/smart/patient-select") {
		action, csrf, err := page.Form()
		if err != nil {
			return nil, err
		}
		ids := page.Values("patient_id")
		if len(ids) == 0 {
			return nil, fmt.Errorf("patient picker lists no patient")
		}
		if page, err = b.Submit(action, url.Values{"csrf_token_form": {csrf}, "patient_id": {ids[0]}}); err != nil {
			return nil, err
		}
	}
	if !strings.Contains(page.URL.Path, "/scope-authorize-confirm") {
		return nil, fmt.Errorf("expected the consent page, got %s (%d): %s", page.URL, page.Status, page.Body)
	}
	action, csrf, err = page.Form()
	if err != nil {
		return nil, err
	}
	form := url.Values{"csrf_token_form": {csrf}, "proceed": {"allow"}}
	for _, sc := range page.Checked("scope") {
		if !slices.Contains(untick, sc) {
			form.Add("scope", sc)
		}
	}
	offered := page.Values("scope")
	for _, sc := range tick {
		if !slices.Contains(offered, sc) {
			return nil, fmt.Errorf("the consent page offers no %q; it offers %v", sc, offered)
		}
		form.Add("scope", sc)
	}
	page, err = b.Submit(action, form)
	if err != nil {
		return nil, err
	}
	if page.Location == "" {
		return nil, fmt.Errorf("consent did not redirect to the app: %d %s", page.Status, page.Body)
	}
	return url.Parse(page.Location)
}
