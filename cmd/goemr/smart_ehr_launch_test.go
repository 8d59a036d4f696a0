package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
)

const launchRedirect = "https://app.example.org/cb"

// registerLaunchApp registers a confidential app by JSON with metadata m
// over the defaults and returns its id and secret.
func registerLaunchApp(t *testing.T, e *smartEnv, m map[string]any) (string, string) {
	meta := map[string]any{"application_type": "private", "client_name": "Growth Chart", "redirect_uris": []string{launchRedirect},
		"initiate_login_uri": "https://app.example.org/launch",
		"scope":              "openid fhirUser launch launch/encounter offline_access user/Patient.rs patient/Patient.rs"}
	for k, v := range m {
		meta[k] = v
	}
	body, _ := json.Marshal(meta)
	resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var reg struct{ ClientID, ClientSecret string }
	var raw map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil || resp.StatusCode != 201 {
		t.Fatalf("registration: %d %v", resp.StatusCode, raw)
	}
	reg.ClientID, _ = raw["client_id"].(string)
	reg.ClientSecret, _ = raw["client_secret"].(string)
	return reg.ClientID, reg.ClientSecret
}

// authorizeLaunch plays the app and the clinician: /authorize with the
// launch, staff sign-in as username, consent. It returns the final redirect.
func authorizeLaunch(t *testing.T, e *smartEnv, clientID, launch, username string) *url.URL {
	t.Helper()
	b := newBrowser(t)
	q := url.Values{"response_type": {"code"}, "client_id": {clientID}, "redirect_uri": {launchRedirect},
		"scope": {"openid fhirUser launch launch/encounter offline_access patient/Patient.rs"}, "state": {"st"},
		"aud": {e.URL + "/apis/default/fhir"}, "launch": {launch}}
	p := b.get(e.URL + "/oauth2/default/authorize?" + q.Encode())
	if !strings.Contains(p.Location, "/provider/login") {
		u, _ := url.Parse(p.Location)
		return u // refused: back to the app with an error
	}
	login := b.get(p.follow(e.URL))
	p = b.post(p.follow(e.URL), url.Values{"csrf_token_form": {login.hidden("csrf_token_form")}, "user_role": {"users"},
		"username": {username}, "password": {"pass"}})
	if p.Status != http.StatusSeeOther || !strings.Contains(p.Location, "scope-authorize-confirm") {
		t.Fatalf("sign-in: %d %q", p.Status, p.Location)
	}
	consentURL := p.follow(e.URL)
	consent := b.get(consentURL)
	form := url.Values{"csrf_token_form": {consent.hidden("csrf_token_form")}, "proceed": {"allow"},
		"scope": strings.Fields(q.Get("scope"))}
	p = b.post(consentURL, form)
	u, err := url.Parse(p.Location)
	if err != nil || p.Status != http.StatusSeeOther {
		t.Fatalf("consent: %d %q", p.Status, p.Location)
	}
	return u
}

func tokenRequest(t *testing.T, e *smartEnv, id, secret string, form url.Values) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.URL+"/oauth2/default/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != 200 {
		t.Fatalf("token: %d %v", resp.StatusCode, tok)
	}
	return tok
}

// claim reads a claim of a JWT's payload (the test trusts the server).
func claim(t *testing.T, jwt, name string) any {
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", jwt)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

// TestLaunchFromEHR: a clinician opens an app from an encounter of a
// patient's chart; the app's token carries that patient and encounter, with
// no patient banner and the clinician as fhirUser; the launch works once.
func TestLaunchFromEHR(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			e := newSmartEnv(t, d, true)
			srv := e.app.auth
			id, secret := registerLaunchApp(t, e, nil)
			admin, err := e.Store.UserByUsername(ctx, "admin")
			if err != nil {
				t.Fatal(err)
			}
			pts, err := e.Store.SearchPatients(ctx, emr.PatientFilter{Limit: 1})
			if err != nil || len(pts) == 0 {
				t.Fatal(err)
			}
			patient, encounter := pts[0].UUID, "0190c2a0-0000-7000-8000-00000000e001"
			fhirBase := e.URL + "/apis/default/fhir"

			to, err := srv.LaunchFromEHR(ctx, "default", id, admin.UUID, patient, encounter)
			if err != nil {
				t.Fatal(err)
			}
			u, err := url.Parse(to)
			if err != nil || !strings.HasPrefix(to, "https://app.example.org/launch?") || u.Query().Get("iss") != fhirBase || u.Query().Get("launch") == "" {
				t.Fatalf("launch URL %q", to)
			}
			launch := u.Query().Get("launch")

			back := authorizeLaunch(t, e, id, launch, "admin")
			code := back.Query().Get("code")
			if code == "" || back.Query().Get("state") != "st" {
				t.Fatalf("authorize: %s", back)
			}
			tok := tokenRequest(t, e, id, secret, url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {launchRedirect}})
			practitioner := fhirBase + "/Practitioner/" + admin.UUID
			if tok["patient"] != patient || tok["encounter"] != encounter || tok["need_patient_banner"] != false ||
				claim(t, tok["id_token"].(string), "fhirUser") != practitioner {
				t.Errorf("token context: patient %v encounter %v banner %v fhirUser %v", tok["patient"], tok["encounter"], tok["need_patient_banner"], claim(t, tok["id_token"].(string), "fhirUser"))
			}
			// The refreshed token keeps the launch context (kept in the grant).
			re := tokenRequest(t, e, id, secret, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok["refresh_token"].(string)}})
			if re["patient"] != patient || re["encounter"] != encounter || re["need_patient_banner"] != false {
				t.Errorf("refreshed context: %v %v %v", re["patient"], re["encounter"], re["need_patient_banner"])
			}

			// Single use: the same launch again is refused before sign-in.
			if again := authorizeLaunch(t, e, id, launch, "admin"); again.Query().Get("error") != "invalid_request" ||
				!strings.Contains(again.Query().Get("error_description"), "already used") {
				t.Errorf("second use of a launch: %s", again)
			}

			// Without an encounter, the token has none.
			to, _ = srv.LaunchFromEHR(ctx, "default", id, admin.UUID, patient, "")
			u, _ = url.Parse(to)
			back = authorizeLaunch(t, e, id, u.Query().Get("launch"), "admin")
			tok = tokenRequest(t, e, id, secret, url.Values{"grant_type": {"authorization_code"}, "code": {back.Query().Get("code")}, "redirect_uri": {launchRedirect}})
			if _, has := tok["encounter"]; has || tok["patient"] != patient {
				t.Errorf("launch without encounter: %v", tok)
			}
		})
	}
}
