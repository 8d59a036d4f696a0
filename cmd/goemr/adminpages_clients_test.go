package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
)

// TestAdminClients: the API Clients page lists clients and each action
// works at once, is audited, and needs the form token.
func TestAdminClients(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ctx := t.Context()
		waiting := &emr.Client{ID: "waiting-app", Site: "default", Name: "Waiting App", Role: emr.ClientRoleUser,
			Confidential: true, RedirectURIs: []string{"https://waiting.example/cb"}, InitiateLoginURI: "https://waiting.example/launch",
			Scope: "openid launch user/Patient.rs"}
		if err := e.Store.CreateClient(ctx, waiting); err != nil {
			t.Fatal(err)
		}
		b := newStaffBrowser(t, e.URL)
		b.signIn("admin", "pass")
		b.get("clients").want(t, http.StatusOK).has(t, "Waiting App", "waiting for approval",
			"https://waiting.example/cb", "https://waiting.example/launch", "user/Patient.rs", e.client.ID)

		t.Run("form token", func(t *testing.T) {
			b.post("clients/waiting-app/approve", nil).want(t, http.StatusForbidden)
			b.post("clients/waiting-app/approve", url.Values{"csrf": {"wrong"}}).want(t, http.StatusForbidden)
			if c, _ := e.Store.ClientByID(ctx, "waiting-app"); c.Enabled {
				t.Fatal("approved without a valid form token")
			}
		})
		t.Run("approve, disable, enable", func(t *testing.T) {
			pg := b.submit("clients", "clients/waiting-app/approve", nil).want(t, http.StatusSeeOther)
			if pg.Location != "/admin/default/clients?done=client-approved" {
				t.Errorf("approve redirects to %s", pg.Location)
			}
			b.get("clients?done=client-approved").has(t, "The client was approved")
			audited(t, e, "client.approve", "waiting-app")
			b.submit("clients", "clients/waiting-app/approve", nil).want(t, http.StatusConflict)
			b.submit("clients", "clients/waiting-app/disable", nil).want(t, http.StatusSeeOther)
			audited(t, e, "client.disable", "waiting-app")
			b.get("clients").has(t, `<span class="badge off">disabled</span>`)
			b.submit("clients", "clients/waiting-app/enable", nil).want(t, http.StatusSeeOther)
			audited(t, e, "client.enable", "waiting-app")
			if c, _ := e.Store.ClientByID(ctx, "waiting-app"); !c.Enabled {
				t.Error("not enabled again")
			}
		})
		t.Run("disable stops the tokens and the client", func(t *testing.T) {
			c := e.register("openid api:oemr user/patient.rs")
			form := url.Values{"grant_type": {"password"}, "client_id": {c.ID}, "client_secret": {c.Secret}, "user_role": {"users"},
				"username": {"admin"}, "password": {"pass"}, "scope": {"openid api:oemr user/patient.rs"}}
			tok := tokenStatus(t, e, form, http.StatusOK)
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200)
			b.submit("clients", "clients/"+c.ID+"/disable", nil).want(t, http.StatusSeeOther)
			e.Do("GET", "/api/patient", tok, nil).Want(t, 401)
			tokenStatus(t, e, form, http.StatusBadRequest) // invalid_client
		})
		t.Run("revoke all tokens", func(t *testing.T) {
			tok := e.Token("users", "openid api:oemr user/patient.rs")
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200)
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200) // now cached as not revoked
			b.submit("clients", "clients/"+e.client.ID+"/revoke", nil).want(t, http.StatusSeeOther)
			e.Do("GET", "/api/patient", tok, nil).Want(t, 401)
			e.Do("GET", "/fhir/Patient", tok, nil).Want(t, 401)
			audited(t, e, "client.revoke", e.client.ID)
			// The client itself may go on: a new token works.
			e.Do("GET", "/api/patient", e.Token("users", "openid api:oemr user/patient.rs"), nil).Want(t, 200)
			b.submit("clients", "clients/"+e.client.ID+"/bogus", nil).want(t, http.StatusNotFound)
			b.submit("clients", "clients/no-such-client/revoke", nil).want(t, http.StatusNotFound)
		})
		t.Run("last use", func(t *testing.T) {
			all, err := e.Store.ClientActivity(ctx)
			if err != nil || all[e.client.ID].LastUsed.IsZero() {
				t.Errorf("no last use recorded for a client that obtained tokens: %v", err)
			}
			row := rowOf(b.get("clients").Body, e.client.ID)
			if strings.Contains(row, ">never<") {
				t.Errorf("the list shows no last use: %s", row)
			}
		})
		t.Run("scopes", func(t *testing.T) {
			before, _ := e.Store.ClientByID(ctx, "waiting-app")
			for bad, msg := range map[string]string{
				"openid user/NoSuchThing.rs": "NoSuchThing",
				"":                           "at least one scope",
				"system/Patient.rs":          "key set",
			} {
				pg := b.submit("clients/waiting-app", "clients/waiting-app/scope", url.Values{"scope": {bad}}).want(t, http.StatusBadRequest)
				pg.has(t, `class="field-error" id="scope-error"`, msg, `aria-invalid="true"`)
			}
			if c, _ := e.Store.ClientByID(ctx, "waiting-app"); c.Scope != before.Scope {
				t.Errorf("a refused edit changed the scopes to %q", c.Scope)
			}
			// Narrowing the test client's scopes revokes its tokens and
			// applies to the next token request at once.
			tok := e.Token("users", "openid api:oemr user/patient.rs")
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200)
			pg := b.submit("clients/"+e.client.ID, "clients/"+e.client.ID+"/scope",
				url.Values{"scope": {"openid\napi:oemr\nuser/patient.rs"}}).want(t, http.StatusSeeOther)
			if !strings.HasSuffix(pg.Location, "done=client-narrowed") {
				t.Errorf("narrowing redirects to %s", pg.Location)
			}
			audited(t, e, "client.scope", "user/patient.rs")
			e.Do("GET", "/api/patient", tok, nil).Want(t, 401)
			form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"},
				"scope": {"openid api:oemr user/encounter.rs"}, "client_id": {e.client.ID}, "client_secret": {e.client.Secret}}
			tokenStatus(t, e, form, http.StatusBadRequest)
			form.Set("scope", "openid api:oemr user/patient.rs")
			e.Do("GET", "/api/patient", tokenStatus(t, e, form, http.StatusOK), nil).Want(t, 200)
		})
	})
}

// rowOf is the table row of a page that mentions id.
func rowOf(body, id string) string {
	for _, row := range strings.Split(body, "<tr>") {
		if strings.Contains(row, id) {
			return row
		}
	}
	return ""
}
