package admin

import (
	"net/http"

	"goemr/internal/web"
)

// Routes mounts every page on mux; all of them are on this one screen.
func (s *Server) Routes(mux *http.ServeMux) {
	page := func(h web.HandlerFunc) http.Handler { return web.Handle(s.writeError, h) }
	signedIn := func(h staffHandler) http.Handler { return page(s.requireStaff(nil, h)) }
	admin := func(h staffHandler) http.Handler { return page(s.requireStaff((*staff).IsAdmin, h)) }
	_ = admin
	chart := func(h staffHandler) http.Handler { return page(s.requireStaff((*staff).CanSeePatients, h)) }

	const p = "/admin/{site}"
	mux.HandleFunc("GET "+p+"/static/admin.css", s.handleStylesheet)
	mux.Handle("GET "+p+"/signin", page(s.handleSigninForm))
	mux.Handle("POST "+p+"/signin", page(s.handleSignin))
	mux.Handle("POST "+p+"/signout", signedIn(s.handleSignout))
	mux.Handle("GET "+p+"/{$}", signedIn(s.handleHome))
	s.adminPages(mux, p, admin) // API Clients, Connectors, Users, Audit (adminpages.go)
	mux.Handle("GET "+p+"/patients", chart(s.handlePatients))
	mux.Handle("GET "+p+"/patients/{uuid}", chart(s.handleChart))
	mux.Handle("POST "+p+"/patients/{uuid}/launch", chart(s.handleLaunch))
}

// handleHome is the start page: what the signed-in user may open.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request, me *staff) error {
	s.render(w, r, http.StatusOK, "home.html", &view{Title: "goemr", Nav: "home", Me: me})
	return nil
}
