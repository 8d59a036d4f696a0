package e2e

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

const (
	labCategory      = "http://terminology.hl7.org/CodeSystem/observation-category|laboratory"
	problemsCategory = "http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item"
)

// TestGranularScopes: an app asks for category-restricted scopes and gets
// them (SMART v2 granular scopes); and when it asks for a whole resource,
// the user can narrow it to categories on the consent page.
func TestGranularScopes(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		all := "openid launch/patient patient/Patient.rs patient/Observation.rs patient/Condition.rs " +
			"patient/Observation.rs?category=" + labCategory + " patient/Condition.rs?category=" + problemsCategory
		reg, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": all})
		if err != nil {
			t.Fatal(err)
		}
		cfg := &oauth2.Config{ClientID: reg.ClientID, RedirectURL: Callback,
			Endpoint: oauth2.Endpoint{AuthURL: s.Issuer() + "/authorize", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInParams}}
		run := func(scopes string, tick []string) string {
			t.Helper()
			cfg.Scopes = strings.Fields(scopes)
			v := oauth2.GenerateVerifier()
			back, err := NewBrowser().AuthorizeTicking(cfg.AuthCodeURL("g", oauth2.S256ChallengeOption(v)), Patient, nil, tick)
			if err != nil {
				t.Fatal(err)
			}
			tok, err := cfg.Exchange(context.Background(), back.Query().Get("code"), oauth2.VerifierOption(v))
			if err != nil {
				t.Fatal(err)
			}
			return tok.Extra("scope").(string)
		}
		asked := "openid launch/patient patient/Observation.rs?category=" + labCategory
		if got := run(asked, nil); got != asked {
			t.Errorf("granular request: granted %q, want %q", got, asked)
		}
		got := run("openid launch/patient patient/Condition.rs", []string{"patient/Condition.rs?category=" + problemsCategory})
		if want := "openid launch/patient patient/Condition.rs?category=" + problemsCategory; got != want {
			t.Errorf("narrowed at consent: granted %q, want %q", got, want)
		}
	})
}
