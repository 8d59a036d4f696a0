package auth

import (
	"net/http"

	"goemr/internal/web"
)

// Routes mounts every authorization-server route on mux. All of them are on
// this one screen; each path is exact (OpenEMR matched substrings).
func (s *Server) Routes(mux *http.ServeMux) {
	api := func(h web.HandlerFunc) http.Handler {
		return s.siteGuard(web.Handle(writeOAuthError, h), writeOAuthError)
	}
	page := func(h web.HandlerFunc) http.Handler {
		return s.siteGuard(web.Handle(writePageError, h), writePageError)
	}
	browser := s.CORS() // endpoints a browser app calls directly

	const p = "/oauth2/{site}"
	mux.Handle("GET "+p+"/.well-known/openid-configuration", browser(api(s.handleOpenIDConfiguration)))
	mux.Handle("GET "+p+"/jwk", browser(api(s.handleJWKS)))
	mux.Handle("GET "+p+"/smart/smart-style", browser(api(s.handleSmartStyle)))

	mux.Handle("POST "+p+"/registration", api(s.registrations.limit(s.handleRegister)))
	mux.Handle("GET "+p+"/client/{path}", api(s.handleClientRead))
	mux.Handle("GET "+p+"/smart/register-app", page(s.handleRegisterPage))
	mux.Handle("POST "+p+"/smart/register-app", page(s.handleRegisterPage))
	mux.Handle("GET "+registerPHPPath, web.Handle(writePageError, s.handleRegisterPHP))
	mux.Handle("POST "+registerPHPPath, web.Handle(writePageError, s.handleRegisterPHP))

	mux.Handle("GET "+p+"/authorize", page(s.handleAuthorize))
	mux.Handle("POST "+p+"/authorize", page(s.handleAuthorize))
	mux.Handle("GET "+p+"/provider/login", page(s.handleLogin))
	mux.Handle("POST "+p+"/provider/login", page(s.handleLogin))
	mux.Handle("GET "+p+"/smart/launch", page(s.handleEHRLaunch))
	mux.Handle("GET "+p+"/smart/patient-select", page(s.handlePatientSelect))
	mux.Handle("POST "+p+"/smart/patient-select-confirm", page(s.handlePatientSelectConfirm))
	mux.Handle("GET "+p+"/scope-authorize-confirm", page(s.handleConsent))
	mux.Handle("POST "+p+"/scope-authorize-confirm", page(s.handleConsentConfirm))
	mux.Handle("GET "+p+"/logout", page(s.handleLogout))
	mux.Handle("POST "+p+"/logout", page(s.handleLogout))

	mux.Handle(p+"/token", browser(api(s.handleToken)))
	mux.Handle("POST "+p+"/introspect", api(s.handleIntrospect))
	mux.Handle(p+"/revoke", browser(api(s.handleRevoke)))
	userinfo := s.Require(writeBearerError, requireOpenID)(web.Handle(writeOAuthError, s.handleUserinfo))
	mux.Handle(p+"/userinfo", browser(userinfo))

	mux.Handle("GET /apis/{site}/fhir/.well-known/smart-configuration", browser(web.Handle(writeOAuthError, s.HandleSMARTConfiguration)))
}

// siteGuard answers an unknown {site} with 400 before any handler runs.
func (s *Server) siteGuard(h http.Handler, ew web.ErrorWriter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.Site(r.Context(), r.PathValue("site")); err != nil {
			ew(w, r, err)
			return
		}
		h.ServeHTTP(w, r)
	})
}
