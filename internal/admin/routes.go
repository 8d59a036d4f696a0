package admin

import (
	"net/http"

	"goemr/internal/web"
)

// Routes mounts every page on mux; all of them are on this one screen.
func (s *Server) Routes(mux *http.ServeMux) {
	page := func(h web.HandlerFunc) http.Handler { return web.Handle(s.writeError, h) }
	signedIn := func(h staffHandler) http.Handler { return page(s.requireStaff(nil, h)) }
	// Administration is for admin/super only; the chart needs patients/demo.
	// Every action is a POST with the session's CSRF token (requireStaff),
	// answered with a redirect to the page that shows its outcome.
	admin := func(h staffHandler) http.Handler { return page(s.requireStaff((*staff).IsAdmin, h)) }
	chart := func(h staffHandler) http.Handler { return page(s.requireStaff((*staff).CanSeePatients, h)) }

	const p = "/admin/{site}"
	mux.HandleFunc("GET "+p+"/static/admin.css", s.handleStylesheet)
	mux.Handle("GET "+p+"/signin", page(s.handleSigninForm))
	mux.Handle("POST "+p+"/signin", page(s.handleSignin))
	mux.Handle("POST "+p+"/signout", signedIn(s.handleSignout))
	mux.Handle("GET "+p+"/{$}", signedIn(s.handleHome))
	mux.Handle("GET "+p+"/clients", admin(s.handleClients))
	mux.Handle("GET "+p+"/clients/{id}", admin(s.handleClient))
	mux.Handle("POST "+p+"/clients/{id}/scope", admin(s.handleClientScope))
	mux.Handle("POST "+p+"/clients/{id}/{action}", admin(s.handleClientAction)) // approve, enable, disable, revoke
	mux.Handle("GET "+p+"/connectors", admin(s.handleConnectors))
	mux.Handle("POST "+p+"/connectors", admin(s.handleConnectorsSave))
	mux.Handle("GET "+p+"/users", admin(s.handleUsers))
	mux.Handle("POST "+p+"/users", admin(s.handleUserAdd))
	mux.Handle("GET "+p+"/users/{username}", admin(s.handleUser))
	mux.Handle("POST "+p+"/users/{username}/{action}", admin(s.handleUserAction))
	mux.Handle("GET "+p+"/audit", admin(s.handleAudit))
	mux.Handle("GET "+p+"/patients", chart(s.handlePatients))
	mux.Handle("GET "+p+"/patients/{uuid}", chart(s.handleChart))
	mux.Handle("POST "+p+"/patients/{uuid}/launch", chart(s.handleLaunch))
}

// handleHome is the start page: what the signed-in user may open.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request, me *staff) error {
	s.render(w, r, http.StatusOK, "home.html", &view{Title: "goemr", Nav: "home", Me: me})
	return nil
}
