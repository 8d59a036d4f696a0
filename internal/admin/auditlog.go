package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
)

// auditPageSize is how many events a page of the Audit page lists.
const auditPageSize = 50

// auditFilters are the Audit page's filter fields, as typed.
type auditFilters struct {
	Tab                                                   string // "api" or "security"
	From, To, User, Client, Patient, Route, Status, Event string
}

// auditPage is what the Audit template shows.
type auditPage struct {
	F            auditFilters
	Rows         []*auditRow
	Newer, Older string // links to the neighbouring pages, "" at an end
}

type auditRow struct {
	E      *emr.AuditEvent
	User   string // username, or the subject as recorded
	Client string // client name, or its id
}

// handleAudit lists the API log (event "api") or the security events
// (every other event), newest first, filtered and paged by id (keyset:
// the store's query stays an index scan on any page).
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request, me *staff) error {
	q := r.URL.Query()
	d := &auditPage{F: auditFilters{Tab: q.Get("tab"), From: q.Get("from"), To: q.Get("to"), User: q.Get("user"),
		Client: q.Get("client"), Patient: q.Get("patient"), Route: q.Get("route"), Status: q.Get("status"), Event: q.Get("event")}}
	if d.F.Tab != "security" {
		d.F.Tab = "api"
	}
	f, errs := s.auditFilter(r, &d.F)
	v := &view{Title: "Audit", Nav: "audit", Me: me, Errors: errs, Data: d}
	if len(errs) > 0 {
		v.Error = "Correct the filters marked below."
		s.render(w, r, http.StatusBadRequest, "auditlog.html", v)
		return nil
	}
	events, err := s.st.Audit.ListAudit(r.Context(), f)
	if err != nil {
		return err
	}
	more := len(events) > auditPageSize
	if more && f.After > 0 {
		events = events[1:] // the extra one is the newest
	} else if more {
		events = events[:auditPageSize]
	}
	if len(events) > 0 {
		if f.Before > 0 || (f.After > 0 && more) {
			d.Newer = d.F.link(r, "after", events[0].ID)
		}
		if f.After > 0 || more {
			d.Older = d.F.link(r, "before", events[len(events)-1].ID)
		}
	}
	if d.Rows, err = s.auditRows(r, events); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "auditlog.html", v)
	return nil
}

// auditFilter turns the fields into a store filter, or messages next to
// the fields that are wrong.
func (s *Server) auditFilter(r *http.Request, a *auditFilters) (emr.AuditFilter, fieldErrors) {
	f := emr.AuditFilter{Site: r.PathValue("site"), Limit: auditPageSize + 1, ClientID: strings.TrimSpace(a.Client),
		Patient: strings.TrimSpace(a.Patient)}
	errs := fieldErrors{}
	if a.Tab == "api" {
		f.Event, f.Route = emr.EventAPI, strings.TrimSpace(a.Route)
	} else {
		f.Security, f.Event = true, strings.TrimSpace(a.Event)
	}
	day := func(field, v string) time.Time {
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			errs.add(field, "Enter a date as YYYY-MM-DD.")
		}
		return t
	}
	f.Since = day("from", a.From)
	if to := day("to", a.To); !to.IsZero() {
		f.Until = to.AddDate(0, 0, 1) // the whole day
		if !f.Since.IsZero() && f.Until.Before(f.Since) {
			errs.add("to", "The end date is before the start date.")
		}
	}
	if a.Status != "" {
		n, err := strconv.Atoi(a.Status)
		if err != nil || n < 100 || n > 599 {
			errs.add("status", "Enter an HTTP status from 100 to 599.")
		}
		f.Status = n
	}
	if u := strings.TrimSpace(a.User); u != "" {
		f.Subject = u // a patient uuid or client id as recorded
		if user, err := s.st.Users.UserByUsername(r.Context(), u); err == nil {
			f.Subject = user.UUID
		}
	}
	q := r.URL.Query()
	for name, dst := range map[string]*int64{"before": &f.Before, "after": &f.After} {
		if v := q.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				errs.add("page", "The page link is not valid; start from the first page.")
			}
			*dst = n
		}
	}
	return f, errs
}

// link is the address of the page before or after id, with the filters.
func (a *auditFilters) link(r *http.Request, dir string, id int64) string {
	v := url.Values{"tab": {a.Tab}, dir: {strconv.FormatInt(id, 10)}}
	for k, x := range map[string]string{"from": a.From, "to": a.To, "user": a.User, "client": a.Client,
		"patient": a.Patient, "route": a.Route, "status": a.Status, "event": a.Event} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return path(r.PathValue("site"), "audit") + "?" + v.Encode()
}

// auditRows names the users and clients of the events: two queries for
// the page, not one per row.
func (s *Server) auditRows(r *http.Request, events []*emr.AuditEvent) ([]*auditRow, error) {
	users, err := s.st.Users.ListUsers(r.Context())
	if err != nil {
		return nil, err
	}
	clients, err := s.st.Clients.ListClients(r.Context())
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, u := range users {
		names[u.UUID] = u.Username
	}
	clientNames := map[string]string{}
	for _, c := range clients {
		clientNames[c.ID] = c.Name
	}
	rows := make([]*auditRow, len(events))
	for i, e := range events {
		row := &auditRow{E: e, User: e.Subject, Client: e.ClientID}
		if n, ok := names[e.Subject]; ok {
			row.User = n
		}
		if n := clientNames[e.ClientID]; n != "" {
			row.Client = n
		}
		rows[i] = row
	}
	return rows, nil
}
