package admin

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"goemr/internal/emr"
)

// clientRow is one line of the API Clients table.
type clientRow struct {
	C        *emr.Client
	Kind     string // "confidential" or "public"
	System   bool   // may use client_credentials (SMART Backend Services)
	State    string // "approved", "waiting" or "disabled"
	LastUsed time.Time
	Scopes   []string
}

// clientState tells a client waiting for approval from one an
// administrator disabled; both have is_enabled = 0. A client disabled
// another way (the command line) that has obtained tokens before was
// approved once, so it shows as disabled too.
func clientState(c *emr.Client, a emr.ClientActivity) string {
	switch {
	case c.Enabled:
		return "approved"
	case !a.DisabledAt.IsZero() || !a.LastUsed.IsZero():
		return "disabled"
	}
	return "waiting"
}

func newClientRow(c *emr.Client, a emr.ClientActivity) *clientRow {
	kind := "public"
	if c.Confidential {
		kind = "confidential"
	}
	return &clientRow{
		C: c, Kind: kind, State: clientState(c, a), LastUsed: a.LastUsed, Scopes: strings.Fields(c.Scope),
		System: slices.Contains(c.GrantTypes, "client_credentials") || strings.Contains(" "+c.Scope, " system/"),
	}
}

// handleClients lists every registered client: two queries, whatever the
// number of clients.
func (s *Server) handleClients(w http.ResponseWriter, r *http.Request, me *staff) error {
	clients, err := s.st.Clients.ListClients(r.Context())
	if err != nil {
		return err
	}
	activity, err := s.st.ClientAdmin.ClientActivity(r.Context())
	if err != nil {
		return err
	}
	site := r.PathValue("site")
	var rows []*clientRow
	for _, c := range clients {
		if c.Site == site {
			rows = append(rows, newClientRow(c, activity[c.ID]))
		}
	}
	s.render(w, r, http.StatusOK, "clients.html", &view{Title: "API Clients", Nav: "clients", Me: me, Flash: flashOf(r), Data: rows})
	return nil
}

// siteClient loads the client named in the path, of this site only.
func (s *Server) siteClient(r *http.Request) (*emr.Client, emr.ClientActivity, error) {
	c, err := s.st.Clients.ClientByID(r.Context(), r.PathValue("id"))
	if err == nil && c.Site != r.PathValue("site") {
		err = emr.Errorf(emr.ENOTFOUND, "client not found")
	}
	if err != nil {
		return nil, emr.ClientActivity{}, err
	}
	all, err := s.st.ClientAdmin.ClientActivity(r.Context())
	return c, all[c.ID], err
}

// handleClientAction approves, enables or disables a client, or revokes
// every token it holds. Disabling revokes too (emr.ClientService).
func (s *Server) handleClientAction(w http.ResponseWriter, r *http.Request, me *staff) error {
	c, a, err := s.siteClient(r)
	if err != nil {
		return err
	}
	action, state := r.PathValue("action"), clientState(c, a)
	var done string
	switch {
	case action == "approve" && state == "waiting":
		err, done = s.st.ClientAdmin.SwitchClient(r.Context(), c.ID, true), "client-approved"
	case action == "enable" && state == "disabled":
		err, done = s.st.ClientAdmin.SwitchClient(r.Context(), c.ID, true), "client-enabled"
	case action == "disable" && state != "disabled":
		err, done = s.st.ClientAdmin.SwitchClient(r.Context(), c.ID, false), "client-disabled"
	case action == "revoke":
		err, done = s.st.ClientAdmin.RevokeClientTokens(r.Context(), c.ID), "client-revoked"
	case action == "approve" || action == "enable" || action == "disable":
		return &pageError{http.StatusConflict, "The client is " + stateText[state] + " already; reload the page to see its current state."}
	default:
		return &pageError{http.StatusNotFound, "There is no such action."}
	}
	if err != nil {
		return err
	}
	s.auth.ForgetClient(c.ID)
	s.auditChange(r, me, "client."+action, &emr.AuditEvent{ClientID: c.ID, Detail: done})
	redirectDone(w, r, "clients", done)
	return nil
}

// stateText describes a client's approval state in a sentence.
var stateText = map[string]string{"approved": "approved", "waiting": "waiting for approval", "disabled": "disabled"}
