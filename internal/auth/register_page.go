package auth

import (
	"net/http"
	"net/url"

	"goemr/internal/web"
)

// The app registration page: the form OpenEMR serves at
// /interface/smart/register-app.php, for developers who register by hand
// rather than by RFC 7591 JSON. Both end in the same register call.
const (
	registerPHPPath = "/interface/smart/register-app.php"
	// registerCookie holds the form's CSRF token. The page has no session,
	// so it is a double-submit cookie: random, HttpOnly, SameSite=Strict and
	// scoped to the page's path (OWASP CSRF Prevention Cheat Sheet).
	registerCookie = "goemr_register_app"
)

// registerPage is one request to the page: its site and the URL it posts to.
type registerPage struct {
	site, action, cookiePath string
}

// handleRegisterPage serves /oauth2/{site}/smart/register-app.
func (s *Server) handleRegisterPage(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	return s.servePage(w, r, &registerPage{site: site, action: s.Issuer(site) + "/smart/register-app", cookiePath: "/oauth2/" + site + "/smart/register-app"})
}

// handleRegisterPHP serves OpenEMR's address; the site comes from ?site=
// as in OpenEMR (default "default").
func (s *Server) handleRegisterPHP(w http.ResponseWriter, r *http.Request) error {
	site := r.URL.Query().Get("site")
	if site == "" {
		site = "default"
	}
	if err := s.Site(r.Context(), site); err != nil {
		return &pageError{400, "Unknown site " + site + "."}
	}
	action := s.base + registerPHPPath + "?" + url.Values{"site": {site}}.Encode()
	return s.servePage(w, r, &registerPage{site: site, action: action, cookiePath: registerPHPPath})
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request, p *registerPage) error {
	if r.Method != http.MethodPost {
		s.showRegisterForm(w, p, http.StatusOK, &registerForm{AppType: "confidential", Errors: map[string]string{}}, "")
		return nil
	}
	if !s.registrations.allow(web.ClientIP(r)) {
		w.Header().Set("Retry-After", "60")
		return &pageError{http.StatusTooManyRequests, "Too many registrations from this address. Try again in a minute."}
	}
	if err := r.ParseForm(); err != nil {
		return &pageError{400, "The form cannot be read."}
	}
	f := readRegisterForm(r)
	ck, err := r.Cookie(registerCookie)
	if err != nil || ck.Value == "" || !equalStrings(r.PostFormValue("csrf"), ck.Value) {
		s.showRegisterForm(w, p, http.StatusForbidden, f, "The form expired or did not come from this page. Check the fields and submit again.")
		return nil
	}
	req := f.request()
	if len(f.Errors) > 0 {
		s.showRegisterForm(w, p, http.StatusBadRequest, f, "The registration has errors; see the marked fields.")
		return nil
	}
	reg, err := s.register(r, p.site, req)
	if err != nil {
		field, msg, ok := fieldFor(err)
		if !ok {
			return err
		}
		top := "The registration has errors; see the marked fields."
		if field == "" {
			top = msg
		} else {
			f.Errors[field] = msg
		}
		s.showRegisterForm(w, p, http.StatusBadRequest, f, top)
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: registerCookie, Path: p.cookiePath, MaxAge: -1, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode})
	c := reg.Client
	renderPage(w, http.StatusCreated, "register_done.html", map[string]any{
		"Title": "App registered", "Wide": true, "Name": c.Name, "ClientID": c.ID, "Secret": reg.Secret,
		"Confidential": c.Confidential, "Enabled": c.Enabled, "RegToken": reg.RegToken,
		"ClientURI": s.Issuer(c.Site) + "/client/" + c.RegistrationURIPath, "Scope": c.Scope,
		"Issuer": s.Issuer(c.Site), "FHIRBase": s.FHIRBase(c.Site), "LaunchURI": c.InitiateLoginURI,
	})
	return nil
}

// showRegisterForm renders the form with a new CSRF token in its cookie.
func (s *Server) showRegisterForm(w http.ResponseWriter, p *registerPage, status int, f *registerForm, msg string) {
	token := randomToken(32)
	http.SetCookie(w, &http.Cookie{Name: registerCookie, Value: token, Path: p.cookiePath, MaxAge: 3600,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode})
	renderPage(w, status, "register_app.html", map[string]any{
		"Title": "Register a SMART app", "Wide": true, "Error": msg, "Action": p.action, "CSRF": token,
		"Form": f, "Err": f.Errors, "Groups": s.registrationOptions(f.Scopes),
	})
}
