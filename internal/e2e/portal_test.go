package e2e

import (
	"context"
	"encoding/json"
	"testing"

	"golang.org/x/oauth2"
)

// TestPortalAfterSMARTLaunch: a patient who signs in through a SMART
// standalone launch (authorization code, portal login) gets a token for
// the Patient Portal API that shows their own record, encounters and
// appointments, and no other patient's.
func TestPortalAfterSMARTLaunch(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		scopes := []string{"openid", "launch/patient", "api:port", "patient/patient.s", "patient/encounter.rs", "patient/appointment.rs"}
		reg, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid launch/patient api:port patient/patient.s patient/encounter.rs patient/appointment.rs"})
		if err != nil {
			t.Fatal(err)
		}
		cfg := &oauth2.Config{ClientID: reg.ClientID, RedirectURL: Callback, Scopes: scopes,
			Endpoint: oauth2.Endpoint{AuthURL: s.Issuer() + "/authorize", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInParams}}
		v := oauth2.GenerateVerifier()
		back, err := NewBrowser().Authorize(cfg.AuthCodeURL("x", oauth2.S256ChallengeOption(v), oauth2.SetAuthURLParam("aud", s.FHIRBase())), Patient, nil)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := cfg.Exchange(context.Background(), back.Query().Get("code"), oauth2.VerifierOption(v))
		if err != nil {
			t.Fatal(err)
		}
		patient, _ := tok.Extra("patient").(string)
		client := cfg.Client(context.Background(), tok)
		get := func(path string) (int, map[string]any, []any) {
			resp, err := client.Get(s.URL + "/apis/default" + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body any
			json.NewDecoder(resp.Body).Decode(&body)
			m, _ := body.(map[string]any)
			l, _ := body.([]any)
			return resp.StatusCode, m, l
		}
		status, rec, _ := get("/portal/patient")
		if data, _ := rec["data"].(map[string]any); status != 200 || data["uuid"] != patient {
			t.Fatalf("/portal/patient: %d %v (token patient %s)", status, rec, patient)
		}
		status, rec, _ = get("/portal/patient/encounter")
		encounters, _ := rec["data"].([]any)
		if status != 200 || len(encounters) == 0 {
			t.Fatalf("/portal/patient/encounter: %d %v", status, rec)
		}
		for _, e := range encounters {
			if e.(map[string]any)["puuid"] != patient {
				t.Errorf("another patient's encounter: %v", e)
			}
		}
		status, _, appts := get("/portal/patient/appointment")
		if status != 200 {
			t.Fatalf("/portal/patient/appointment: %d", status)
		}
		for _, a := range appts {
			if a.(map[string]any)["puuid"] != patient {
				t.Errorf("another patient's appointment: %v", a)
			}
		}
		// The standard API stays closed to a patient token.
		if status, _, _ := get("/api/patient"); status != 403 {
			t.Errorf("patient token on /api/patient: %d", status)
		}
	})
}
