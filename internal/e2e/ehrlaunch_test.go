package e2e

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// TestEHRLaunch: a clinician launches an app from the EHR's launch page for
// a patient; the app authorizes with the launch handle and its token carries
// that patient (SMART App Launch 2.x EHR launch, context-ehr-patient).
func TestEHRLaunch(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		reg, _, err := s.Register(map[string]any{"application_type": "private", "client_name": "Growth Chart",
			"redirect_uris": []string{Callback}, "initiate_login_uri": "http://127.0.0.1:1/launch",
			"scope": "openid fhirUser launch user/Patient.rs patient/Observation.rs"})
		if err != nil {
			t.Fatal(err)
		}
		// The EHR side: sign in, choose the patient, go to the app.
		patient, launch := ehrLaunch(t, s, reg.ClientID, 1)

		// The app side: authorize with the launch handle.
		cfg := &oauth2.Config{ClientID: reg.ClientID, ClientSecret: reg.ClientSecret, RedirectURL: Callback,
			Scopes:   []string{"openid", "fhirUser", "launch", "patient/Observation.rs"},
			Endpoint: oauth2.Endpoint{AuthURL: s.Issuer() + "/authorize", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInHeader}}
		v := oauth2.GenerateVerifier()
		authURL := func(launch, aud string) string {
			opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(v), oauth2.SetAuthURLParam("launch", launch)}
			if aud != "" {
				opts = append(opts, oauth2.SetAuthURLParam("aud", aud))
			}
			return cfg.AuthCodeURL("st", opts...)
		}
		back, err := NewBrowser().Authorize(authURL(launch, s.FHIRBase()), Staff, nil)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := cfg.Exchange(context.Background(), back.Query().Get("code"), oauth2.VerifierOption(v))
		if err != nil {
			t.Fatal(err)
		}
		if tok.Extra("patient") != patient || tok.Extra("need_patient_banner") != false || tok.Extra("smart_style_url") == nil {
			t.Errorf("token context: patient %v (want %s), need_patient_banner %v", tok.Extra("patient"), patient, tok.Extra("need_patient_banner"))
		}

		other, _, err := s.Register(map[string]any{"application_type": "private", "redirect_uris": []string{Callback},
			"initiate_login_uri": "http://127.0.0.1:1/other", "scope": "openid launch patient/Patient.rs"})
		if err != nil {
			t.Fatal(err)
		}
		_, otherLaunch := ehrLaunch(t, s, other.ClientID, 0)
		for _, tt := range []struct{ name, launch, aud string }{
			{"tampered launch", launch[:len(launch)-3] + "AAA", s.FHIRBase()},
			{"launch without aud", launch, ""},
			{"launch of another app", otherLaunch, s.FHIRBase()},
			{"launch used before", launch, s.FHIRBase()}, // single use
		} {
			page, err := NewBrowser().Get(authURL(tt.launch, tt.aud))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.Location, "error=invalid_request") {
				t.Errorf("%s: %d %q, want an invalid_request redirect", tt.name, page.Status, page.Location)
			}
		}
		// A patient cannot take a clinician's launch (a fresh one: the first
		// was spent above).
		_, fresh := ehrLaunch(t, s, reg.ClientID, 1)
		if _, err := NewBrowser().Authorize(authURL(fresh, s.FHIRBase()), Patient, nil); err == nil {
			t.Error("a patient signed in to an EHR launch")
		}
	})
}

// ehrLaunch plays the clinician on goemr's launch page: sign in, choose the
// nth patient, and follow the redirect to the app's initiate_login_uri. It
// returns the patient and the launch handle.
func ehrLaunch(t *testing.T, s *Server, clientID string, nth int) (string, string) {
	t.Helper()
	br := NewBrowser()
	page, err := br.Get(s.Issuer() + "/smart/launch?client_id=" + url.QueryEscape(clientID))
	if err != nil {
		t.Fatal(err)
	}
	action, csrf, err := page.Form()
	if err != nil {
		t.Fatal(err)
	}
	page, err = br.Submit(action, url.Values{"csrf_token_form": {csrf}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"}})
	if err != nil || !strings.Contains(page.URL.Path, "patient-select") {
		t.Fatalf("after sign-in: %v %v", err, page.URL)
	}
	action, csrf, _ = page.Form()
	patient := page.Values("patient_id")[nth]
	page, err = br.Submit(action, url.Values{"csrf_token_form": {csrf}, "patient_id": {patient}})
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(page.Location)
	if err != nil || u.Query().Get("iss") != s.FHIRBase() || u.Query().Get("launch") == "" {
		t.Fatalf("launch redirect %q", page.Location)
	}
	return patient, u.Query().Get("launch")
}
