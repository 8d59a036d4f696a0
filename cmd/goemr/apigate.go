package main

import (
	"context"
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/fhir"
	"goemr/internal/restapi"
)

// apiSwitch refuses every request to an API while its Connectors setting
// (OpenEMR's rest_api, rest_portal_api, rest_fhir_api globals) is "0",
// answering in that API's own error shape; other APIs are unaffected.
// OpenEMR 8 consults these switches only at its OAuth2 endpoints; goemr
// enforces them on the API itself, as OpenEMR 7's dispatcher did (501).
//
// For FHIR the CapabilityStatement (metadata) is refused too: it would
// advertise interactions the server is not serving, and a client is
// better told at once that the API is off. The SMART configuration
// document under …/fhir/.well-known/ stays: it is the authorization
// server's, which also serves the Standard and Portal APIs.
//
// The setting is read per request from the store's settings cache
// (store.cachedSettings), not the database: a change made on the
// Connectors page of any process applies to the next request (the
// write moves the security version every process checks).
func apiSwitch(settings emr.SettingService, name, message string, refuse func(http.ResponseWriter, *http.Request, string)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !apiEnabled(r.Context(), settings, name) {
				w.Header().Set("Cache-Control", "no-store")
				refuse(w, r, message)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// apiEnabled reads a switch; a store failure leaves the API on (the
// request then fails, or not, on its own merits) rather than turning every
// API off during a database hiccup.
func apiEnabled(ctx context.Context, settings emr.SettingService, name string) bool {
	v, err := settings.Setting(ctx, name)
	return err != nil || v != "0"
}

// The three switches, with the message each API answers while off.

func standardAPISwitch(s emr.SettingService) func(http.Handler) http.Handler {
	return apiSwitch(s, emr.SettingRestAPI, "The Standard API is disabled on this server (Connectors: rest_api).", restapi.WriteDisabled)
}

func portalAPISwitch(s emr.SettingService) func(http.Handler) http.Handler {
	return apiSwitch(s, emr.SettingRestPortalAPI, "The Patient Portal API is disabled on this server (Connectors: rest_portal_api).", restapi.WriteDisabled)
}

func fhirAPISwitch(s emr.SettingService) func(http.Handler) http.Handler {
	return apiSwitch(s, emr.SettingRestFHIRAPI, "The FHIR API is disabled on this server (Connectors: rest_fhir_api).", fhir.WriteDisabled)
}
