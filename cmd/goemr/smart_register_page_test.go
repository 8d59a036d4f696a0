package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
)

const registerAlias = "/oauth2/default/smart/register-app"

// validRegistration is a form that registers; each case below breaks one field.
func validRegistration() url.Values {
	return url.Values{
		"client_name": {"Growth Chart"}, "contacts": {"dev@example.org\nops@example.org"}, "app_type": {"confidential"},
		"redirect_uris": {"https://app.example.org/cb\nhttp://127.0.0.1:8080/cb"}, "initiate_login_uri": {"https://app.example.org/launch"},
		"scope": {"openid", "fhirUser", "launch", "launch/encounter", "offline_access", "user/Patient.rs", "patient/Observation.rs"},
	}
}

// submit loads the form (for its CSRF cookie and token) and posts values.
func submitRegistration(b *browser, base, path string, values url.Values) *page {
	b.t.Helper()
	form := b.get(base + path)
	if form.Status != http.StatusOK {
		b.t.Fatalf("GET %s: %d", path, form.Status)
	}
	v := url.Values{"csrf": {form.hidden("csrf")}}
	for k, vs := range values {
		v[k] = vs
	}
	return b.post(base+path, v)
}

func clientCount(t *testing.T, e *smartEnv) int {
	cs, err := e.Store.ListClients(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

func TestRegisterAppPage(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newSmartEnv(t, d, true)
			b := newBrowser(t)
			for _, path := range []string{registerAlias, "/interface/smart/register-app.php", "/interface/smart/register-app.php?site=default"} {
				p := b.get(e.URL + path)
				if p.Status != 200 || !strings.Contains(p.Header.Get("Content-Security-Policy"), "default-src 'none'") {
					t.Fatalf("GET %s: %d %q", path, p.Status, p.Header.Get("Content-Security-Policy"))
				}
				// Every input has a label; no script anywhere.
				for _, id := range []string{"client_name", "contacts", "redirect_uris", "initiate_login_uri", "jwks", "jwks_uri"} {
					if !strings.Contains(p.Body, `<label for="`+id+`"`) || !strings.Contains(p.Body, `id="`+id+`"`) {
						t.Errorf("%s: no labelled input %s", path, id)
					}
				}
				for _, want := range []string{`value="launch/encounter"`, "Work with the encounter the app was opened from", `value="patient/Observation.rs"`, `value="system/`} {
					if !strings.Contains(p.Body, want) {
						t.Errorf("%s: the scope list lacks %s", path, want)
					}
				}
				if strings.Contains(p.Body, "<script") {
					t.Errorf("%s: the page has script", path)
				}
				ck := p.Header.Get("Set-Cookie")
				if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") || !strings.Contains(ck, "Path=/") {
					t.Errorf("%s: CSRF cookie %q", path, ck)
				}
			}
			if p := b.get(e.URL + "/interface/smart/register-app.php?site=nosuch"); p.Status != 400 {
				t.Errorf("unknown site: %d", p.Status)
			}

			before := clientCount(t, e)
			// No CSRF cookie (a new browser) and a made-up token: refused.
			v := validRegistration()
			v.Set("csrf", "forged")
			if p := newBrowser(t).post(e.URL+registerAlias, v); p.Status != http.StatusForbidden || !strings.Contains(p.Body, "The form expired") {
				t.Errorf("without CSRF cookie: %d", p.Status)
			}
			// The cookie of the page but not its token.
			b.get(e.URL + registerAlias)
			if p := b.post(e.URL+registerAlias, v); p.Status != http.StatusForbidden {
				t.Errorf("wrong CSRF token: %d", p.Status)
			}

			for _, tc := range []struct {
				name, field, value, message string
			}{
				{"no name", "client_name", "", "Enter the app&#39;s name"},
				{"contact not an e-mail", "contacts", "dev@example.org\nnot an address", "not an address is not an e-mail address"},
				{"no contacts", "contacts", "", "at least one e-mail address"},
				{"no app type", "app_type", "", "Choose whether the app is public or confidential"},
				{"no redirect URI", "redirect_uris", "\n", "redirect_uris is required"},
				{"http redirect URI", "redirect_uris", "http://app.example.org/cb", "http is only allowed on loopback hosts"},
				{"redirect URI with fragment", "redirect_uris", "https://app.example.org/cb#x", "must not contain a fragment"},
				{"launch URI not https", "initiate_login_uri", "http://app.example.org/launch", "must use https"},
				{"JWKS not JSON", "jwks", "{keys", "jwks is not a JSON Web Key Set"},
				{"JWKS URL relative", "jwks_uri", "/jwks.json", "is not an absolute URL"},
				{"unknown scope", "scope", "patient/Nothing.rs", "no patient scopes for Nothing"},
				{"no scope", "scope", "", "Choose at least one scope"},
			} {
				v := validRegistration()
				v.Set(tc.field, tc.value)
				if tc.value == "" && tc.field != "client_name" && tc.field != "contacts" {
					v.Del(tc.field)
				}
				p := submitRegistration(b, e.URL, registerAlias, v)
				errID := tc.field + "-error"
				if p.Status != http.StatusBadRequest || !regexp.MustCompile(`id="`+errID+`">[^<]*`+regexp.QuoteMeta(tc.message)).MatchString(p.Body) {
					t.Errorf("%s: %d, want 400 with %q next to %s", tc.name, p.Status, tc.message, tc.field)
				}
				if v.Get("client_name") != "" && !strings.Contains(p.Body, `value="Growth Chart"`) {
					t.Errorf("%s: the form lost what was typed", tc.name)
				}
			}
			// Rules that need two fields: keys on a public app, user/ scopes
			// on a public app, both kinds of keys.
			v = validRegistration()
			v.Set("app_type", "public")
			v.Set("jwks_uri", "https://app.example.org/jwks.json")
			if p := submitRegistration(b, e.URL, registerAlias, v); p.Status != 400 || !strings.Contains(p.Body, `id="jwks-error">Only a confidential app`) {
				t.Errorf("public app with keys: %d", p.Status)
			}
			v = validRegistration()
			v.Set("app_type", "public")
			if p := submitRegistration(b, e.URL, registerAlias, v); p.Status != 400 || !strings.Contains(p.Body, `id="scope-error">scope user/Patient.rs needs a confidential client`) {
				t.Errorf("public app with user/ scope: %d", p.Status)
			}
			v = validRegistration()
			v.Set("jwks_uri", "https://app.example.org/jwks.json")
			v.Set("jwks", publicJWKS(t))
			if p := submitRegistration(b, e.URL, registerAlias, v); p.Status != 400 || !strings.Contains(p.Body, `id="jwks-error">send jwks or jwks_uri, not both`) {
				t.Errorf("both kinds of keys: %d %s", p.Status, p.Body)
			}
			if n := clientCount(t, e); n != before {
				t.Fatalf("refused registrations created %d clients", n-before)
			}
		})
	}
}

// registered reads the client id and secret off the result page.
var (
	shownClientID = regexp.MustCompile(`<dt>Client ID</dt><dd><code>([^<]+)</code>`)
	shownSecret   = regexp.MustCompile(`<dt>Client secret</dt><dd><p class="secret"><code>([^<]+)</code>`)
)

func TestRegisterAppPageRegisters(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newSmartEnv(t, d, true)
			b := newBrowser(t)
			p := submitRegistration(b, e.URL, "/interface/smart/register-app.php?site=default", validRegistration())
			id, secret := shownClientID.FindStringSubmatch(p.Body), shownSecret.FindStringSubmatch(p.Body)
			if p.Status != http.StatusCreated || id == nil || secret == nil || !strings.Contains(p.Body, "shown only once") || !strings.Contains(p.Body, "It is enabled") {
				t.Fatalf("confidential registration: %d %s", p.Status, p.Body)
			}
			c, err := e.Store.ClientByID(context.Background(), id[1])
			if err != nil || c.InitiateLoginURI != "https://app.example.org/launch" || len(c.Contacts) != 2 || len(c.RedirectURIs) != 2 ||
				c.SecretHash == "" || c.SecretHash == secret[1] || !strings.Contains(c.Scope, "launch/encounter") {
				t.Fatalf("stored client %+v %v", c, err)
			}
			// The secret works at the token endpoint, once the app is used.
			form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"},
				"scope": {"openid user/Patient.rs"}, "client_id": {id[1]}, "client_secret": {secret[1]}}
			resp, err := http.PostForm(e.URL+"/oauth2/default/token", form)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("token with the shown secret: %v %v", resp.StatusCode, err)
			}
			resp.Body.Close()
			form.Set("client_secret", secret[1]+"x")
			resp, err = http.PostForm(e.URL+"/oauth2/default/token", form)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(raw), `"invalid_client"`) {
				t.Errorf("a wrong secret: %d %s", resp.StatusCode, raw)
			}

			v := validRegistration()
			v.Set("app_type", "public")
			v["scope"] = []string{"openid", "launch/patient", "patient/Observation.rs"}
			p = submitRegistration(b, e.URL, registerAlias, v)
			if p.Status != http.StatusCreated || shownSecret.MatchString(p.Body) || !strings.Contains(p.Body, "a public app has no secret") {
				t.Fatalf("public registration: %d %s", p.Status, p.Body)
			}
			pub, err := e.Store.ClientByID(context.Background(), shownClientID.FindStringSubmatch(p.Body)[1])
			if err != nil || pub.Confidential || pub.SecretHash != "" || pub.TokenEndpointAuthMethod != "none" {
				t.Errorf("public client %+v %v", pub, err)
			}
		})
	}
}

// TestRegisterAppPageApproval: without the demo flag, an app waits for an
// administrator when oauth_app_manual_approval says so or when it asks for
// user/, system/ or launch scopes; a patient app is approved at once.
func TestRegisterAppPageApproval(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newSmartEnv(t, d, false)
			b := newBrowser(t)
			patientApp := validRegistration()
			patientApp.Set("app_type", "public")
			patientApp["scope"] = []string{"openid", "launch/patient", "patient/Observation.rs"}
			for _, tc := range []struct {
				name    string
				manual  string
				form    url.Values
				enabled bool
			}{
				{"patient app", "0", patientApp, true},
				{"staff app", "0", validRegistration(), false},
				{"patient app, manual approval", "1", patientApp, false},
			} {
				if err := e.Store.SetSetting(context.Background(), emr.SettingAppManualApproval, tc.manual); err != nil {
					t.Fatal(err)
				}
				p := submitRegistration(b, e.URL, registerAlias, tc.form)
				id := shownClientID.FindStringSubmatch(p.Body)
				if p.Status != http.StatusCreated || id == nil {
					t.Fatalf("%s: %d", tc.name, p.Status)
				}
				c, err := e.Store.ClientByID(context.Background(), id[1])
				waiting := strings.Contains(p.Body, "waiting for an administrator")
				if err != nil || c.Enabled != tc.enabled || waiting == tc.enabled {
					t.Errorf("%s: enabled %v, page says waiting %v; want enabled %v", tc.name, c.Enabled, waiting, tc.enabled)
				}
			}
		})
	}
}

func TestSiteOfRegisterPage(t *testing.T) {
	for raw, want := range map[string]string{
		"/interface/smart/register-app.php?site=clinic2": "clinic2",
		"/interface/smart/register-app.php":              "",
		"/oauth2/clinic2/smart/register-app":             "clinic2",
		"/interface/other.php?site=clinic2":              "",
	} {
		u, _ := url.Parse(raw)
		if got := siteOf(u); got != want {
			t.Errorf("siteOf(%s) = %q, want %q", raw, got, want)
		}
	}
}

// publicJWKS is a JSON Web Key Set holding one new P-384 public key.
func publicJWKS(t *testing.T) string {
	k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &k.PublicKey, KeyID: "k1", Algorithm: "ES384", Use: "sig"}}})
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
