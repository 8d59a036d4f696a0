package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// The "SMART Enabled Apps" panel and the EHR launch from the chart (SMART
// App Launch 2.x "EHR Launch"): the browser is sent to the app's
// initiate_login_uri with iss and launch.
func TestAdminChartLaunch(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		b := chartSignIn(t, e, demo.AdminUser, demo.AdminPassword)
		puuid := demo.ID("patient", 1)
		chart := "/admin/default/patients/" + puuid
		b.get(chart).want(t, 200).has(t, "No apps with a launch URI are enabled", `href="/admin/default/clients"`)

		appID := chartRegisterApp(t, e, "Growth Chart", "https://app.example.org/launch?v=2")
		page := b.get(chart).want(t, 200)
		page.has(t, "SMART Enabled Apps", "Growth Chart", `name="client_id" value="`+appID+`"`, `<option value="">No encounter</option>`)
		if strings.Contains(page.Body, "scenario tests") {
			t.Error("an app without a launch URI is listed")
		}

		p := b.post(chart+"/launch", url.Values{"client_id": {appID}}).want(t, 303)
		to, err := url.Parse(p.Location)
		if err != nil || to.Scheme+"://"+to.Host+to.Path != "https://app.example.org/launch" {
			t.Fatalf("launch sent the browser to %q", p.Location)
		}
		q := to.Query()
		if q.Get("iss") != e.URL+"/apis/default/fhir" || q.Get("launch") == "" || q.Get("v") != "2" {
			t.Errorf("launch URL %s", p.Location)
		}

		phil, err := e.Store.PatientByUUID(ctx, puuid)
		if err != nil {
			t.Fatal(err)
		}
		own, err := e.Store.List(ctx, resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", phil.PID)}, Limit: 1,
			Sort: []emr.SortKey{{Field: "date", Desc: true}, {Field: "id", Desc: true}}})
		if err != nil || len(own) == 0 {
			t.Fatalf("patient 1 encounters: %v %d", err, len(own))
		}
		euuid := own[0].Str("euuid")
		b.get(chart+"?encounter="+euuid).want(t, 200).has(t, `<option value="`+euuid+`" selected>`)
		p = b.post(chart+"/launch", url.Values{"client_id": {appID}, "encounter": {euuid}}).want(t, 303)
		if !strings.HasPrefix(p.Location, "https://app.example.org/launch?") {
			t.Errorf("launch with encounter: %q", p.Location)
		}

		theirs, err := e.Store.List(ctx, resource.Encounter, emr.Query{Where: []emr.Cond{{Field: "pid", Match: emr.NotEq, Value: phil.PID}}, Limit: 1})
		if err != nil || len(theirs) == 0 {
			t.Fatalf("patient 2 encounters: %v %d", err, len(theirs))
		}
		p = b.post(chart+"/launch", url.Values{"client_id": {appID}, "encounter": {theirs[0].Str("euuid")}}).want(t, 400)
		p.has(t, `aria-invalid="true"`, `class="field-error"`, "Choose one of this patient&#39;s encounters")
		b.post(chart+"/launch", url.Values{"client_id": {appID}, "encounter": {"not-an-encounter"}}).want(t, 400)

		b.post(chart+"/launch", url.Values{"client_id": {appID}, "csrf": {""}}).want(t, 403)
		b.post(chart+"/launch", url.Values{"client_id": {appID}, "csrf": {"forged"}}).want(t, 403)
		b.post(chart+"/launch", url.Values{"client_id": {"no-such-app"}}).want(t, 400)
		b.post(chart+"/launch", url.Values{"client_id": {e.client.ID}}).want(t, 400).has(t, "cannot be launched")
		b.post("/admin/default/patients/00000000-0000-4000-8000-000000000000/launch", url.Values{"client_id": {appID}}).want(t, 404)

		events, err := e.Store.ListAudit(ctx, emr.AuditFilter{Event: "admin.launch"})
		if err != nil {
			t.Fatal(err)
		}
		var ok, failed int
		for _, ev := range events {
			switch {
			case ev.Outcome == "success" && ev.ClientID == appID && ev.PatientUUID == puuid && ev.Subject == demo.ID("user", 1):
				ok++
			case ev.Outcome == "failure":
				failed++
			}
		}
		if ok != 2 || failed != 4 {
			t.Errorf("admin.launch audit: %d successes, %d failures; want 2, 4", ok, failed)
		}
		views, err := e.Store.ListAudit(ctx, emr.AuditFilter{Event: "admin.chart", Patient: puuid})
		if err != nil || len(views) != 3 {
			t.Errorf("admin.chart audit: %d views of the chart, want 3 (%v)", len(views), err)
		}
	})
}

// chartRegisterApp registers an app that can be launched from the EHR: a
// launch URI and the launch scope (enabled at once on a demo server).
func chartRegisterApp(t *testing.T, e *apiEnv, name, launchURI string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"client_name": name, "application_type": "private", "redirect_uris": []string{"https://app.example.org/cb"},
		"initiate_login_uri": launchURI, "token_endpoint_auth_method": "client_secret_post",
		"scope": "openid launch patient/Patient.rs patient/Observation.rs",
	})
	resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var reg struct {
		ClientID string `json:"client_id"`
	}
	if resp.StatusCode != 201 || json.Unmarshal(raw, &reg) != nil || reg.ClientID == "" {
		t.Fatalf("register %s: %d %s", name, resp.StatusCode, raw)
	}
	return reg.ClientID
}
