package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestBadInput: malformed, oversized, mistyped and hostile requests get a
// clear 4xx in the protocol's shape, never a 5xx or an empty body.
func TestBadInput(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		form := "application/x-www-form-urlencoded"
		tests := []struct {
			name, method, path, ctype, body string
			header                          map[string]string
			status                          int
			json                            bool
		}{
			{"token: JSON body", "POST", "/token", "application/json", `{"grant_type":"password"}`, nil, 400, true},
			{"token: no content type", "POST", "/token", "", "grant_type=password", nil, 400, true},
			{"token: GET", "GET", "/token", "", "", nil, 400, true},
			{"token: repeated parameter", "POST", "/token", form, "grant_type=client_credentials&grant_type=password", nil, 400, true},
			{"token: injection in client_id", "POST", "/token", form, "grant_type=authorization_code&code=x&client_id=' OR 1=1 --", nil, 400, true},
			{"token: bad percent-encoding", "POST", "/token", form, "grant_type=%zz", nil, 400, true},
			{"token: bad Basic header", "POST", "/token", form, "grant_type=client_credentials", map[string]string{"Authorization": "Basic !!!"}, 400, true},
			{"token: huge scope", "POST", "/token", form, "grant_type=password&client_id=x&scope=" + strings.Repeat("a", 100_000), nil, 400, true},
			{"registration: not an object", "POST", "/registration", "application/json", `[1,2]`, nil, 400, true},
			{"registration: truncated JSON", "POST", "/registration", "application/json", `{"redirect_uris":[`, nil, 400, true},
			{"registration: wrong types", "POST", "/registration", "application/json", `{"redirect_uris":[1,2],"scope":7}`, nil, 400, true},
			{"registration: two objects", "POST", "/registration", "application/json", `{"redirect_uris":["https://a.example.org/cb"]} {}`, nil, 400, true},
			{"registration: script in name", "POST", "/registration", "application/json", `{"redirect_uris":["javascript:alert(1)"],"client_name":"<script>"}`, nil, 400, true},
			{"introspect: no client", "POST", "/introspect", form, "token=abc", nil, 400, true},
			{"revoke: no token", "POST", "/revoke", form, "client_id=nobody", nil, 400, true},
			{"userinfo: garbage token", "GET", "/userinfo", "", "", map[string]string{"Authorization": "Bearer a.b.c"}, 401, true},
			{"userinfo: alg none", "GET", "/userinfo", "", "", map[string]string{"Authorization": "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."}, 401, true},
			{"client read: no token", "GET", "/client/nothing", "", "", nil, 401, true},
			{"authorize: no client", "GET", "/authorize?response_type=code", "", "", nil, 400, false},
			{"authorize: repeated client_id", "GET", "/authorize?client_id=a&client_id=b", "", "", nil, 400, false},
			{"login: no session", "POST", "/provider/login", form, "username=admin&password=pass", nil, 400, false},
			{"consent: no session", "POST", "/scope-authorize-confirm", form, "proceed=allow", nil, 400, false},
			{"logout: no hint", "GET", "/logout", "", "", nil, 400, false},
			{"logout: garbage hint", "GET", "/logout?id_token_hint=x.y.z", "", "", nil, 400, false},
		}
		for _, tt := range tests {
			req, _ := http.NewRequest(tt.method, s.Issuer()+tt.path, strings.NewReader(tt.body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("%s: status %d (%s), want %d", tt.name, resp.StatusCode, body, tt.status)
			}
			ct := resp.Header.Get("Content-Type")
			if len(body) == 0 || (tt.json && !strings.HasPrefix(ct, "application/json")) || (!tt.json && !strings.HasPrefix(ct, "text/html")) {
				t.Errorf("%s: body %q with Content-Type %q", tt.name, body, ct)
			}
		}
		// Nothing of the above registered a client.
		if out := goemrCLI(t, s, "", "client", "list"); strings.Count(out, "\n") != 1 {
			t.Errorf("bad registrations left clients behind:\n%s", out)
		}
	})
}
