package main

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/e2e"
	"goemr/internal/emr"
)

// connectorsForm is the Connectors form with every setting as it is,
// overridden by change.
func connectorsForm(t *testing.T, e *apiEnv, change map[string]string) url.Values {
	t.Helper()
	all, err := e.Store.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{}
	for _, name := range []string{emr.SettingRestAPI, emr.SettingRestPortalAPI, emr.SettingRestFHIRAPI, emr.SettingSystemScopes,
		emr.SettingPasswordGrant, emr.SettingAppManualApproval, emr.SettingSiteAddr, emr.SettingAccessTokenLifetime,
		emr.SettingRefreshTokenLifetime, emr.SettingSystemTokenLifetime} {
		v, ok := change[name]
		if !ok {
			v = all[name]
		}
		if v != "0" || name == emr.SettingPasswordGrant { // an unticked checkbox is not sent
			form.Set(name, v)
		}
	}
	return form
}

// TestAdminConnectors: the switches apply to the very next request, each
// API answers in its own shape, and a bad field saves nothing.
func TestAdminConnectors(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		b := newStaffBrowser(t, e.URL)
		b.signIn("admin", "pass")
		save := func(change map[string]string) *adminPage {
			return b.submit("connectors", "connectors", connectorsForm(t, e, change))
		}
		b.get("connectors").want(t, http.StatusOK).has(t, `id="rest_api" name="rest_api" value="1" checked`)

		t.Run("bad input saves nothing", func(t *testing.T) {
			pg := save(map[string]string{emr.SettingRestAPI: "0", emr.SettingAccessTokenLifetime: "5"}).want(t, http.StatusBadRequest)
			pg.has(t, `id="access_token_lifetime-error"`, "Nothing was saved")
			if v, _ := e.Store.Setting(t.Context(), emr.SettingRestAPI); v != "1" {
				t.Errorf("rest_api saved as %q beside a refused field", v)
			}
			b.post("connectors", connectorsForm(t, e, map[string]string{emr.SettingRestAPI: "0"})).want(t, http.StatusForbidden)
		})
		t.Run("standard API off", func(t *testing.T) {
			save(map[string]string{emr.SettingRestAPI: "0"}).want(t, http.StatusSeeOther)
			audited(t, e, "settings.change", "rest_api=0")
			r := e.Do("GET", "/api/patient", e.Admin, nil).Want(t, http.StatusNotImplemented)
			if r.Str("code") != "501" || r.Str("message") == "" {
				t.Errorf("disabled Standard API body: %s", r.Body)
			}
			e.Do("GET", "/api/version", "", nil).Want(t, http.StatusNotImplemented)
			e.Do("GET", "/fhir/Patient", e.Admin, nil).Want(t, 200)
			e.Do("GET", "/portal/patient", e.Phil, nil).Want(t, 200)
			save(map[string]string{emr.SettingRestAPI: "1"}).want(t, http.StatusSeeOther)
			e.Do("GET", "/api/patient", e.Admin, nil).Want(t, 200)
		})
		t.Run("portal API off", func(t *testing.T) {
			save(map[string]string{emr.SettingRestPortalAPI: "0"}).want(t, http.StatusSeeOther)
			e.Do("GET", "/portal/patient", e.Phil, nil).Want(t, http.StatusNotImplemented)
			e.Do("GET", "/api/patient", e.Admin, nil).Want(t, 200)
			save(map[string]string{emr.SettingRestPortalAPI: "1"}).want(t, http.StatusSeeOther)
		})
		t.Run("FHIR API off", func(t *testing.T) {
			save(map[string]string{emr.SettingRestFHIRAPI: "0"}).want(t, http.StatusSeeOther)
			for _, p := range []string{"/fhir/Patient", "/fhir/metadata", "/fhir"} {
				r := e.Do("GET", p, e.Admin, nil).Want(t, http.StatusNotImplemented)
				if r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-supported" {
					t.Errorf("%s while off: %s", p, r.Body)
				}
			}
			// The authorization server's SMART document stays: it serves
			// the Standard and Portal APIs too.
			if r := e.Do("GET", "/fhir/.well-known/smart-configuration", "", nil); r.Status != 200 {
				t.Errorf("smart-configuration while FHIR is off: %d", r.Status)
			}
			e.Do("GET", "/api/patient", e.Admin, nil).Want(t, 200)
			save(map[string]string{emr.SettingRestFHIRAPI: "1"}).want(t, http.StatusSeeOther)
			e.Do("GET", "/fhir/Patient", e.Admin, nil).Want(t, 200)
		})
		t.Run("system scopes off", func(t *testing.T) {
			bc := newBulkClient(t, e, "system/Patient.rs")
			e.Do("GET", "/fhir/Patient", bc.Token, nil).Want(t, 200)
			save(map[string]string{emr.SettingSystemScopes: "0"}).want(t, http.StatusSeeOther)
			e.Do("GET", "/fhir/Patient", bc.Token, nil).Want(t, 401)
			tokenURL := e.URL + "/oauth2/default/token"
			status, tok, err := e2e.PostForm(tokenURL, url.Values{
				"grant_type": {"client_credentials"}, "scope": {"system/Patient.rs"},
				"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
				"client_assertion":      {e2e.Assertion(bc.key, jose.RS384, bc.id, tokenURL, nil)},
			}, "", "")
			if err != nil || status != 400 || tok["error"] != "unauthorized_client" {
				t.Errorf("client_credentials while off: %d %v %v", status, tok, err)
			}
			e.Do("GET", "/fhir/Patient", e.Admin, nil).Want(t, 200)
			save(map[string]string{emr.SettingSystemScopes: "1"}).want(t, http.StatusSeeOther)
			e.Do("GET", "/fhir/Patient", bc.Token, nil).Want(t, 200)
		})
	})
}
