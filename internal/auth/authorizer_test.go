package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// testServer builds an authorization server over a fresh store with a
// clock the test moves.
func testServer(t *testing.T, st *store.Store, clock *time.Time) *Server {
	t.Helper()
	ctx := context.Background()
	s, err := New(ctx, Stores{Users: st, Patients: st, Clients: st, Tokens: st, Keys: st, Sessions: st,
		Settings: st, Sites: st, Audit: st, Throttle: st}, Options{BaseURL: "http://127.0.0.1:9300", Now: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRequire runs the request authorizer through every outcome, on every
// test database.
func TestRequire(t *testing.T) {
	for _, ndb := range emrtest.DBs(t) {
		t.Run(ndb.Name, func(t *testing.T) {
			ctx := context.Background()
			st := store.New(ndb.DB)
			clock := time.Now()
			s := testServer(t, st, &clock)
			client := &emr.Client{ID: "app", Site: "default", Name: "App", Role: emr.ClientRolePatient, Scope: "openid user/Patient.rs",
				RedirectURIs: []string{"https://app.example.org/cb"}, RegistrationURIPath: "p", Enabled: true, Created: clock, Updated: clock}
			if err := st.CreateClient(ctx, client); err != nil {
				t.Fatal(err)
			}
			g := &emr.Grant{ID: newID(), Site: "default", ClientID: "app", Role: emr.RoleUsers, Subject: "u1",
				Scope: "openid user/Patient.rs", Created: clock, Expires: clock.Add(time.Hour)}
			if err := st.CreateGrant(ctx, g); err != nil {
				t.Fatal(err)
			}
			mint := func() string {
				resp, err := s.issue(ctx, client, g, issueOptions{})
				if err != nil {
					t.Fatal(err)
				}
				return resp.AccessToken
			}
			allow := func(p *Principal, r *http.Request) error {
				if !p.Scopes.Allows("user", "Patient", 1<<1) { // R
					return emr.Errorf(emr.EFORBIDDEN, "needs user/Patient.r")
				}
				if r.URL.Query().Get("need") == "write" {
					return emr.Errorf(emr.EFORBIDDEN, "needs user/Patient.u")
				}
				return nil
			}
			mux := http.NewServeMux()
			onError := func(w http.ResponseWriter, r *http.Request, err error) { writeOAuthError(w, r, err) }
			mux.Handle("GET /apis/{site}/noop", s.Require(onError, allow)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				p, _ := PrincipalFrom(r.Context())
				w.Write([]byte(p.Subject))
			})))
			call := func(path, authz string) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				if authz != "" {
					req.Header.Set("Authorization", authz)
				}
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, req)
				return rec
			}
			good := mint()
			revokedJTI := mint()
			p, err := s.Authenticate(ctx, httptest.NewRequest("GET", "/", nil), "default")
			if err == nil || p != nil {
				t.Fatal("no Authorization header authenticated")
			}
			tests := []struct {
				name      string
				path      string
				authz     string
				before    func()
				status    int
				challenge string
			}{
				{"valid", "/apis/default/noop", "Bearer " + good, nil, 200, ""},
				{"scheme case-insensitive", "/apis/default/noop", "bearer " + good, nil, 200, ""},
				{"no token", "/apis/default/noop", "", nil, 401, `Bearer realm="goemr"`},
				{"basic scheme", "/apis/default/noop", "Basic Zm9vOmJhcg==", nil, 401, "invalid_token"},
				{"garbage", "/apis/default/noop", "Bearer not.a.jwt", nil, 401, "invalid_token"},
				{"tampered", "/apis/default/noop", "Bearer " + good[:len(good)-4] + "AAAA", nil, 401, "invalid_token"},
				{"other site", "/apis/elsewhere/noop", "Bearer " + good, nil, 400, ""},
				{"scope missing", "/apis/default/noop?need=write", "Bearer " + good, nil, 403, "insufficient_scope"},
				{"revoked jti", "/apis/default/noop", "Bearer " + revokedJTI, func() {
					c, _ := s.parseAccessToken(ctx, revokedJTI)
					if err := st.RevokeToken(ctx, c.JTI, time.Unix(c.Expiry, 0)); err != nil {
						t.Fatal(err)
					}
				}, 401, "revoked"},
				{"revoked grant", "/apis/default/noop", "Bearer " + mint(), func() {
					if err := st.RevokeGrant(ctx, g.ID, clock); err != nil {
						t.Fatal(err)
					}
				}, 401, "revoked"},
				{"expired", "/apis/default/noop", "Bearer " + good, func() { clock = clock.Add(2 * time.Hour) }, 401, "expired"},
			}
			for _, tt := range tests {
				if tt.before != nil {
					tt.before()
				}
				rec := call(tt.path, tt.authz)
				if rec.Code != tt.status {
					t.Errorf("%s: status %d (%s), want %d", tt.name, rec.Code, rec.Body, tt.status)
				}
				if ch := rec.Header().Get("WWW-Authenticate"); !strings.Contains(ch, tt.challenge) || (tt.challenge == "" && ch != "") {
					t.Errorf("%s: WWW-Authenticate %q, want it to contain %q", tt.name, ch, tt.challenge)
				}
				if rec.Code != 200 && rec.Body.Len() == 0 {
					t.Errorf("%s: error without a body", tt.name)
				}
			}
		})
	}
}
