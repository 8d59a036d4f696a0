package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/config"
	"goemr/internal/demo"
	"goemr/internal/emrtest"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// apiEnv is the whole server on a fresh demo database, served in-process
// through the real router, with tokens for the demo accounts.
type apiEnv struct {
	t      testing.TB
	URL    string
	Store  *store.Store
	app    *app
	client registered
	Admin  string // staff token with every Standard API scope
	Phil   string // patient token (portal login Phil1) with the portal scopes
}

type registered struct {
	ID, Secret string
}

// eachAPI runs fn on a fresh API per database backend, over the demo
// seed (22 patients, their demographics and a few records).
func eachAPI(t *testing.T, fn func(t *testing.T, e *apiEnv)) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) { fn(t, newAPIEnv(t, d)) })
	}
}

// eachFHIR is eachAPI over what serve --demo writes: the seed and the
// demo patients' generated histories (encounters, vitals, problems,
// medications, labs…), so every FHIR type has records to read.
func eachFHIR(t *testing.T, fn func(t *testing.T, e *apiEnv)) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newAPIEnv(t, d)
			if _, err := demo.Generate(context.Background(), e.Store, demo.Options{Patients: len(demo.Patients)}); err != nil {
				t.Fatal(err)
			}
			fn(t, e)
		})
	}
}

func newAPIEnv(t testing.TB, d emrtest.NamedDB) *apiEnv {
	ctx := context.Background()
	st := store.New(d.DB)
	if _, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword); err != nil {
		t.Fatal(err)
	}

	ts := httptest.NewUnstartedServer(nil)
	cfg := config.Default()
	cfg.Demo = true
	cfg.DataDir = t.TempDir() // bulk export files
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := newApp(ctx, &cfg, log, d.DB, st)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = a.handler
	ts.Start()
	t.Cleanup(func() { ts.Close(); a.close() })
	e := &apiEnv{t: t, URL: ts.URL, Store: st, app: a}
	e.client = e.register(allScopes())
	e.Admin = e.Token("users", allScopes())
	e.Phil = e.Token("patient", "openid api:port patient/patient.s patient/encounter.rs patient/appointment.rs")
	return e
}

// allScopes is every scope the route table needs, in v2 form.
func allScopes() string {
	perms := map[string]string{}
	var ops []string
	for _, r := range resource.Routes {
		if r.Public {
			continue
		}
		ctx, res, p := r.Scope()
		if strings.HasPrefix(p, "$") {
			ops = append(ops, ctx+"/"+res+"."+p)
			continue
		}
		perms[ctx+"/"+res] += p
	}
	out := []string{"openid", "api:oemr", "api:port"}
	for _, m := range append(fhirmap.All, &fhirmap.Mapping{Type: "Provenance"}, &fhirmap.Mapping{Type: "Binary"}) {
		p := "rs"
		if m.FromFHIR != nil {
			p = "crus"
		}
		perms["user/"+m.Type] += p
		if m.Type == "Group" {
			continue // staff only: a Group lists other patients
		}
		perms["patient/"+m.Type] += "rs"
		if m.FromFHIR != nil && m.Patient != "" && m.Type != "Patient" {
			perms["patient/"+m.Type] += "cu" // a patient records its own
		}
	}
	for k, p := range perms {
		var b strings.Builder
		for _, c := range "cruds" {
			if strings.ContainsRune(p, c) {
				b.WriteRune(c)
			}
		}
		out = append(out, k+"."+b.String())
	}
	sort.Strings(out[3:])
	return strings.Join(append(out, ops...), " ")
}

func (e *apiEnv) register(scopes string) registered {
	body, _ := json.Marshal(map[string]any{
		"client_name": "scenario tests", "application_type": "private", "redirect_uris": []string{"https://app.example.org/cb"},
		"token_endpoint_auth_method": "client_secret_post", "scope": scopes,
	})
	resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var reg struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 201 || json.Unmarshal(raw, &reg) != nil {
		e.t.Fatalf("registration: %d %s", resp.StatusCode, raw)
	}
	return registered{ID: reg.ClientID, Secret: reg.ClientSecret}
}

// Token is a password-grant access token of the demo staff user (role
// "users") or the demo portal patient (role "patient") with scopes.
func (e *apiEnv) Token(role, scopes string) string {
	form := url.Values{"grant_type": {"password"}, "client_id": {e.client.ID}, "client_secret": {e.client.Secret},
		"user_role": {role}, "scope": {scopes}}
	if role == "patient" {
		form.Set("username", "Phil1")
		form.Set("password", "phil")
		form.Set("email", "heya@invalid.email.com")
	} else {
		form.Set("username", "admin")
		form.Set("password", "pass")
	}
	return e.TokenFor(form)
}

// TokenFor runs a password grant with form (client credentials added).
func (e *apiEnv) TokenFor(form url.Values) string {
	return e.TokenResponse(form)["access_token"].(string)
}

// TokenResponse runs a password grant and returns the whole response.
func (e *apiEnv) TokenResponse(form url.Values) map[string]any {
	form.Set("client_id", e.client.ID)
	form.Set("client_secret", e.client.Secret)
	resp, err := http.PostForm(e.URL+"/oauth2/default/token", form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || json.Unmarshal(raw, &tok) != nil {
		e.t.Fatalf("token: %d %s", resp.StatusCode, raw)
	}
	return tok
}

// Resp is a response of the API under test.
type Resp struct {
	Status int
	Header http.Header
	Body   []byte
	JSON   any
}

// Do sends method path (below /apis/default) with token and body: a string
// is sent as it is, anything else as JSON.
func (e *apiEnv) Do(method, path, token string, body any) *Resp {
	e.t.Helper()
	return e.DoHeader(method, path, token, body)
}

// DoHeader is Do with more request headers, as name, value pairs; a
// Content-Type among them replaces JSON's.
func (e *apiEnv) DoHeader(method, path, token string, body any, header ...string) *Resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	if !strings.HasPrefix(path, "/apis/") {
		path = "/apis/default" + path
	}
	req, err := http.NewRequest(method, e.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := &Resp{Status: resp.StatusCode, Header: resp.Header, Body: raw}
	if ct := resp.Header.Get("Content-Type"); len(raw) > 0 && (strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "application/fhir+json")) {
		if err := json.Unmarshal(raw, &r.JSON); err != nil {
			e.t.Fatalf("%s %s: bad JSON %q", method, path, raw)
		}
	}
	return r
}

// Want fails unless the response has status.
func (r *Resp) Want(t testing.TB, status int) *Resp {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	return r
}

// Get walks the decoded JSON by keys and indexes: Get("data", 0, "uuid").
func (r *Resp) Get(path ...any) any {
	v := r.JSON
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// Str is Get as a string ("" when absent; numbers formatted).
func (r *Resp) Str(path ...any) string {
	switch v := r.Get(path...).(type) {
	case string:
		return v
	case float64:
		return fmt.Sprint(int64(v))
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// Len is the length of the list or object at path (-1 when neither).
func (r *Resp) Len(path ...any) int {
	switch v := r.Get(path...).(type) {
	case []any:
		return len(v)
	case map[string]any:
		return len(v)
	}
	return -1
}

// demoPatient is the uuid of demo patient n.
func demoPatient(n int) string { return demo.ID("patient", n) }
