package auth

import (
	"context"
	"sync"
	"time"

	"goemr/internal/emr"
)

// Operations the administration pages need from the authorization server,
// and the Connectors switches it enforces.

// ForgetClient drops the cached row of a client after an administrator
// changed it, so this process uses the new row at once; other processes
// see the change through emr.ClientChangedID on their next lookup.
func (s *Server) ForgetClient(id string) {
	s.clients.mu.Lock()
	delete(s.clients.m, id)
	s.clients.mu.Unlock()
}

// SystemScopesEnabled reports the rest_system_scopes_api switch (OpenEMR's
// global of that name): off, no client_credentials token is issued and the
// ones already issued are refused. The setting is read through the
// store's short-lived settings cache, not the database, on each call.
func (s *Server) SystemScopesEnabled(ctx context.Context) bool {
	return s.setting(ctx, emr.SettingSystemScopes) == "1"
}

// errSystemScopesOff answers a client_credentials request while system
// scopes are switched off: the client may not use this grant (RFC 6749
// §5.2, unauthorized_client).
var errSystemScopesOff = oerr(400, "unauthorized_client",
	"system scopes (SMART Backend Services) are switched off on this server")

// clientUsage remembers when this process last recorded each client's
// use, so NoteClientUse is written at most once a minute per client and
// process (and the store skips it when another process just wrote it).
type clientUsage struct {
	mu sync.Mutex
	at map[string]time.Time
}

// noteClientUse records that client id obtained a token, for the "last
// use" column of Administration → API Clients. Failure only costs that
// column, so it is logged and the token is still issued.
func (s *Server) noteClientUse(ctx context.Context, id string) {
	rec, ok := s.st.Clients.(interface {
		NoteClientUse(ctx context.Context, id string, at time.Time) error
	})
	if !ok {
		return
	}
	now := s.now()
	u := &s.usage
	u.mu.Lock()
	last, seen := u.at[id]
	fresh := seen && now.Sub(last) < time.Minute
	if !fresh {
		if u.at == nil || len(u.at) >= clientCacheMax {
			u.at = map[string]time.Time{}
		}
		u.at[id] = now
	}
	u.mu.Unlock()
	if fresh {
		return
	}
	if err := rec.NoteClientUse(ctx, id, now); err != nil {
		s.log.Error("record client use", "client", id, "err", err)
	}
}
